// Azure CNI pod subnet with its own NAT gateway (aks-cni-podsubnet copied, NAT gateway pods-nat on pod-subnet only):
// a flat network keeps the pod IP leaving the cluster, so the pod subnet's NAT gateway is what the Internet sees;
// without one the answer follows the node's way out and says it assumes that.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ask } from '../../src/answer';
import { SnapshotInventory } from '../../src/inventory/snapshot';
import { capture } from '../../src/inventory/capture';
import { edit, writeJson } from '../helpers/fixtures';
import { jsonWithoutAge, liveRig } from '../helpers/live';

const FIXTURE = join(__dirname, '..', 'fixtures', 'aks-cni-podsubnet');
const NET =
  '/subscriptions/3f2c1d5e-8a7b-4c6d-9e0f-1a2b3c4d5e6f/resourceGroups/rg-aks-network/providers/Microsoft.Network';
const NAT = `${NET}/natGateways/pods-nat`;
const PIP = `${NET}/publicIPAddresses/pods-nat-pip`;

/** The fixture with pod-subnet given the NAT gateway (and, optionally, the node subnet another one). */
function folder(o: { podsNat?: boolean; routeTable?: boolean; nodeNat?: boolean }): string {
  const dir = mkdtempSync(join(tmpdir(), 'pod-subnet-egress-'));
  cpSync(FIXTURE, dir, { recursive: true });
  edit(dir, 'azure/vnet.json', (doc) => {
    const vnet = Array.isArray(doc) ? doc[0] : doc;
    const pods = vnet.subnets.find((x: { name: string }) => x.name === 'pod-subnet');
    const nodes = vnet.subnets.find((x: { name: string }) => x.name === 'aks-subnet');
    if (o.podsNat) pods.natGateway = { id: NAT };
    if (o.nodeNat) nodes.natGateway = { id: NAT };
    if (o.routeTable) pods.routeTable = { id: `${NET}/routeTables/pods-rt` };
  });
  const [rg, type] = ['rg-aks-network', 'Microsoft.Network/natGateways'];
  const gw = { id: NAT, name: 'pods-nat', type, resourceGroup: rg, publicIpAddresses: [{ id: PIP }] };
  writeJson(join(dir, 'azure', 'natgw.json'), [{ ...gw, sku: { name: 'Standard' }, idleTimeoutInMinutes: 4 }]);
  const pip = { id: PIP, name: 'pods-nat-pip', type: 'Microsoft.Network/publicIPAddresses', ipAddress: '20.50.70.9' };
  writeJson(join(dir, 'azure', 'public-ips-pods.json'), [
    { ...pip, natGateway: { id: NAT }, sku: { name: 'Standard' } },
  ]);
  return dir;
}

async function egress(o: Parameters<typeof folder>[0], q = 'what is the egress ip of api') {
  const dir = folder(o);
  try {
    return await ask(q, SnapshotInventory.load(dir));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test("a NAT gateway on the pod subnet is the pods' way out: its public IP, the pod IP unchanged on the node", async () => {
  const r = await egress({ podsNat: true });
  expect(r.answer).toMatch(/20\.50\.70\.9/);
  expect(r.answer).not.toMatch(/20\.31\.45\.117/);
  expect(r.answer).toMatch(/NAT gateway pods-nat on subnet pod-subnet/);
  const node = r.hops.find((h) => h.kind === 'node');
  expect(node?.nat).toBeUndefined();
  expect(node?.note).toMatch(/no SNAT/);
  expect(r.warnings.join('\n')).not.toMatch(/follows the node's way out/);
});

test("the same NAT gateway on both subnets: the node's way (SNAT to the node IP), then that NAT gateway", async () => {
  const r = await egress({ podsNat: true, nodeNat: true });
  expect(r.answer).toMatch(/20\.50\.70\.9/);
  expect(r.hops.find((h) => h.kind === 'node')?.nat?.to).toBe('10.224.0.6');
});

test("a route table of its own on the pod subnet is said: the answer follows the node's way out", async () => {
  const r = await egress({ routeTable: true });
  expect(r.answer).toMatch(/20\.31\.45\.117/);
  expect(r.warnings.join('\n')).toMatch(/pod subnet pod-subnet, which has its own route table pods-rt: /);
  expect(r.verify.join('\n')).toMatch(/az network vnet subnet show --ids .*\/subnets\/pod-subnet/);
});

test("a pod subnet with nothing of its own: the node's way, hedged (pod subnet traffic keeps the pod IP)", async () => {
  const r = await egress({});
  expect(r.answer).toMatch(/20\.31\.45\.117/);
  expect(r.warnings.join('\n')).toMatch(/pod subnet pod-subnet: Microsoft documents .* with the pod IP/);
});

test('a private destination from a pod subnet sees the pod IP, without the hedge', async () => {
  const r = await egress({}, 'what source ip does 10.100.2.10 see from api');
  expect(r.answer).toMatch(/10\.225\.2\.15/);
  expect(r.warnings.join('\n')).not.toMatch(/pod subnet/);
});

test('live (SDK against the fake ARM server) answers the same, and a captured folder too', async () => {
  const dir = folder({ podsNat: true });
  const rig = await liveRig(dir);
  try {
    const q = 'what is the egress ip of api';
    const live = await ask(q, rig.inventory);
    expect(live.answer).toMatch(/20\.50\.70\.9/);
    expect(jsonWithoutAge(live)).toEqual(jsonWithoutAge(await ask(q, SnapshotInventory.load(dir))));
    const out = mkdtempSync(join(tmpdir(), 'capture-pod-subnet-'));
    expect((await capture(rig.inventory, rig.inventory.azure, out)).failures).toEqual([]);
    expect(jsonWithoutAge(await ask(q, SnapshotInventory.load(out)))).toEqual(jsonWithoutAge(live));
    rmSync(out, { recursive: true, force: true });
  } finally {
    await rig.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
