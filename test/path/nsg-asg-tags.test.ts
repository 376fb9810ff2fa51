// NSG rules naming application security groups and service tags beyond the built-in three: evaluated from the
// NICs' IP configurations and the Service Tags discovery API's list (snapshot: azure/service-tags.json);
// "unsure", with the reason, when the membership or the list is not known.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ask } from '../../src/answer';
import type { NetworkSecurityGroup } from '../../src/inventory/azure-model';
import { serviceTags } from '../../src/inventory/service-tags';
import { SnapshotInventory } from '../../src/inventory/snapshot';
import { evaluateNsg, usesServiceTags } from '../../src/path/nsg';
import type { LayerVerdict, PathResult } from '../../src/path/result';

type Rule = NetworkSecurityGroup['rules'][number];
const ASG = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/applicationSecurityGroups/';
const rule = (name: string, priority: number, access: string, extra: Partial<Rule>): Rule => ({
  name,
  priority,
  direction: 'Inbound',
  access,
  protocol: 'Tcp',
  source: [],
  destination: [],
  destinationPorts: ['5432'],
  ...extra,
});
const group = (rules: Rule[]): NetworkSecurityGroup => ({
  id: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/networkSecurityGroups/g',
  name: 'g',
  type: 'Microsoft.Network/networkSecurityGroups',
  resourceGroup: 'rg',
  subscription: 's',
  rules,
});
const pg = { src: '10.10.1.10', dst: '10.10.2.10', port: 5432, protocol: 'TCP' };
const vnet = { virtualNetwork: ['10.10.0.0/16'] };

describe('application security groups', () => {
  const g = group([
    rule('allow-api-db', 150, 'Allow', { sourceAsgs: [ASG + 'asg-api'], destinationAsgs: [ASG + 'ASG-DB'] }),
    rule('deny-db', 200, 'Deny', { source: ['*'], destinationAsgs: [ASG + 'asg-db'] }),
  ]);

  test('members of both groups: the allow decides (IDs compared case-insensitively)', () => {
    const d = evaluateNsg(g, 'subnet', 'Inbound', pg, {
      ...vnet,
      srcAsgs: [ASG + 'asg-api'],
      dstAsgs: [ASG + 'asg-db'],
    });
    expect([d.rule, d.allowed, d.unsure]).toEqual(['allow-api-db', true, undefined]);
  });

  test('a sender outside the source group falls to the deny on the destination group', () => {
    const d = evaluateNsg(g, 'subnet', 'Inbound', pg, { ...vnet, srcAsgs: [], dstAsgs: [ASG + 'asg-db'] });
    expect([d.rule, d.allowed, d.unsure]).toEqual(['deny-db', false, undefined]);
  });

  test('a receiver in no group: neither rule applies, the default rule decides', () => {
    const d = evaluateNsg(g, 'subnet', 'Inbound', pg, { ...vnet, srcAsgs: [ASG + 'asg-api'], dstAsgs: [] });
    expect(d.rule).toBe('AllowVnetInBound');
    expect(d.unsure).toBeUndefined();
  });

  test('the far end not a known NIC: unsure, and why', () => {
    const d = evaluateNsg(g, 'subnet', 'Inbound', pg, { ...vnet, dstAsgs: [ASG + 'asg-db'] });
    expect(d.rule).toBe('deny-db');
    expect(d.unsure).toBe(
      'g/allow-api-db (priority 150) might apply: the source 10.10.1.10 is not a NIC in the data: ' +
        'its application security groups are unknown',
    );
  });
});

