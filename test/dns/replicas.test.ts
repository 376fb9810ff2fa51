// A workload's DNS path names every replica: they share one pod template, so one resolver.
import { join } from 'node:path';
import { ask } from '../../src/answer';
import { SnapshotInventory } from '../../src/inventory/snapshot';

const inv = SnapshotInventory.load(join(__dirname, '..', 'fixtures', 'aks-udr'));

test('the web pods: both replicas named, one path', async () => {
  const r = await ask('which dns servers do the web pods use?', inv, {}, 'dns');
  expect(r.status).toBe('answered');
  expect(r.answer).toMatch(
    /^All 2 replicas of web \(web-7d4b9c8f6d-abcde, web-7d4b9c8f6d-fghij\) share one pod template, so one resolver/,
  );
  expect(r.hops[0].name).toBe('shop/web-7d4b9c8f6d-abcde');
});

test('one pod named exactly: no replica line', async () => {
  const r = await ask('dns path of web-7d4b9c8f6d-fghij', inv, {}, 'dns');
  expect(r.answer).not.toMatch(/replicas of/);
  expect(r.hops[0].name).toBe('shop/web-7d4b9c8f6d-fghij');
});
