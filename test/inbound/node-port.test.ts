// A node port as the way in: client → node IP:nodePort → (DNAT; SNAT with externalTrafficPolicy Cluster) → pod,
// without the load balancer hop; which node addresses answer, and whether they are reachable from outside at all.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ask } from '../../src/answer';
import { SnapshotInventory } from '../../src/inventory/snapshot';
import { edit } from '../helpers/fixtures';

const FX = (name: string) => join(__dirname, '..', 'fixtures', name);
const inbound = (q: string, inv: SnapshotInventory) => ask(q, inv, {}, 'inbound');
const ipbased = SnapshotInventory.load(FX('aks-ipbased'));
const copies: string[] = [];
afterAll(() => copies.forEach((d) => rmSync(d, { recursive: true, force: true })));

test('aks-ipbased: "nodeport 31380 hit from outside" is web\'s node port, straight to a node, no load balancer', async () => {
  const r = await inbound('nodeport 31380 hit from outside, which pod gets it', ipbased);
  expect(r.status).toBe('answered');
  expect(r.hops.map((h) => h.kind)).toEqual(['client', 'node', 'pod']);
  expect(r.hops[1]).toMatchObject({ ip: '10.224.0.4', port: 31380 });
  expect(r.answer).toMatch(/Node port 31380 belongs to Service shop\/web \(LoadBalancer, port 80 → 8080\)/);
  // externalTrafficPolicy Local: each node with a web pod hands the packet to its own pod, keeping the client IP
  expect(r.answer).toMatch(/10\.224\.0\.4:31380 → web-7d4b9c8f6d-abcde \(10\.244\.0\.12:8080\)/);
  expect(r.answer).toMatch(/10\.224\.0\.5:31380 → web-7d4b9c8f6d-fghij \(10\.244\.1\.8:8080\)/);
  expect([r.seenAs, r.clientIp]).toEqual([['client'], 'kept']);
  expect(r.warnings.join('\n')).toMatch(/10\.224\.0\.6, 10\.224\.0\.7 have no ready web pod and drop/);
  // the nodes have no public IP: from the Internet the way in is the load balancer
  expect(r.answer).toMatch(/no node has a public IP .* reachable only from the VNet/);
  expect(r.answer).toMatch(/load balancer at 20\.31\.46\.20:80/);
  expect(r.facts).toContainEqual({
    label: 'Service',
    value: 'shop/web (LoadBalancer, port 80 → 8080, nodePort 31380)',
  });
});

test('a node address with the node port: that node, and not the client; a node without a pod drops it', async () => {
  const r = await inbound('inbound 10.224.0.5:31380', ipbased);
  expect(r.hops[0].ip).toBeUndefined();
  expect(r.hops[1]).toMatchObject({ name: 'aks-nodepool1-12345678-vmss000001', ip: '10.224.0.5', port: 31380 });
  expect(r.hops[2].name).toBe('shop/web-7d4b9c8f6d-fghij');
  expect(r.answer).toMatch(/in between: 10\.224\.0\.5:31380 → web-7d4b9c8f6d-fghij/);
  const none = await inbound('-> 10.224.0.6:31380', ipbased);
  expect(none.hops.map((h) => h.kind)).toEqual(['client', 'node']);
  expect(none.answer).toMatch(/10\.224\.0\.6:31380 itself has no ready web pod: it drops the packet/);
});

test('terse forms; externalTrafficPolicy Cluster SNATs to the node hit; a port nobody owns', async () => {
  const r = await inbound('inbound nodeport/30812', ipbased);
  expect(r.answer).toMatch(/Service ingress-nginx\/ingress-nginx-controller/);
  expect(r.clientIp).toBe('snat');
  expect(r.seenAs).toEqual(['10.224.0.4', '10.224.0.5', '10.224.0.6', '10.224.0.7']);
  expect(r.hops[1].note).toMatch(/SNAT to 10\.224\.0\.4 \(externalTrafficPolicy Cluster\)/);
  const same = await inbound('inbound nodeport 30812', ipbased);
  expect(same.answer).toBe(r.answer);
  const nobody = await inbound('inbound nodeport 30000', ipbased);
  expect(nobody.status).toBe('not-found');
  expect(nobody.answer).toMatch(/No Service has node port 30000/);
});

test('ARO: OVN-Kubernetes SNATs to the gateway router address; workers are private', async () => {
  const r = await inbound('inbound nodeport 30039', SnapshotInventory.demo());
  expect(r.answer).toMatch(/Service project1\/sqlapilb/);
  expect(r.answer).toMatch(/OVN gateway router \(join switch\) address/);
  expect(r.answer).toMatch(/ARO workers have no public IP/);
  expect(r.answer).toMatch(/internal load balancer at 10\.0\.2\.10:8080/);
});

test('a node with a public IP (status ExternalIP) takes the node port from the Internet', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'nodeport-'));
  copies.push(dir);
  cpSync(FX('aks-ipbased'), dir, { recursive: true });
  edit(dir, 'kubernetes/core.json', (doc) => {
    const n = doc.items.find((i: { metadata: { name: string } }) => i.metadata.name.endsWith('vmss000000'));
    n.status.addresses.push({ type: 'ExternalIP', address: '20.31.47.4' });
  });
  const r = await inbound('nodeport 31380 hit from outside, which pod gets it', SnapshotInventory.load(dir));
  expect(r.answer).toMatch(/nodes with a public IP \(aks-nodepool1-12345678-vmss000000 20\.31\.47\.4\)/);
});
