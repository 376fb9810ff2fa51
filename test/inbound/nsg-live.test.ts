// The NSGs on the way in through the live adapters (real SDK against the fake ARM server): the answer matches the
// snapshot's, the subnet and NIC NSGs are read alongside the load balancer (one round more than before), and a
// captured folder answers the same.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ask } from '../../src/answer';
import { capture } from '../../src/inventory/capture';
import { LiveInventory } from '../../src/inventory/live';
import { SnapshotInventory } from '../../src/inventory/snapshot';
import { jsonWithoutAge, liveRig, rounds, type LiveRig } from '../helpers/live';

const DIR = join(__dirname, '..', 'fixtures', 'aks-lb-byo-nsg');
const DENIED = 'how does traffic reach 20.31.46.20';
const NSGS = /\/networkSecurityGroups\/[^/]+$/i;

let rig: LiveRig;
beforeAll(async () => {
  rig = await liveRig(DIR);
});
afterAll(() => rig.stop());

test('live answers like the snapshot: the subnet NSG drops the Internet on port 80', async () => {
  const live = await ask(DENIED, rig.inventory);
  expect(live.answer).toMatch(/^A client on the Internet cannot get in on tcp 20\.31\.46\.20:80/);
  expect(jsonWithoutAge(live)).toEqual(jsonWithoutAge(await ask(DENIED, SnapshotInventory.load(DIR))));
});

test('both NSGs are read, alongside the load balancer lookup', async () => {
  rig.arm.latencyMs = 150;
  const inv = new LiveInventory(rig.inventory.kube, rig.freshArm());
  const before = rig.arm.requests.length;
  await ask(DENIED, inv).finally(() => (rig.arm.latencyMs = 0));
  const cold = rig.arm.requests.slice(before);
  expect(cold.filter((r) => NSGS.test(r.path)).map((r) => r.path.split('/').pop())).toEqual(
    expect.arrayContaining(['aks-subnet-nsg', 'aks-agentpool-12345678-nsg']),
  );
  // the load balancers and the node's NICs, then the public IP and the subnet, then both NSGs
  expect(rounds(cold)).toBeLessThanOrEqual(3);
  expect(cold.length).toBeLessThanOrEqual(8);
});

test('a captured folder answers the same', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'capture-nsg-'));
  const summary = await capture(rig.inventory, rig.inventory.azure, dir);
  expect(summary.failures).toEqual([]);
  const captured = await ask(DENIED, SnapshotInventory.load(dir));
  expect(jsonWithoutAge(captured)).toEqual(jsonWithoutAge(await ask(DENIED, rig.inventory)));
});
