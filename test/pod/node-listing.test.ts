// The pods a node runs, asked by its full name or by the instance suffix only one node has ("vmss000000"), and the
// node a pod runs on ("node of db-0").
import { join } from 'node:path';
import { ask } from '../../src/answer';
import { SnapshotInventory } from '../../src/inventory/snapshot';

const inv = SnapshotInventory.load(join(__dirname, '..', 'fixtures', 'aks-lb'));
const text = (r: { answer: string; sections?: unknown }) => JSON.stringify([r.answer, r.sections]);

test.each([
  "what's on node aks-nodepool1-12345678-vmss000000?",
  'which pods are on vmss000000?',
  'before we reboot vmss000000, which pods are on it?',
])('%s', async (q) => {
  const r = await ask(q, inv);
  expect(r).toMatchObject({ intent: 'pod', status: 'answered' });
  expect(text(r)).toContain('web-7d4b9c8f6d-abcde');
  expect(text(r)).toContain('ingress-nginx-controller-6b8d9c7f5-x2k4p');
  expect(text(r)).not.toContain('db-0');
});

test('the node a pod runs on', async () => {
  const r = await ask('node of db-0, quick', inv);
  expect(r).toMatchObject({ intent: 'pod', status: 'answered' });
  expect(r.answer).toMatch(/^db-0 \(shop\) runs on node aks-nodepool1-12345678-vmss\d+/);
});

test("of a workload's replicas, the one on the node said", async () => {
  const r = await ask('is kube-proxy on node vmss000001? which pod', inv);
  expect(r.answer).toMatch(/^kube-proxy-\w+ \(kube-system\) runs on node aks-nodepool1-12345678-vmss000001/);
});
