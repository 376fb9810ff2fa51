// Which way in an inbound question means when it names more than a workload: the load balancer address of the
// workload's own LoadBalancer Service (not the ingress the workload is also behind), and a ClusterIP Service said
// with the way in in front of it (Front Door, a route or an ingress), which is not reachable from outside itself.
import { join } from 'node:path';
import { ask } from '../../src/answer';
import { SnapshotInventory } from '../../src/inventory/snapshot';

const fixture = (name: string) => SnapshotInventory.load(join(__dirname, '..', 'fixtures', name));
const inbound = (q: string, inv: SnapshotInventory) => ask(q, inv, {}, 'inbound');

test("aks-lb: the address of web's LoadBalancer Service said with web is the way in, not web's ingress", async () => {
  const inv = fixture('aks-lb');
  const r = await inbound('the rule for 20.31.46.20 — how does a request get to web?', inv);
  expect(r.status).toBe('answered');
  expect(r.hops.map((h) => h.kind)).not.toContain('ingress-controller');
  expect(r.hops.find((h) => h.kind === 'public-ip')?.ip).toBe('20.31.46.20');
  // externalTrafficPolicy Local: the health probe's node port is named on the node hop
  expect(r.hops.find((h) => h.kind === 'node')?.note).toMatch(/healthCheckNodePort 32156/);
  // without the address, web is reached through its ingress
  const plain = await inbound('how does a request get to web?', inv);
  expect(plain.hops.map((h) => h.kind)).toContain('ingress-controller');
});

test('aro-afd: "the sqlapi service through Front Door" is the route in front of it, not the ClusterIP Service', async () => {
  const inv = fixture('aro-afd');
  const r = await inbound('the sqlapi service is reached through Front Door: which hops lead to the pod?', inv);
  expect(r.status).toBe('answered');
  expect(r.hops.map((h) => h.kind).slice(0, 2)).toEqual(['client', 'front-door']);
  expect(r.hops[r.hops.length - 1].name).toBe('project1/sqlapi-1-8jgx8');
  // said without a way in, the ClusterIP Service is what was asked about: not reachable from outside
  const bare = await inbound('how is the sqlapi service reached from outside?', inv);
  expect(bare.answer).toMatch(/ClusterIP/);
});
