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
