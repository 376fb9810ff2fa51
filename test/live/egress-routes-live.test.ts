// Effective routes read live (networkInterfaces.getEffectiveRouteTable, a long-running POST) against the fake ARM:
// the same answers as the snapshot's effective-routes files, 200 or 202 + polling, a 403 said once per subscription
// (not an error per question), other failures as errors, the TTL cache, and capture writing them back.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ask } from '../../src/answer';
import { capture } from '../../src/inventory/capture';
import { LiveInventory } from '../../src/inventory/live';
import { SnapshotInventory } from '../../src/inventory/snapshot';
import type { PathResult } from '../../src/path/result';
import { liveRig, rounds, type LiveRig, jsonWithoutAge } from '../helpers/live';

const fixture = (name: string) => join(__dirname, '..', 'fixtures', name);
const QUESTIONS = [
  'egress sqlapi-1-8jgx8',
  'egress sqlapi-1-8jgx8 to 192.168.10.5',
  'egress sqlapi-1-8jgx8 to 10.100.2.10',
  'egress server-1-ppl25',
];
const HUB_SUB = '7d1e4b2a-9c3f-4e8d-b6a5-2f0c9e8d7b14';
const ROUTES = /\/networkInterfaces\/[^/]+\/effectiveRouteTable$/i;
const routesFact = (r: any) => r.facts?.find((f: any) => f.label === 'Routes')?.value;

