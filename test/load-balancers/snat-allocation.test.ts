// The SNAT allocation asked as a count or as room to grow is the SNAT view: the ports each node gets and how many
// nodes the outbound rule serves (frontend IPs × 64,000 / ports per instance), or the default table's figures.
// https://learn.microsoft.com/azure/load-balancer/outbound-rules#scale
// https://learn.microsoft.com/azure/load-balancer/load-balancer-outbound-connections#preallocatedports
import { join } from 'node:path';
import { ask } from '../../src/answer';
import { SnapshotInventory } from '../../src/inventory/snapshot';
import type { Ctx } from '../../src/family';
import { resolve } from '../../src/load-balancers/resolve';
import type { Intent } from '../../src/nlu/parse';

const load = (name: string) => SnapshotInventory.load(join(__dirname, '..', 'fixtures', name));

const snatOf = async (text: string) => {
  const s = await resolve({ text, names: [] } as unknown as Intent, {} as Ctx);
  return 'snat' in s ? s.snat : undefined;
};

test.each([
  'how many outbound ports will every worker get?',
  'outbound rule says 0 ports allocated, so how many does a node really get?',
  'outbound snat ports on the cluster lb: room to add workers?',
  'are we near the snat limit?',
])('"%s" asks for the SNAT view', async (text) => {
  expect(await snatOf(text)).toBe(true);
});

test.each([
  'which load balancers are there?',
  'what does load balancer kubernetes do?',
  'how many ports does lb x open',
])('"%s" is the load balancer list', async (text) => {
  expect(await snatOf(text)).toBeUndefined();
});

test('default allocation (allocatedOutboundPorts 0): the ports for the pool size, and how they shrink', async () => {
  const r = await ask('lb kubernetes: how many outbound ports will every worker get?', load('aks-lb'));
  expect(r.intent).toBe('load-balancers');
  expect(r.answer).toMatch(/1,024 SNAT ports per node \(allocatedOutboundPorts 0: Azure's default, 1024 per instance/);
  expect(r.answer).toMatch(/for a pool of 3\); the default shrinks as the pool grows: 1,024 up to 50 nodes, then 512/);
});

test('explicit allocation: room for frontend IPs × 64,000 / ports per instance', async () => {
  const r = await ask('load balancer aro2-p8bjm outbound ports: room to add workers?', load('aro-effective-routes'));
  expect(r.answer).toMatch(/room for 62 nodes \(1 frontend IP × 64,000 \/ 1024; 3 in the pool\)/);
  const prefix = await ask('are we running out of snat ports?', load('aks-lb-prefix'));
  expect(prefix.answer).toMatch(/room for 16 nodes \(4 frontend IPs × 64,000 \/ 16000; 3 in the pool\)/);
});

test('the load balancer list says the default as the ports it gives', async () => {
  const r = await ask('which load balancers are there?', load('aks-lb'));
  expect(r.answer).toMatch(
    /outbound rule aksOutboundRule \(1024 ports per instance, the default for a pool of 3, 30 min idle\)/,
  );
});

test("the load balancer list says each outbound rule's node capacity, set or Azure's default", async () => {
  const said = async (inv: SnapshotInventory) =>
    JSON.stringify(await ask('max node count the outbound SNAT config supports', inv));
  expect(await said(SnapshotInventory.demo())).toMatch(/outboundrule serves at most 62 nodes/);
  expect(await said(load('aks-lb'))).toMatch(/aksOutboundRule serves up to 1,000 nodes \(Azure's default allocation/);
  // a prefix frontend counts each address of its range
  expect(await said(load('aks-lb-prefix'))).toMatch(
    /aksOutboundRule serves at most 16 nodes \(4 frontend IPs from prefix 20\.31\.44\.0\/30 × 64,000 \/ 16000 ports\)/,
  );
});
