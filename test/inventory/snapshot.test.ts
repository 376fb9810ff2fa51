import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { normalize, flatten } from '../../src/inventory/azure-model';
import { SnapshotError, SnapshotInventory } from '../../src/inventory/snapshot';
import { DEMO, demoCopy, readJson, rgId, SUB } from '../helpers/fixtures';

const lbRest = readJson(join(DEMO, 'azure', 'load-balancers.json')); // az shape in the demo

function folder(files: Record<string, unknown>): string {
  const dir = mkdtempSync(join(tmpdir(), 'snap-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), typeof content === 'string' ? content : JSON.stringify(content));
  }
  return dir;
}

const pods = {
  apiVersion: 'v1',
  kind: 'List',
  items: [{ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'a', namespace: 'n' } }],
};

const restLb = {
  name: 'lb1',
  id: `${rgId('RG-One')}/providers/Microsoft.Network/loadBalancers/lb1`,
  type: 'Microsoft.Network/loadBalancers',
  properties: {
    frontendIPConfigurations: [
      {
        name: 'fe',
        id: `${rgId('RG-One')}/providers/Microsoft.Network/loadBalancers/lb1/frontendIPConfigurations/fe`,
        properties: {
          publicIPAddress: {
            id: `${rgId('rg-one')}/providers/Microsoft.Network/publicIPAddresses/pip1`,
          },
        },
      },
    ],
    outboundRules: [
      {
        name: 'o',
        id: 'x/o',
        properties: {
          allocatedOutboundPorts: 2048,
          idleTimeoutInMinutes: 15,
          frontendIPConfigurations: [{ id: 'fe-id' }],
          backendAddressPool: { id: 'pool-id' },
        },
      },
    ],
  },
};
const azLb = {
  name: 'lb2',
  id: `${rgId('rg-two')}/providers/Microsoft.Network/loadBalancers/lb2`,
  type: 'Microsoft.Network/loadBalancers',
  resourceGroup: 'rg-two',
  frontendIpConfigurations: [{ name: 'fe', id: 'fe2', privateIpAddress: '10.0.0.9' }],
  outboundRules: [
    {
      name: 'o',
      allocatedOutboundPorts: 0,
      idleTimeoutInMinutes: 4,
      frontendIpConfigurations: [{ id: 'fe2' }],
    },
  ],
};

describe('snapshot inventory', () => {
  test('reads ARM REST ({"value": […]}, fields under properties) and az (flattened) shapes alike', async () => {
    const dir = folder({
      'kubernetes/pods.json': pods,
      'azure/rest.json': { value: [restLb] },
      'azure/az.json': [azLb],
    });
    const inv = SnapshotInventory.load(dir);
    const rest = await inv.azure.get('loadBalancer', restLb.id);
    const az = await inv.azure.get('loadBalancer', azLb.id);
    expect(rest?.frontends[0].publicIpId).toMatch(/publicIPAddresses\/pip1$/);
    expect(rest?.outboundRules[0]).toMatchObject({
      allocatedOutboundPorts: 2048,
      idleTimeoutMinutes: 15,
      frontendIds: ['fe-id'],
      poolId: 'pool-id',
    });
    expect(az?.frontends[0].privateIp).toBe('10.0.0.9');
    expect(az?.outboundRules[0].allocatedOutboundPorts).toBe(0);
  });

  test('a single `az … show` object is accepted, and resource IDs compare case-insensitively', async () => {
    const dir = folder({
      'kubernetes/pods.json': pods,
      'azure/one.json': restLb,
    });
    const inv = SnapshotInventory.load(dir);
    expect((await inv.azure.get('loadBalancer', restLb.id.toUpperCase()))?.name).toBe('lb1');
    expect(await inv.azure.list('loadBalancer', rgId('rg-one'))).toHaveLength(1);
    expect(await inv.azure.list('loadBalancer', rgId('rg-other'))).toHaveLength(0);
    // the wrong kind for an ID is not a match
    expect(await inv.azure.get('publicIp', restLb.id)).toBeUndefined();
  });

  test('a malformed JSON file gives a clear error naming the file', () => {
    const dir = folder({
      'kubernetes/pods.json': pods,
      'azure/broken.json': '[{"id": "x",',
    });
    expect(() => SnapshotInventory.load(dir)).toThrow(SnapshotError);
    expect(() => SnapshotInventory.load(dir)).toThrow(/azure\/broken\.json: not valid JSON/);
  });

  test('a Kubernetes file that is not kubectl output is named', () => {
    const dir = folder({ 'kubernetes/x.json': { items: [{ kind: 'Pod' }] } });
    expect(() => SnapshotInventory.load(dir)).toThrow(/kubernetes\/x\.json: an item has no metadata.name/);
  });

  test('a missing folder is reported, not crashed on', () => {
    expect(() => SnapshotInventory.load('/nonexistent/snap')).toThrow(/no such snapshot folder/);
  });

  test('the az shape and the ARM REST shape of the same resource normalize to the same model', () => {
    const az = lbRest[0];
    // rebuild the REST shape by hand for one frontend: properties nested, IP spelled "IP"
    const fe = az.frontendIpConfigurations[0];
    const rest = {
      ...az,
      frontendIpConfigurations: undefined,
      properties: {
        frontendIPConfigurations: [
          {
            name: fe.name,
            id: fe.id,
            properties: { publicIPAddress: fe.publicIpAddress },
          },
        ],
      },
    };
    expect(normalize('loadBalancer', rest).frontends[0]).toEqual(normalize('loadBalancer', az).frontends[0]);
    expect(flatten({ properties: { A: 1 }, B: { properties: { C: 2 } } })).toEqual({ a: 1, b: { c: 2 } });
  });

  test('the demo loads: ARO cluster, four load balancers, nodes with Azure providerIDs, subnets from the VNet file', async () => {
    const inv = SnapshotInventory.demo();
    const c = await inv.cluster();
    expect(c).toMatchObject({
      kind: 'aro',
      name: 'aro2',
      appsDomain: 'apps.m50kgrxk.northeurope.aroapp.io',
      nodeResourceGroupId: rgId('aro2-resources'),
    });
    const lbs = await inv.azure.list('loadBalancer', rgId('aro2-resources'));
    expect(lbs.map((l) => l.name).sort()).toEqual([
      'aro2-p8bjm',
      'aro2-p8bjm-internal',
      'aro2-p8bjm-internal-lb',
      'aro2-p8bjm-public-lb',
    ]);
    const nodes = await inv.list('Node');
    expect(nodes).toHaveLength(6);
    for (const n of nodes)
      expect(n.spec?.providerID).toMatch(
        new RegExp(
          `^azure:///subscriptions/${SUB}/resourceGroups/aro2-resources/providers/Microsoft.Compute/virtualMachines/`,
        ),
      );
    const subnet = await inv.azure.get(
      'subnet',
      `${rgId('aro2')}/providers/Microsoft.Network/virtualNetworks/aro2-vnet/subnets/worker-subnet`,
    );
    expect(subnet?.prefixes).toEqual(['10.0.2.0/23']);
    expect((await inv.list('Route'))[0].spec?.host).toBe('sqlapilb-project1.apps.m50kgrxk.northeurope.aroapp.io');
  });

  test('a copied snapshot answers like the demo (no absolute paths baked in)', async () => {
    const inv = SnapshotInventory.load(demoCopy());
    expect(await inv.list('Pod')).toHaveLength((await SnapshotInventory.demo().list('Pod')).length);
  });
});
