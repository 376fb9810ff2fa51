// Reachability through the live adapters (real SDKs against the fake Kubernetes and ARM servers):
// the NSG fixture answers as its snapshot does, a cold reachability answer's ARM requests are bounded,
// and capture writes the NSGs the walk read, so the captured folder answers the same.
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ask } from '../../src/answer';
import { capture } from '../../src/inventory/capture';
import { LiveInventory } from '../../src/inventory/live';
import { SnapshotInventory } from '../../src/inventory/snapshot';
import type { PathResult } from '../../src/path/result';
import { liveRig, rounds, type LiveRig, jsonWithoutAge } from '../helpers/live';

const DIR = join(__dirname, '..', 'fixtures', 'aks-cni-nsg');
const QUESTIONS = ['can api reach db-0 on 5432', 'can web reach db-0 on 5432', 'can api reach web on 8080'];

let rig: LiveRig;
beforeAll(async () => {
  rig = await liveRig(DIR);
});
afterAll(() => rig.stop());

// live reads no `az aks show` (and this fixture has no system pods): NetworkPolicy enforcement is unknown there,
// and said so; every other layer, the hops and the verdict's direction match the snapshot
const withoutPolicyLayer = (r: PathResult) => ({
  hops: r.hops,
  allowed: r.verdict?.allowed,
  layers: r.layers?.filter((l) => l.layer !== 'network-policy'),
});

test.each(QUESTIONS)('live answers like the snapshot: %s', async (q) => {
  const live = await ask(q, rig.inventory);
  expect(withoutPolicyLayer(live)).toEqual(withoutPolicyLayer(await ask(q, SnapshotInventory.load(DIR))));
  const np = live.layers?.find((l) => l.layer === 'network-policy');
  if (np) expect(np.note).toMatch(/not known whether this cluster enforces NetworkPolicy.*evaluated as if enforced/);
});

test('a cold reachability answer: ≤ 10 ARM requests in ≤ 3 sequential rounds; warm: none', async () => {
  const latency = 150;
  rig.arm.latencyMs = latency;
  try {
    const inv = new LiveInventory(rig.inventory.kube, rig.freshArm());
    const before = rig.arm.requests.length;
    const r = await ask('can web reach db-0 on 5432', inv);
    expect(r.verdict).toEqual({ allowed: false, by: ['db-nsg/deny-5432-from-app-subnet'] });
    const cold = rig.arm.requests.slice(before);
    // two NIC lists, then subnets, then NSGs + VNet (+ route table) together
    expect(cold.length).toBeLessThanOrEqual(10);
    expect(rounds(cold)).toBeLessThanOrEqual(3);
    const warm = rig.arm.requests.length;
    await ask('can api reach db-0 on 5432', inv);
    expect(rig.arm.requests.length).toBe(warm);
  } finally {
    rig.arm.latencyMs = 0;
  }
});

test('capture writes the NSGs the reachability walk reads; the captured folder answers the same', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'capture-nsg-'));
  const summary = await capture(rig.inventory, rig.inventory.azure, dir);
  expect(summary.failures).toEqual([]);
  expect(existsSync(join(dir, 'azure', 'network-security-groups.json'))).toBe(true);
  const captured = SnapshotInventory.load(dir);
  for (const q of QUESTIONS)
    expect(jsonWithoutAge(await ask(q, captured))).toEqual(jsonWithoutAge(await ask(q, rig.inventory)));
});
