// A pod dialing one of this cluster's own front doors: a Service's load balancer IP (or external IP) is taken by the
// service proxy on the pod's node (ipMode VIP, the default), so the path stays inside the cluster and no outbound
// SNAT applies; a host a route or ingress serves is dialed at the address public DNS gives it. A front door that is no
// Service of ours (an Application Gateway) is reached on the pod's way out.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ask } from '../../src/answer';
import { SnapshotInventory } from '../../src/inventory/snapshot';
import { edit } from '../helpers/fixtures';

const demo = SnapshotInventory.demo();
const fixture = (name: string) => join(__dirname, '..', 'fixtures', name);
const HOST = 'sqlapilb-project1.apps.m50kgrxk.northeurope.aroapp.io';

/** aks-lb with its Services edited. */
async function onAksLb(q: string, fn: (svc: { metadata: { name: string }; spec: any; status?: any }) => void) {
  const dir = mkdtempSync(join(tmpdir(), 'own-front-'));
  cpSync(fixture('aks-lb'), dir, { recursive: true });
  edit(dir, 'kubernetes/core.json', (doc) => {
    for (const item of doc.items) if (item.kind === 'Service') fn(item);
  });
  try {
    return await ask(q, SnapshotInventory.load(dir));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test("a pod calling the router's load balancer IP: a path inside the cluster, the router sees the pod IP", async () => {
  const r = await ask('what source ip does sqlapi have when it calls 20.67.170.10', demo);
  expect(r.intent).toBe('east-west');
  expect(r.answer).toMatch(/sees 10\.129\.2\.7 \(the pod IP of sqlapi-1-8jgx8\)/);
  expect(r.answer).toMatch(/through Service router-default \(20\.67\.170\.10:80, its load balancer IP/);
  // the outbound rule's address is no part of it
  expect(JSON.stringify(r)).not.toMatch(/20\.105\.84\.161/);
  expect(r.hops.map((h) => h.kind)).not.toContain('load-balancer');
  const node = r.hops.find((h) => h.kind === 'node');
  expect(node?.nat).toMatchObject({ kind: 'dnat', from: '20.67.170.10:80' });
  expect(r.seenAs).toEqual(['10.129.2.7']);
  expect(r.warnings.join('\n')).toMatch(/load balancer IP of Service openshift-ingress\/router-default.*ipMode VIP/);
});

test('a pod reaching a host our route serves: the host resolves to the router, then the router proxies', async () => {
  for (const q of [`how does pod sqlapi reach ${HOST}`, `path from pod sqlapi to ${HOST}`]) {
    const r = await ask(q, demo);
    expect(r.intent).toBe('east-west');
    expect(r.hops[0].name).toBe('project1/sqlapi-1-8jgx8');
    expect(r.hops.at(-1)?.name).toMatch(/^openshift-ingress\/router-default-/);
    const said = r.warnings.join('\n');
    expect(said).toMatch(new RegExp(`${HOST} is served by route project1/sqlapilb: public DNS resolves it to 20\\.67`));
    expect(said).toMatch(/opens its own connection to the backends of route project1\/sqlapilb/);
  }
});

test('a request to the host reaching the pod is still the way in from the Internet', async () => {
  const r = await ask(`how does a request to http://${HOST}/api reach the sqlapi pod`, demo);
  expect(r.intent).toBe('inbound');
  expect(r.hops[0].kind).toBe('client');
});

test('ipMode Proxy: the load balancer IP is not taken on the node, the pod goes out through the load balancer', async () => {
  const q = 'what source ip does api have when it calls 20.31.46.88';
  const vip = await onAksLb(q, () => undefined);
  expect(vip.intent).toBe('east-west');
  expect(vip.answer).toMatch(/through Service ingress-nginx-controller \(20\.31\.46\.88:80, its load balancer IP/);
  const proxy = await onAksLb(q, (svc) => {
    for (const i of svc.status?.loadBalancer?.ingress ?? []) i.ipMode = 'Proxy';
  });
  expect(proxy.intent).toBe('egress');
  expect(proxy.answer).toMatch(/reaches 20\.31\.46\.88 as 20\.31\.45\.117/);
});

test("a Service's external IP is taken on the node like its ClusterIP", async () => {
  const r = await onAksLb('what source ip does api have when it calls 10.224.9.9', (svc) => {
    if (svc.metadata.name === 'web') svc.spec.externalIPs = ['10.224.9.9'];
  });
  expect(r.intent).toBe('east-west');
  expect(r.answer).toMatch(/through Service web \(10\.224\.9\.9:80, its external IP/);
  expect(r.hops.at(-1)?.name).toMatch(/^shop\/web-/);
});

test("a host an Application Gateway serves is reached on the pod's way out, seen as the egress IP", async () => {
  const inv = SnapshotInventory.load(fixture('aks-agic'));
  const r = await ask('how does web reach shop-agw.contoso.com', inv);
  expect(r.intent).toBe('east-west');
  expect(r.answer).toMatch(
    /^All 2 replicas of web .*\nweb-7d4b9c8f6d-abcde \(shop\) reaches 20\.31\.50\.10 as 20\.31\.45\.117/,
  );
  expect(r.warnings.join('\n')).toMatch(/shop-agw\.contoso\.com is served by ingress .*Application Gateway/);
  // asked as a verdict: the way out judged
  const v = await ask('is web allowed to call https://shop-agw.contoso.com', inv);
  expect(v.answer).toMatch(/^Yes: shop\/web-7d4b9c8f6d-abcde can reach 20\.31\.50\.10 on tcp:443 as far as/);
  expect(v.verdict).toEqual({ allowed: true, by: [] });
});

test("a URL's scheme says the port dialed at our front door: https is the ingress controller's 443", async () => {
  const q = 'what source ip does the ingress see when api calls https://shop.contoso.com/cart';
  const r = await ask(q, SnapshotInventory.load(fixture('aks-lb')));
  expect(r.intent).toBe('east-west');
  expect(r.answer).toMatch(/through Service ingress-nginx-controller \(20\.31\.46\.88:443, its load balancer IP/);
  expect(r.hops.at(-1)?.name).toMatch(/^ingress-nginx\/ingress-nginx-controller-/);
});

test('asked as egress, a call to a host our ingress serves is the path to the ingress controller, no public IP', async () => {
  const inv = SnapshotInventory.load(fixture('aks-lb'));
  const r = await ask('which public ip does api use to call shop.contoso.com', inv);
  expect(r.intent).toBe('east-west');
  expect(r.answer).toMatch(/sees 10\.244\.2\.15 .* through Service ingress-nginx-controller \(20\.31\.46\.88:80/);
  expect(JSON.stringify(r)).not.toMatch(/20\.31\.45\.117/);
});

test('asked as egress, a host an Application Gateway serves is the way out to its address, said why', async () => {
  const r = await ask(
    'which public ip does web use to call shop-agw.contoso.com',
    SnapshotInventory.load(fixture('aks-agic')),
  );
  expect(r.intent).toBe('egress');
  expect(r.answer).toMatch(/reaches 20\.31\.50\.10 as 20\.31\.45\.117/);
  expect(r.warnings).toContain(
    'shop-agw.contoso.com is served by ingress shop/web-agw: public DNS resolves it to 20.31.50.10 (Application Gateway aks-agw)',
  );
});
