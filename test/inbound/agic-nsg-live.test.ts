// The Application Gateway's NSGs through the live adapters (real SDK against the fake ARM server): the answer matches
// the snapshot's, the gateway subnet's NSG and VNet are read, and a captured folder answers the same.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ask } from '../../src/answer';
import { capture } from '../../src/inventory/capture';
import { SnapshotInventory } from '../../src/inventory/snapshot';
import { jsonWithoutAge, liveRig, type LiveRig } from '../helpers/live';

const DIR = join(__dirname, '..', 'fixtures', 'aks-agic-nsg');
const DENIED = 'how does traffic reach shop-agw.contoso.com';
const LET_IN = 'how does traffic from 198.51.100.7 reach shop-agw.contoso.com';

let rig: LiveRig;
beforeAll(async () => {
  rig = await liveRig(DIR);
});
afterAll(() => rig.stop());

test('live answers like the snapshot: the gateway subnet NSG drops the Internet', async () => {
  const before = rig.arm.requests.length;
  const live = await ask(DENIED, rig.inventory);
  expect(live.answer).toMatch(/^A client on the Internet cannot get in on tcp 20\.31\.50\.10:80: NSG appgw-nsg\//);
  expect(jsonWithoutAge(live)).toEqual(jsonWithoutAge(await ask(DENIED, SnapshotInventory.load(DIR))));
  const nsgs = rig.arm.requests.slice(before).filter((r) => /\/networkSecurityGroups\/[^/]+$/i.test(r.path));
  expect(nsgs.map((r) => r.path.split('/').pop())).toEqual(
    expect.arrayContaining(['appgw-nsg', 'aks-agentpool-12345678-nsg']),
  );
});

test('a captured folder answers both questions the same', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'capture-agic-nsg-'));
  const summary = await capture(rig.inventory, rig.inventory.azure, dir);
  expect(summary.failures).toEqual([]);
  for (const q of [DENIED, LET_IN]) {
    const captured = await ask(q, SnapshotInventory.load(dir));
    expect(jsonWithoutAge(captured)).toEqual(jsonWithoutAge(await ask(q, rig.inventory)));
  }
});