describe('aro-effective-routes: standalone VM NICs, a hub with a gateway (BGP 0.0.0.0/0 to a VPN gateway)', () => {
  let rig: LiveRig;
  const snapshot = SnapshotInventory.load(fixture('aro-effective-routes'));
  beforeAll(async () => {
    rig = await liveRig(fixture('aro-effective-routes'));
  });
  afterAll(() => rig.stop());
  const fresh = () => new LiveInventory(rig.inventory.kube, rig.freshArm());

  test.each(QUESTIONS)('%s: live answers like the snapshot', async (q) => {
    const live = await ask(q, fresh());
    expect(jsonWithoutAge(live)).toEqual(jsonWithoutAge(await ask(q, snapshot)));
    expect(live.errors).toEqual([]);
  });

  test('forced tunnelling is seen live: the BGP default route to the gateway decides', async () => {
    const r = await ask('egress sqlapi-1-8jgx8', fresh());
    expect(routesFact(r)).toBe("effective routes of the node's NIC (BGP routes seen)");
    expect(r.answer).toMatch(/through the virtual network gateway \(BGP route 0\.0\.0\.0\/0/);
  });

  // The read waits for the VNet (only where BGP routes can exist): one round more than the demo's 2, which has no
  // gateway and sends no POST (live.test.ts: ≤ 6 requests in ≤ 2 rounds).
  test('one POST per NIC after the VNet, cached: warm questions send none', async () => {
    // (300 ms as the other live tests' 150: requests sent together, delivered late by a machine busy with another test
    // run, must still arrive before the first answer to count as one round)
    rig.arm.latencyMs = 300;
    try {
      const inv = fresh();
      const before = rig.arm.requests.length;
      await ask('egress sqlapi-1-8jgx8', inv);
      const cold = rig.arm.requests.slice(before);
      expect(cold.filter((r) => ROUTES.test(r.path)).map((r) => r.method)).toEqual(['POST']);
      expect(cold.length).toBeLessThanOrEqual(7);
      expect(rounds(cold)).toBeLessThanOrEqual(3);
      expect(rounds(cold.filter((r) => !ROUTES.test(r.path)))).toBeLessThanOrEqual(2);
      const warm = rig.arm.requests.length;
      await ask('egress sqlapi-1-8jgx8 to 192.168.10.5', inv);
      expect(rig.arm.requests.length).toBe(warm);
    } finally {
      rig.arm.latencyMs = 0;
    }
  });

  test('202 Accepted and polling the Location, as Azure usually answers: the same answer', async () => {
    rig.arm.effectiveRoutesAsync = true;
    try {
      const before = rig.arm.requests.length;
      const r = await ask('egress sqlapi-1-8jgx8', fresh());
      expect(jsonWithoutAge(r)).toEqual(jsonWithoutAge(await ask('egress sqlapi-1-8jgx8', snapshot)));
      const sent = rig.arm.requests.slice(before);
      expect(sent.find((x) => ROUTES.test(x.path))?.status).toBe(202);
      expect(sent.some((x) => /\/operationResults\//i.test(x.path) && x.status === 200)).toBe(true);
    } finally {
      rig.arm.effectiveRoutesAsync = false;
    }
  });

  test('403: the Routes fact says why in one line, no error entry, and the denial is remembered', async () => {
    rig.arm.faults.push({ status: 403, match: ROUTES });
    try {
      const inv = fresh();
      const before = rig.arm.requests.length;
      const a = await ask('egress sqlapi-1-8jgx8', inv);
      const b = await ask('egress server-1-ppl25', inv); // another node, another NIC: not asked again
      expect(rig.arm.requests.slice(before).filter((r) => ROUTES.test(r.path))).toHaveLength(1);
      for (const r of [a, b]) {
        expect(r.errors).toEqual([]);
        expect(routesFact(r)).toMatch(
          /BGP routes not seen — effective routes could not be read: 403: .*Microsoft\.Network\/networkInterfaces\/effectiveRouteTable\/action/,
        );
      }
      // without effective routes the system routes decide (the LB outbound rule), with the BGP caveat
      expect(a.seenAs).toEqual(['20.105.84.161']);
      expect(a.warnings.join('\n')).toMatch(/BGP routes were not seen/);
    } finally {
      rig.arm.faults.length = 0;
    }
  });

  test('a 500 is an error entry of the answer (normal error discipline), and is not remembered', async () => {
    rig.arm.faults.push({ status: 500, match: ROUTES });
    try {
      const inv = new LiveInventory(rig.inventory.kube, rig.freshArm({ maxRetries: 0 }));
      const r = await ask('egress sqlapi-1-8jgx8', inv);
      expect(r.errors).toEqual([
        expect.objectContaining({ lookup: 'effective routes of aro2-p8bjm-worker-northeurope1-qt8l7-nic' }),
      ]);
      rig.arm.faults.length = 0;
      expect(routesFact(await ask('egress sqlapi-1-8jgx8', inv))).toMatch(/BGP routes seen/);
    } finally {
      rig.arm.faults.length = 0;
    }
  });

  test('capture writes effective-routes/<node>.json, and the captured folder answers like live', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'capture-routes-'));
    const summary = await capture(rig.inventory, rig.inventory.azure, dir);
    // the hub's subscription is not in the fixture (what-is looks there for addresses): only it fails
    expect(summary.failures.filter((f) => !f.reason.includes(HUB_SUB))).toEqual([]);
    const file = join(dir, 'effective-routes', 'aro2-p8bjm-worker-northeurope1-qt8l7.json');
    expect(existsSync(file)).toBe(true);
    const written = JSON.parse(readFileSync(file, 'utf8'));
    const bgp = written.value.filter((r: any) => r.source === 'VirtualNetworkGateway');
    expect(bgp.map((r: any) => `${r.addressPrefix} → ${r.nextHopType} ${r.nextHopIpAddress}`)).toEqual([
      '192.168.0.0/16 → VirtualNetworkGateway 10.100.1.4',
      '0.0.0.0/0 → VirtualNetworkGateway 10.100.1.4',
    ]);
    const captured = SnapshotInventory.load(dir);
    for (const q of QUESTIONS)
      expect(jsonWithoutAge(await ask(q, captured))).toEqual(jsonWithoutAge(await ask(q, rig.inventory)));
  });
});

