// A host outside the cluster named as the far end: its address, as the pod resolves it, decides the path and the
// rules, and it is not looked up here — the answer says so and offers the questions that get there; a pod "reaching"
// such a host is answered with its way out.
import { join } from 'node:path';
import { ask } from '../../src/answer';
import { SnapshotInventory } from '../../src/inventory/snapshot';

const inv = SnapshotInventory.load(join(__dirname, '..', 'fixtures', 'aks-nsg-asg'));

test('a storage account by name: which address decides, the privatelink zone named, the lookup offered', async () => {
  for (const q of [
    'can api reach mystorage.blob.core.windows.net on 443?',
    'does an NSG block the api pod from talking to mystorage.blob.core.windows.net?',
  ]) {
    const r = await ask(q, inv);
    expect([q, r.intent, r.status]).toEqual([q, 'policy', 'not-found']);
    expect(r.answer).toMatch(
      /^mystorage\.blob\.core\.windows\.net is outside the cluster: the address api-6c9d8b7f5-k2m4p/,
    );
    expect(r.answer).toMatch(/private DNS zone privatelink\.blob\.core\.windows\.net is linked to the VNet/);
    expect(r.answer).not.toMatch(/no pod/);
    expect(r.followUps[0]).toMatchObject({
      question: 'dns mystorage.blob.core.windows.net from api-6c9d8b7f5-k2m4p -n shop',
    });
  }
});

test('a pod reaching a host outside: its way out, with the caveat of a private address', async () => {
  const r = await ask('how does api reach api.stripe.com?', inv);
  expect([r.intent, r.status]).toEqual(['egress', 'answered']);
  expect(r.hops[0].name).toBe('shop/api-6c9d8b7f5-k2m4p');
  expect(r.warnings.join('\n')).toMatch(/api\.stripe\.com is outside the cluster: answered as api's way out/);
});
