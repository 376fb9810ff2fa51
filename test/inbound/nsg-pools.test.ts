// Node pools on other subnets: with externalTrafficPolicy Cluster the load balancer hands connections to every node,
// so a subnet NSG that differs from the walked node's makes only some connections fail. aks-lb-byo-nsg copied, with
// web's Service set to Cluster and a second pool on its own subnet.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ask } from '../../src/answer';
import { SnapshotInventory } from '../../src/inventory/snapshot';
import type { PathResult } from '../../src/path/result';
import { edit } from '../helpers/fixtures';

const USER_NODE = 'aks-userpool-12345678-vmss000000';
const NET =
  '/subscriptions/3f2c1d5e-8a7b-4c6d-9e0f-1a2b3c4d5e6f/resourceGroups/rg-aks-network/providers/Microsoft.Network';

interface Layout {
  etp: 'Cluster' | 'Local';
  /** the second subnet's NSG rules (none: no NSG) */
  rules?: { name: string; priority: number; access: string; source: string; port: string }[];
}

/** aks-lb-byo-nsg with a user pool node (10.225.0.4) on subnet user-subnet 10.225.0.0/24. */
async function askWith(question: string, layout: Layout): Promise<PathResult> {
  const dir = mkdtempSync(join(tmpdir(), 'nsg-pools-'));
  cpSync(join(__dirname, '..', 'fixtures', 'aks-lb-byo-nsg'), dir, { recursive: true });
  edit(dir, 'kubernetes/core.json', (doc) => {
    const items = doc.items;
    const web = items.find((o: any) => o.kind === 'Service' && o.metadata.name === 'web');
    web.spec.externalTrafficPolicy = layout.etp;
    const node = structuredClone(items.find((o: any) => o.kind === 'Node'));
    node.metadata.name = USER_NODE;
    node.metadata.labels = {
      ...node.metadata.labels,
      agentpool: 'userpool',
      'kubernetes.azure.com/agentpool': 'userpool',
    };
    node.status.addresses = [
      { type: 'InternalIP', address: '10.225.0.4' },
      { type: 'Hostname', address: USER_NODE },
    ];
    items.push(node);
  });
  const nsgId = `${NET}/networkSecurityGroups/user-nsg`;
  edit(dir, 'azure/vnet.json', (doc) => {
    const subnet = structuredClone(doc[0].subnets[0]);
    Object.assign(subnet, {
      name: 'user-subnet',
      addressPrefix: '10.225.0.0/24',
      id: `${doc[0].id}/subnets/user-subnet`,
    });
    if (layout.rules) subnet.networkSecurityGroup = { id: nsgId, resourceGroup: 'rg-aks-network' };
    else delete subnet.networkSecurityGroup;
    doc[0].subnets.push(subnet);
  });
  if (layout.rules)
    edit(dir, 'azure/nsg.json', (doc) => {
      const securityRules = layout.rules!.map((r) => ({
        name: r.name,
        id: `${nsgId}/securityRules/${r.name}`,
        properties: {
          protocol: '*',
          sourcePortRange: '*',
          destinationPortRange: r.port,
          sourceAddressPrefix: r.source,
          destinationAddressPrefix: '*',
          access: r.access,
          priority: r.priority,
          direction: 'Inbound',
        },
      }));
      doc.value.push({
        name: 'user-nsg',
        id: nsgId,
        type: 'Microsoft.Network/networkSecurityGroups',
        properties: { securityRules },
      });
    });
  try {
    return await ask(question, SnapshotInventory.load(dir));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const ANY = 'how does traffic reach 20.31.46.20';
const OFFICE = 'how does traffic from 198.51.100.7 reach 20.31.46.20';
const nsgFacts = (r: PathResult) => r.facts.filter((f) => f.label === 'NSG').map((f) => f.value);

test('denied at the walked node, let in on a pool subnet without an NSG: only some connections fail', async () => {
  const r = await askWith(ANY, { etp: 'Cluster' });
  expect(r.answer).toMatch(/^A client on the Internet cannot get in on tcp 20\.31\.46\.20:80: NSG aks-subnet-nsg\//);
  expect(r.answer).toMatch(
    /drops it\. On subnet user-subnet \(1 node: aks-userpool-12345678-vmss000000\) no subnet NSG stops it: .*only some/,
  );
  expect(r.title).toMatch(/^Partly denied by NSG: /);
  expect(nsgFacts(r)).toContain(
    `on subnet user-subnet (1 node: ${USER_NODE}): no subnet NSG (their NICs' NSGs not read)`,
  );
});

test('let in at the walked node, dropped on the pool subnet: the answer says those connections fail', async () => {
  const rules = [{ name: 'deny-office', priority: 100, access: 'Deny', source: '198.51.100.0/24', port: '*' }];
  const r = await askWith(OFFICE, { etp: 'Cluster', rules });
  expect(r.answer).toMatch(/^Traffic reaches shop\/web at 20\.31\.46\.20:80/);
  expect(r.answer).toMatch(
    /But on subnet user-subnet \(1 node: .*\) NSG user-nsg\/deny-office, priority 100, Deny .*fail\.$/,
  );
  expect(r.warnings[0]).toBe('Some connections fail: subnet user-subnet gives another NSG verdict');
  expect(r.verify).toContain('az network nsg rule list -g rg-aks-network --nsg-name user-nsg -o table');
});

test('the same verdict on the pool subnet is a fact, not a warning', async () => {
  const rules = [{ name: 'allow-office', priority: 100, access: 'Allow', source: '198.51.100.0/24', port: '80' }];
  const r = await askWith(OFFICE, { etp: 'Cluster', rules });
  expect(r.answer).not.toMatch(/But on subnet/);
  expect(nsgFacts(r)).toContain(
    `on subnet user-subnet (1 node: ${USER_NODE}): allowed by user-nsg/allow-office, priority 100, Allow ` +
      "(their NICs' NSGs not read)",
  );
});

test('a pool whose subnet drops the health probe gets nothing: no failure is claimed there', async () => {
  const rules = [
    { name: 'deny-probe', priority: 100, access: 'Deny', source: 'AzureLoadBalancer', port: '*' },
    { name: 'deny-office', priority: 110, access: 'Deny', source: '198.51.100.0/24', port: '*' },
  ];
  const r = await askWith(OFFICE, { etp: 'Cluster', rules });
  expect(r.answer).not.toMatch(/But on subnet/);
  expect(nsgFacts(r)).toContain(
    `on subnet user-subnet (1 node: ${USER_NODE}): the health probe is dropped, those nodes get nothing`,
  );
});

test('with ETP Local only the nodes running web are used: the pool without web pods is not judged', async () => {
  const r = await askWith(ANY, { etp: 'Local' });
  expect(r.title).toMatch(/^Denied by NSG: /);
  expect(nsgFacts(r).join('\n')).not.toMatch(/user-subnet/);
});
