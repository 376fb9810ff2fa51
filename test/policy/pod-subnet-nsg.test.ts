// Azure CNI with a pod subnet: pod traffic meets the pod subnet's NSG, not the node subnet's (aks-cni-podsubnet
// copied with NSG pod-nsg on pod-subnet 10.225.0.0/16; api 10.225.2.15 → web 10.225.0.12:8080 on another node).
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ask } from '../../src/answer';
import { SnapshotInventory } from '../../src/inventory/snapshot';
import type { PathResult } from '../../src/path/result';
import { edit } from '../helpers/fixtures';

const FIXTURE = join(__dirname, '..', 'fixtures', 'aks-cni-podsubnet');
const Q = 'can api reach web';

/** The fixture with pod-nsg on pod-subnet: one inbound rule from the api pods' range on 8080. */
async function withPodNsg(access: 'Allow' | 'Deny', nsgInData = true): Promise<PathResult> {
  const dir = mkdtempSync(join(tmpdir(), 'pod-subnet-nsg-'));
  cpSync(FIXTURE, dir, { recursive: true });
  let nsgId = '';
  edit(dir, 'azure/vnet.json', (doc) => {
    const vnet = Array.isArray(doc) ? doc[0] : doc;
    const pods = vnet.subnets.find((x: { name: string }) => x.name === 'pod-subnet');
    nsgId = vnet.id.replace(/virtualNetworks\/.*$/, 'networkSecurityGroups/pod-nsg');
    pods.networkSecurityGroup = { id: nsgId };
  });
  if (nsgInData)
    edit(dir, 'azure/nsg.json', (doc) => {
      const list = Array.isArray(doc) ? doc : doc.value;
      const rule = {
        name: 'api-to-web',
        properties: {
          protocol: 'Tcp',
          sourceAddressPrefix: '10.225.2.0/24',
          sourcePortRange: '*',
          destinationAddressPrefix: '*',
          destinationPortRange: '8080',
          access,
          priority: 200,
          direction: 'Inbound',
        },
      };
      list.push({
        name: 'pod-nsg',
        id: nsgId,
        type: 'Microsoft.Network/networkSecurityGroups',
        properties: { securityRules: [rule] },
      });
    });
  try {
    return await ask(Q, SnapshotInventory.load(dir));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test("a deny on the pod subnet's NSG is the answer, though the node subnet has no NSG", async () => {
  const r = await withPodNsg('Deny');
  expect(r.answer).toMatch(/cannot reach .*web-7d4b9c8f6d-abcde on tcp:8080/);
  expect(r.answer).toMatch(/NSG pod-nsg\/api-to-web, priority 200, Deny \(inbound at the subnet\)/);
});

test("an allow on the pod subnet's NSG is named as the rule that lets the packet in", async () => {
  const r = await withPodNsg('Allow');
  expect(r.answer).toMatch(/^Yes: shop\/api-5f6d7c8b9-klmno can reach shop\/web-7d4b9c8f6d-abcde/);
  expect(r.facts.find((f) => f.label === 'NSG')?.value).toMatch(/pod-nsg\/api-to-web, priority 200, Allow/);
});

test('a pod subnet NSG that is not in the data is said, not assumed open', async () => {
  const r = await withPodNsg('Deny', false);
  expect(JSON.stringify(r)).toMatch(/pod-nsg is not in the data/);
});
