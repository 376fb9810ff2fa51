// Pods compared in one egress question ("do the coredns pods leave with the same IP as web?") are answered together,
// listed in the order the question names them: the one asked about first, its path the one shown.
import { join } from 'node:path';
import { ask } from '../../src/answer';
import { SnapshotInventory } from '../../src/inventory/snapshot';

const inv = SnapshotInventory.load(join(__dirname, '..', 'fixtures', 'aks-lb'));

test('the workload asked about leads the compared pods, whichever order the inventory lists them in', async () => {
  for (const [text, first] of [
    ['coredns and web - same public ip on the way out?', 'kube-system/coredns-'],
    ['does web leave with the same public IP as coredns?', 'shop/web-'],
  ]) {
    const r = await ask(text, inv);
    expect(r.status).toBe('answered');
    expect(r.hops[0]?.name.startsWith(first)).toBe(true);
  }
});