test('aks-effective-routes: VM scale set instance NICs have no effective-routes operation: none sent, BGP "not seen"', async () => {
  const rig = await liveRig(fixture('aks-effective-routes'));
  try {
    const r = await ask('egress web-7d4b9c8f6d-abcde', rig.inventory);
    expect(rig.arm.requests.filter((x) => ROUTES.test(x.path))).toEqual([]);
    expect(r.errors).toEqual([]);
    expect(routesFact(r)).toMatch(/BGP routes not seen/);
    expect(r.warnings.join('\n')).toMatch(/BGP routes were not seen \(no effective routes\)/);
  } finally {
    await rig.stop();
  }
});

test('aks-udr-policy: the firewall policy and its rule groups are read live by ID, answer like the snapshot, and capture writes them', async () => {
  const rig = await liveRig(fixture('aks-udr-policy'));
  const snapshot = SnapshotInventory.load(fixture('aks-udr-policy'));
  const questions = ['egress web-7d4b9c8f6d-abcde to 198.51.100.20', 'egress web-7d4b9c8f6d-abcde to 10.60.1.5'];
  // (live, NetworkPolicy enforcement is inferred from the pods, not from `az aks show`: only the Azure layers compared)
  const azureLayers = (r: PathResult) => r.layers?.filter((l) => l.layer !== 'network-policy');
  try {
    for (const q of questions) {
      const live = await ask(q, rig.inventory);
      expect(live.errors).toEqual([]);
      expect(jsonWithoutAge(live)).toEqual(jsonWithoutAge(await ask(q, snapshot)));
    }
    for (const q of ['can api reach 8.8.8.8 on 25?', 'can api reach 8.8.8.8 on 443?']) {
      const live = await ask(q, rig.inventory);
      expect(live.errors).toEqual([]);
      expect(azureLayers(live)).toEqual(azureLayers(await ask(q, snapshot)));
    }
    expect(rig.arm.requestsTo(/\/firewallPolicies\/hub-fw-policy$/).map((r) => r.status)).toEqual([200]);
    expect((await ask('can api reach 8.8.8.8 on 25?', rig.inventory)).verdict).toEqual({
      allowed: false,
      by: ['hub-fw/DefaultNetworkRuleCollectionGroup / deny-mail / no-smtp'],
    });
    const dir = mkdtempSync(join(tmpdir(), 'capture-policy-'));
    const summary = await capture(rig.inventory, rig.inventory.azure, dir);
    expect(summary.failures).toEqual([]);
    expect(existsSync(join(dir, 'azure', 'firewall-policies.json'))).toBe(true);
    expect(existsSync(join(dir, 'azure', 'firewall-rule-groups.json'))).toBe(true);
    expect(rig.arm.requestsTo(/\/ruleCollectionGroups\//).map((r) => r.status)).toEqual([200, 200]);
    const captured = SnapshotInventory.load(dir);
    for (const q of questions)
      expect(jsonWithoutAge(await ask(q, captured))).toEqual(jsonWithoutAge(await ask(q, rig.inventory)));
  } finally {
    await rig.stop();
  }
});

test('a firewall policy that may not be read: an error naming it, and the answer says the ranges are assumed', async () => {
  const rig = await liveRig(fixture('aks-udr-policy'));
  rig.arm.faults.push({ status: 403, match: /\/firewallPolicies\// });
  try {
    const r = await ask('egress web-7d4b9c8f6d-abcde to 198.51.100.20', rig.inventory);
    expect(r.errors).toEqual([expect.objectContaining({ lookup: 'firewall policy hub-fw-policy', code: 'forbidden' })]);
    expect(r.seenAs).toEqual(['51.104.20.30']);
    expect(r.warnings.join('\n')).toMatch(/policy hub-fw-policy \(not read\): the IANA private ranges are assumed/);
    // its rules unread too: no verdict on them, said
    const p = await ask('can api reach 8.8.8.8 on 25?', rig.inventory);
    expect(p.answer).toMatch(/^Not sure: .* but Azure Firewall hub-fw's rules could not be judged/);
    expect(p.verdict).toBeUndefined();
    expect(p.layers?.at(-1)?.note).toMatch(/could not be judged \(firewall policy hub-fw-policy not read\)/);
  } finally {
    await rig.stop();
  }
});
