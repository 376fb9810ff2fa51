// A route or ingress host is a public name: its DNS answer is the address the inbound answer enters by.
import { join } from 'node:path';
import { ask } from '../../src/answer';
import { SnapshotInventory } from '../../src/inventory/snapshot';

const HOST = 'sqlapilb-project1.apps.m50kgrxk.northeurope.aroapp.io';

test('a route host resolves to the router Service external IP, the same as the inbound entry', async () => {
  const demo = SnapshotInventory.demo();
  const dns = await ask(`dns lookup ${HOST}`, demo);
  const inbound = await ask(`how does traffic reach ${HOST}`, demo);
  const entry = inbound.hops.find((h) => h.kind === 'dns')?.ip;
  expect(dns.intent).toBe('dns');
  expect(dns.status).toBe('answered');
  expect(entry).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
  expect(dns.hops[0].ip).toBe(entry);
  expect(dns.answer).toContain(`route project1/sqlapilb`);
  expect(dns.answer).toContain(`wildcard record *.apps.m50kgrxk.northeurope.aroapp.io`);
  expect(dns.answer).toContain('openshift-ingress/router-default');
});

test('an ingress host resolves to the ingress controller Service external IP', async () => {
  const aks = SnapshotInventory.load(join(__dirname, '..', 'fixtures', 'aks-lb'));
  const dns = await ask('dig shop.contoso.com', aks);
  const inbound = await ask('how does traffic reach shop.contoso.com', aks);
  expect(dns.status).toBe('answered');
  expect(dns.hops[0].ip).toBe(inbound.hops.find((h) => h.kind === 'dns')?.ip);
  expect(dns.answer).toMatch(/^shop\.contoso\.com is served by ingress /);
});

test('cluster names still resolve by the cluster DNS rules', async () => {
  const r = await ask('what does server.project1.svc.cluster.local resolve to?', SnapshotInventory.demo());
  expect(r.answer).toMatch(/the ClusterIP of Service project1\/server/);
});
