// Application security groups and service tags through the live adapters (real SDK against the fake ARM server):
// answers match the snapshot; the discovery API is read once, only when a rule names a tag beyond the built-in
// three; a 403 on it is said in the answer; capture writes azure/service-tags.json and the captured folder answers
// the same.
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ask } from '../../src/answer';
import { capture } from '../../src/inventory/capture';
import { LiveInventory } from '../../src/inventory/live';
import { SnapshotInventory } from '../../src/inventory/snapshot';
import { jsonWithoutAge, liveRig, rounds, type LiveRig } from '../helpers/live';

const DIR = join(__dirname, '..', 'fixtures', 'aks-nsg-asg');
const QUESTIONS = ['can api reach db-0 on 5432', 'can web reach db-0 on 5432'];
const TAGS = /\/providers\/Microsoft\.Network\/locations\/westeurope\/serviceTags$/i;

let rig: LiveRig;
beforeAll(async () => {
  rig = await liveRig(DIR);
});
afterAll(() => rig.stop());

test.each(QUESTIONS)('live answers the NSG layer like the snapshot: %s', async (q) => {
  const live = await ask(q, rig.inventory);
  const snap = await ask(q, SnapshotInventory.load(DIR));
  expect(live.layers?.filter((l) => l.layer === 'nsg')).toEqual(snap.layers?.filter((l) => l.layer === 'nsg'));
  expect(live.warnings.filter((w) => /unsure/.test(w))).toEqual([]);
});

test('the discovery API is read once per subscription, for the node region', async () => {
  const inv = new LiveInventory(rig.inventory.kube, rig.freshArm());
  const before = rig.arm.requests.length;
  await ask('can api reach db-0 on 5432', inv);
  await ask('can web reach db-0 on 5432', inv);
  const reads = rig.arm.requests.slice(before).filter((r) => TAGS.test(r.path));
  expect(reads.map((r) => r.method)).toEqual(['GET']);
  expect(reads[0].path).toMatch(/^\/subscriptions\/3f2c1d5e-8a7b-4c6d-9e0f-1a2b3c4d5e6f\//);
});

test('cold: the tag list costs one more request and round (after the NSGs); warm: no request', async () => {
  const latency = 100;
  rig.arm.latencyMs = latency;
  try {
    const inv = new LiveInventory(rig.inventory.kube, rig.freshArm());
    const before = rig.arm.requests.length;
    const t0 = Date.now();
    await ask('can web reach db-0 on 5432', inv);
    const ms = Date.now() - t0;
    const cold = rig.arm.requests.slice(before);
    console.log(`cold reachability with service tags: ${cold.length} ARM requests, ${rounds(cold)} rounds, ${ms} ms`);
    expect(cold.filter((r) => TAGS.test(r.path))).toHaveLength(1);
    expect(cold.length).toBeLessThanOrEqual(11);
    expect(rounds(cold)).toBeLessThanOrEqual(4);
    const warm = rig.arm.requests.length;
    await ask('can api reach db-0 on 5432', inv);
    expect(rig.arm.requests.length).toBe(warm);
  } finally {
    rig.arm.latencyMs = 0;
  }
});

test('a 403 on the discovery API: the tag rules are unsure and the answer says why, no error', async () => {
  rig.arm.faults.push({ match: TAGS, status: 403 });
  try {
    const r = await ask('can api reach db-0 on 5432', new LiveInventory(rig.inventory.kube, rig.freshArm()));
    expect(r.errors ?? []).toEqual([]);
    expect(r.warnings.filter((w) => /unsure/.test(w))).toEqual([
      expect.stringMatching(
        /app-nsg\/deny-storage-out .*Storage\.WestEurope not expanded: 403: .*may not list service tags/,
      ),
      expect.stringMatching(/db-nsg\/deny-from-azurecloud .*AzureCloud not expanded: 403/),
    ]);
  } finally {
    rig.arm.faults.length = 0;
  }
});

test('capture writes azure/service-tags.json; the captured folder answers the same', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'capture-tags-'));
  const summary = await capture(rig.inventory, rig.inventory.azure, dir);
  expect(summary.failures).toEqual([]);
  expect(existsSync(join(dir, 'azure', 'service-tags.json'))).toBe(true);
  const captured = SnapshotInventory.load(dir);
  for (const q of QUESTIONS)
    expect(jsonWithoutAge(await ask(q, captured))).toEqual(jsonWithoutAge(await ask(q, rig.inventory)));
});
