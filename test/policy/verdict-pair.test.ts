// A policy question that asks which policy blocks one party, in a message that names the flow (the other party and
// its port): a verdict on that pair, not the list of policies selecting the party asked about.
import { join } from 'node:path';
import { ask } from '../../src/answer';
import { SnapshotInventory } from '../../src/inventory/snapshot';

const inv = SnapshotInventory.load(join(__dirname, '..', 'fixtures', 'aks-lb'));

test('aks-lb: "web times out to db-0 on 5432 … which policy blocks web?" is the pair web → db-0:5432', async () => {
  const r = await ask('web times out to db-0 on 5432. which policy blocks web?', inv, {}, 'policy');
  expect(r.status).toBe('answered');
  expect(r.hops[0].name).toBe('shop/web-7d4b9c8f6d-abcde');
  expect(r.hops[r.hops.length - 1].name).toBe('shop/db-0');
  expect(r.answer).toMatch(/db-allow-api/);
  // no flow named: the policies selecting web are listed
  const list = await ask('which policy blocks web?', inv, {}, 'policy');
  expect(list.hops.map((h) => h.name)).toEqual(['shop/web']);
});

test('aks-cni-nsg: an allowed pair names the NSG rules that let it through (a change approval citing rule 150)', async () => {
  const nsg = SnapshotInventory.load(join(__dirname, '..', 'fixtures', 'aks-cni-nsg'));
  const r = await ask('confirm api-6c9d8b7f5-k2m4p → db-0 tcp/5432 is allowed (NSG rule 150)', nsg);
  expect(r.verdict?.allowed).toBe(true);
  expect(r.facts.find((f) => f.label === 'NSG')?.value).toMatch(
    /^allowed by db-nsg\/allow-5432-from-api, priority 150, Allow \(inbound at the subnet\); elsewhere the default rules /,
  );
  // a pair an NSG drops says the deny, not an allow list
  const denied = await ask('can web reach db-0 on 5432', nsg);
  expect(denied.facts.filter((f) => f.label === 'NSG').map((f) => f.value)).toEqual([
    expect.stringMatching(/^denied: db-nsg\/deny-5432-from-app-subnet/),
  ]);
});
