// A far end outside the cluster given by name. An Azure service (in words, or by its host name) is judged for its
// public endpoints — the NSG rules that name its service tag, the pod's egress NetworkPolicy — or reached through the
// subnet's service endpoint; any other host: its address decides, said with the questions that get there. A pod
// "reaching" such a host is answered with its way out.
import { join } from 'node:path';
import { ask } from '../../src/answer';
import { SnapshotInventory } from '../../src/inventory/snapshot';
import { edit, onEdited } from '../helpers/fixtures';

const fixture = join(__dirname, '..', 'fixtures', 'aks-nsg-asg');
const inv = SnapshotInventory.load(fixture);

const edited = (q: string, change: (dir: string) => void) => onEdited('aks-nsg-asg', change, (edits) => ask(q, edits));

test('Azure Storage in words or by host: a deny rule on a regional tag leaves the verdict open, and says why', async () => {
  for (const q of [
    'does an NSG block the api pod from talking to Azure Storage?',
    'can api reach mystorage.blob.core.windows.net on 443?',
  ]) {
    const r = await ask(q, inv);
    expect([q, r.intent, r.status]).toEqual([q, 'policy', 'answered']);
    expect(r.answer).toMatch(
      /^Not sure: NSG rule app-nsg\/deny-storage-out \(priority 300\) might apply: it covers only Storage\.WestEurope/,
    );
    expect(r.verdict).toBeUndefined();
    expect(r.warnings.join('\n')).toMatch(
      /Judged for Azure Storage's public endpoints: if the account has a private endpoint/,
    );
  }
});

test('a rule on the whole tag drops it; an egress ipBlock that names no public address denies it', async () => {
  const tagged = await edited('can api reach azure storage on 443?', (dir) =>
    edit(dir, 'azure/nsg.json', (doc) => {
      const s = JSON.stringify(doc).replace(
        /"destinationAddressPrefix": ?"Storage\.WestEurope"/g,
        '"destinationAddressPrefix":"Storage"',
      );
      return JSON.parse(s);
    }),
  );
  expect(tagged.answer).toMatch(
    /^No: shop\/api-6c9d8b7f5-k2m4p cannot reach Azure Storage \(service tag Storage\) on tcp:443 — NSG app-nsg\/deny-storage-out/,
  );
  expect(tagged.verdict).toEqual({ allowed: false, by: ['app-nsg/deny-storage-out'] });

  const webEgress = {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name: 'web-egress-vnet', namespace: 'shop' },
    spec: {
      podSelector: { matchLabels: { app: 'web' } },
      policyTypes: ['Egress'],
      egress: [{ to: [{ ipBlock: { cidr: '10.0.0.0/8' } }] }],
    },
  };
  const fenced = await edited('can web reach azure key vault on 443?', (dir) => {
    edit(dir, 'cluster.json', (doc) => void (doc.networkProfile.networkPolicy = 'azure'));
    edit(dir, 'kubernetes/policies.json', (doc) => void doc.items.push(webEgress));
  });
  expect(fenced.answer).toMatch(
    /cannot reach Azure Key Vault .* may reach addresses outside the cluster on TCP\/443 only in 10\.0\.0\.0\/8/,
  );
});

test("the subnet's service endpoint: the service sees the node's private address, no egress IP", async () => {
  const r = await edited('does the NSG let api reach Azure Storage?', (dir) =>
    edit(dir, 'azure/vnet.json', (doc) => {
      const s = JSON.stringify(doc).replace(
        /("name": ?"app-subnet",)/,
        '$1"serviceEndpoints":[{"service":"Microsoft.Storage","locations":["westeurope"]}],',
      );
      return JSON.parse(s);
    }),
  );
  expect(r.answer).toMatch(
    /reaches Azure Storage through its subnet's service endpoint Microsoft\.Storage: over the Azure backbone, seen by the service as 10\.10\.1\.4/,
  );
  expect(r.seenAs).toEqual(['10.10.1.4']);
  expect(r.hops.at(-1)?.name).toBe('Azure Storage (service endpoint Microsoft.Storage)');
});

test('another host outside: which address decides, the lookup offered (never "no pod <host>")', async () => {
  const r = await ask('is api allowed to reach login.microsoftonline.com?', inv);
  expect([r.intent, r.status]).toEqual(['policy', 'not-found']);
  expect(r.answer).toMatch(
    /^login\.microsoftonline\.com is outside the cluster: the address api-6c9d8b7f5-k2m4p resolves/,
  );
  expect(r.followUps[0]).toMatchObject({ question: 'dns login.microsoftonline.com from api-6c9d8b7f5-k2m4p -n shop' });
});

test('a pod reaching a host outside: its way out, with the caveat of a private address', async () => {
  const r = await ask('how does api reach api.stripe.com?', inv);
  expect([r.intent, r.status]).toEqual(['egress', 'answered']);
  expect(r.hops[0].name).toBe('shop/api-6c9d8b7f5-k2m4p');
  expect(r.warnings.join('\n')).toMatch(/api\.stripe\.com is outside the cluster: answered for its public address/);
});