describe('service tags', () => {
  const tags = serviceTags({
    values: [
      { name: 'Storage.WestEurope', properties: { addressPrefixes: ['20.38.108.0/23', '2603:1020::/48'] } },
      { name: 'AzureFrontDoor.Backend', addressPrefixes: ['147.243.0.0/16'] },
    ],
  });
  const out = (dst: string) => ({ src: '10.10.1.10', dst, port: 443, protocol: 'TCP' });
  const g = group([
    rule('deny-storage', 100, 'Deny', { direction: 'Outbound', source: ['*'], destination: ['Storage.WestEurope'] }),
  ]);
  g.rules[0].destinationPorts = ['443'];

  test('both shapes read (ARM `properties`, az/SDK flattened); tag names are case-insensitive', () => {
    expect([...tags.prefixes.keys()]).toEqual(['storage.westeurope', 'azurefrontdoor.backend']);
  });

  test('an address in the tag matches, one outside does not', () => {
    const inTag = evaluateNsg(g, 'nic', 'Outbound', out('20.38.109.7'), { ...vnet, serviceTags: tags });
    expect([inTag.rule, inTag.allowed, inTag.unsure]).toEqual(['deny-storage', false, undefined]);
    const other = evaluateNsg(g, 'nic', 'Outbound', out('203.0.113.9'), { ...vnet, serviceTags: tags });
    expect([other.rule, other.unsure]).toEqual(['AllowInternetOutBound', undefined]);
  });

  test('no list: unsure with the reason; a tag missing from the list: unsure too', () => {
    const why = 'the snapshot has no azure/service-tags.json';
    const none = evaluateNsg(g, 'nic', 'Outbound', out('20.38.109.7'), { ...vnet, serviceTagsWhy: why });
    expect(none.rule).toBe('AllowInternetOutBound');
    expect(none.unsure).toBe(
      `g/deny-storage (priority 100) might apply: service tag Storage.WestEurope not expanded: ${why}`,
    );
    const sql = group([rule('deny-sql', 100, 'Deny', { source: ['Sql.WestEurope'], destination: ['*'] })]);
    expect(evaluateNsg(sql, 'nic', 'Inbound', pg, { ...vnet, serviceTags: tags }).unsure).toMatch(
      /service tag Sql\.WestEurope is not in the service tag list/,
    );
  });

  test('the list is needed only for other tags than VirtualNetwork / AzureLoadBalancer / Internet', () => {
    const builtIn = group([rule('vnet', 100, 'Allow', { source: ['VirtualNetwork', '10.0.0.0/8', '::/0'] })]);
    expect(usesServiceTags([builtIn, undefined])).toBe(false);
    expect(usesServiceTags([builtIn, g])).toBe(true);
  });
});

describe('on a snapshot: aks-nsg-asg (db-nsg by ASG, AzureCloud and Storage.WestEurope rules)', () => {
  const dir = join(__dirname, '..', 'fixtures', 'aks-nsg-asg');
  const layer = (r: PathResult, l: LayerVerdict['layer']) => (r.layers ?? []).filter((x) => x.layer === l);

  test('api (in asg-api) → db (in asg-db) 5432: the ASG allow decides, no rule unsure', async () => {
    const r = await ask('can api reach db-0 on 5432', SnapshotInventory.load(dir));
    expect(layer(r, 'nsg').map((l) => l.by)).toEqual([
      'aks-agentpool-23456789-nsg/AllowVnetOutBound, priority 65000, Allow',
      'app-nsg/AllowVnetOutBound, priority 65000, Allow',
      'db-nsg/allow-5432-api-to-db, priority 150, Allow',
      'aks-agentpool-23456789-nsg/AllowVnetInBound, priority 65000, Allow',
    ]);
    expect(r.warnings.filter((w) => /unsure/.test(w))).toEqual([]);
  });

  test('web (in no group) → db 5432: denied by the rule on the destination group', async () => {
    const r = await ask('can web reach db-0 on 5432', SnapshotInventory.load(dir));
    expect(r.answer).toMatch(/^No: .*NSG db-nsg\/deny-5432-to-db, priority 200, Deny \(inbound at the subnet\)/);
    expect(r.verdict).toEqual({ allowed: false, by: ['db-nsg/deny-5432-to-db'] });
  });

  test('without azure/service-tags.json the AzureCloud and Storage rules are unsure, and the answer says why', async () => {
    const copy = mkdtempSync(join(tmpdir(), 'nsg-asg-'));
    try {
      cpSync(dir, copy, { recursive: true });
      rmSync(join(copy, 'azure', 'service-tags.json'));
      const r = await ask('can api reach db-0 on 5432', SnapshotInventory.load(copy));
      expect(r.warnings.filter((w) => /unsure/.test(w))).toEqual([
        'NSG verdict unsure: app-nsg/deny-storage-out (priority 300) might apply: service tag Storage.WestEurope ' +
          'not expanded: the snapshot has no azure/service-tags.json (`az network list-service-tags --location ' +
          '<region> -o json`)',
        'NSG verdict unsure: db-nsg/deny-from-azurecloud (priority 100) might apply: service tag AzureCloud not ' +
          'expanded: the snapshot has no azure/service-tags.json (`az network list-service-tags --location ' +
          '<region> -o json`)',
      ]);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });
});
