// Virtual WAN read live (virtualHubs, hubVirtualNetworkConnections, routingIntent through @azure/arm-network) against
// the fake ARM serving aks-vwan in REST shape: the same answers as the snapshot; a hub the identity may not read is
// said in the answer (which role, which scope), hedged, and is no error entry.
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ask } from '../../src/answer';
import { capture } from '../../src/inventory/capture';
import { LiveInventory } from '../../src/inventory/live';
import { SnapshotInventory } from '../../src/inventory/snapshot';
import { liveRig, jsonWithoutAge, type LiveRig } from '../helpers/live';

const fixture = join(__dirname, '..', 'fixtures', 'aks-vwan');
const HUB_SUB = '7d1e4b2a-9c3f-4e8d-b6a5-2f0c9e8d7b14';
const HUB_RG = `/subscriptions/${HUB_SUB}/resourceGroups/rg-connectivity-vwan`;
const POD = 'web-7d4b9c8f6d-abcde';
const QUESTIONS = [`what ip does ${POD} go out with`, `egress ${POD} to 10.130.1.5`, 'what is 20.71.40.10'];

describe('aks-vwan live: hubs searched in the configured scope', () => {
  let rig: LiveRig;
  const snapshot = SnapshotInventory.load(fixture);
  beforeAll(async () => {
    rig = await liveRig(fixture, { hubScopes: [`/subscriptions/${HUB_SUB}`] });
  });
  afterAll(() => rig.stop());
  const fresh = (hubScopes = [`/subscriptions/${HUB_SUB}`]) =>
    new LiveInventory(rig.inventory.kube, rig.freshArm({ hubScopes }));

  test.each(QUESTIONS)('%s: live answers like the snapshot', async (q) => {
    const live = await ask(q, fresh());
    expect(jsonWithoutAge(live)).toEqual(jsonWithoutAge(await ask(q, snapshot)));
    expect(live.errors).toEqual([]);
  });

  test('the hub read through its resource group alone (Reader on the hub group is enough)', async () => {
    const r = await ask(QUESTIONS[0], fresh([HUB_RG]));
    expect(r.seenAs).toEqual(['20.71.40.10', '20.71.40.11']);
    const sent = rig.arm.requests.map((x) => x.path);
    expect(sent.some((p) => /\/virtualHubs\/vhub-weu\/hubVirtualNetworkConnections$/i.test(p))).toBe(true);
    expect(sent.some((p) => /\/virtualHubs\/vhub-weu\/routingIntent$/i.test(p))).toBe(true);
  });

  test('403 on the hubs: said (Reader on which scope), hedged, no error entry', async () => {
    rig.arm.faults.push({ status: 403, match: new RegExp(`/subscriptions/${HUB_SUB}/.*virtualHubs`) });
    try {
      const r = await ask(QUESTIONS[0], fresh());
      expect(r.seenAs).toEqual(['20.31.45.117']);
      expect(r.answer).toMatch(/Connected to a Virtual WAN hub \(peering \S+\), not read: 403 AuthorizationFailed/);
      expect(r.answer).toMatch(new RegExp(`needs Reader on /subscriptions/${HUB_SUB}`));
      expect(r.answer).toMatch(/Unless a BGP route overrides it/);
      expect(r.errors).toEqual([]);
    } finally {
      rig.arm.faults.length = 0;
    }
  });

  test('403 on the routing intent only: the hub is named, its routes hedged', async () => {
    rig.arm.faults.push({ status: 403, match: /\/routingIntent$/ });
    try {
      const r = await ask(QUESTIONS[0], fresh());
      expect(r.seenAs).toEqual(['20.31.45.117']);
      expect(r.facts.find((f) => f.label === 'Virtual WAN')?.value).toMatch(/403 AuthorizationFailed/);
      expect(r.errors).toEqual([]);
    } finally {
      rig.arm.faults.length = 0;
    }
  });

  test('no hub scope configured: the spoke subscription has no hub, said and hedged', async () => {
    const r = await ask(QUESTIONS[0], fresh([]));
    expect(r.seenAs).toEqual(['20.31.45.117']);
    expect(r.answer).toMatch(/not read: no hub in \/subscriptions\/3f2c1d5e-8a7b-4c6d-9e0f-1a2b3c4d5e6f connects it/);
  });

  test('capture writes the hub, its connections, routing intent and firewall; the folder answers like live', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'capture-vwan-'));
    const inv = fresh();
    const summary = await capture(inv, inv.azure, dir);
    expect(summary.failures).toEqual([]);
    const files = readdirSync(join(dir, 'azure'));
    for (const f of [/^virtual-hubs/, /^hub-connections/, /^routing-intent/, /^firewalls/])
      expect(files.some((x) => f.test(x))).toBe(true);
    const captured = SnapshotInventory.load(dir);
    for (const q of QUESTIONS.slice(0, 2))
      expect(jsonWithoutAge(await ask(q, captured))).toEqual(jsonWithoutAge(await ask(q, inv)));
  });
});
