// Azure CNI pod subnet with its own NAT gateway: the answer follows the node's way out and says the pod subnet's
// NAT gateway may set the source instead (aks-cni-podsubnet copied, a NAT gateway on pod-subnet only).
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ask } from '../../src/answer';
import { SnapshotInventory } from '../../src/inventory/snapshot';
import { edit } from '../helpers/fixtures';

const FIXTURE = join(__dirname, '..', 'fixtures', 'aks-cni-podsubnet');

async function egressWith(natOnPods: boolean) {
  const dir = mkdtempSync(join(tmpdir(), 'pod-subnet-egress-'));
  cpSync(FIXTURE, dir, { recursive: true });
  edit(dir, 'azure/vnet.json', (doc) => {
    const vnet = Array.isArray(doc) ? doc[0] : doc;
    const pods = vnet.subnets.find((x: { name: string }) => x.name === 'pod-subnet');
    if (natOnPods) pods.natGateway = { id: vnet.id.replace(/virtualNetworks\/.*$/, 'natGateways/pods-nat') };
  });
  try {
    return await ask('what is the egress ip of api', SnapshotInventory.load(dir));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test("a NAT gateway on the pod subnet only is said: the answer follows the node's way out", async () => {
  const r = await egressWith(true);
  expect(r.answer).toMatch(/20\.31\.45\.117/);
  expect(r.warnings.join('\n')).toMatch(
    /pod subnet pod-subnet, which has its own NAT gateway pods-nat \(the node's subnet aks-subnet does not\)/,
  );
  expect(r.verify.join('\n')).toMatch(/az network vnet subnet show --ids .*\/subnets\/pod-subnet/);
});

test('a pod subnet with nothing of its own adds no warning', async () => {
  const r = await egressWith(false);
  expect(r.warnings.join('\n')).not.toMatch(/pod subnet/);
});
