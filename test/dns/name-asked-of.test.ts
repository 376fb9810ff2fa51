// A Service name looked up from a pod: the answer names the address and the server the pod asked for it, the cluster
// DNS at its resolv.conf nameserver (the DNS Service's ClusterIP, or AKS's dnsServiceIp when no Service was read).
import { join } from 'node:path';
import { ask } from '../../src/answer';
import { SnapshotInventory } from '../../src/inventory/snapshot';

const fx = (name: string) => SnapshotInventory.load(join(__dirname, '..', 'fixtures', name));
const e2e = () => SnapshotInventory.load(join(__dirname, '..', 'nlu', 'fixtures', 'netpol-e2e'));

test('demo: sqlapi looks server up at dns-default 172.30.0.10', async () => {
  const r = await ask('how does sqlapi look up server?', SnapshotInventory.demo());
  expect(r.status).toBe('answered');
  expect(r.answer).toMatch(/^server resolves from project1\/sqlapi-1-8jgx8 to 172\.30\.138\.47 /);
  expect(r.answer).toContain('sqlapi-1-8jgx8 asks the cluster DNS at 172.30.0.10 (Service openshift-dns/dns-default');
});

test('aks-lb: a headless Service, asked of kube-dns 10.0.0.10', async () => {
  const r = await ask('how does api find db?', fx('aks-lb'));
  expect(r.answer).toContain('10.244.1.9');
  expect(r.answer).toContain('asks the cluster DNS at 10.0.0.10 (Service kube-system/kube-dns');
});

test('no cluster DNS Service read: the kubelet nameserver (dnsServiceIp) is the one asked', async () => {
  const r = await ask('how does x/b resolve s-y-a.y', e2e());
  expect(r.answer).toContain('10.0.51.10');
  expect(r.answer).toContain('asks the cluster DNS at 10.0.0.10 (the cluster DNS Service IP');
});

test('no pod said: no server named (it depends on the pod asking)', async () => {
  const r = await ask('what does server.project1 resolve to?', SnapshotInventory.demo());
  expect(r.answer).not.toContain('asks the cluster DNS');
});

test('"how does server resolve that?": the pod before the verb looks up the name said before', async () => {
  const r = await ask(
    'Helm values say SQLAPI_HOST=sqlapi.project1 — how does server resolve that?',
    fx('aro-egressip'),
  );
  expect(r.answer).toMatch(/^sqlapi\.project1 resolves from project1\/server-1-ppl25 to /);
});
