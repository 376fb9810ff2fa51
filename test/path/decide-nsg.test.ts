// NSG evaluation on constructed groups: priority order, default rules, service tags, port ranges,
// the direction order along a path (NIC then subnet outbound, subnet then NIC inbound), unsure tags.
import type { NetworkSecurityGroup } from '../../src/inventory/azure-model';
import { evaluateNsg, evaluatePath, nsgRuleText } from '../../src/path/nsg';

type Rule = NetworkSecurityGroup['rules'][number];
const rule = (
  name: string,
  priority: number,
  access: string,
  src: string,
  port: string,
  extra: Partial<Rule> = {},
) => ({
  name,
  priority,
  direction: 'Inbound',
  access,
  protocol: 'Tcp',
  source: [src],
  destination: ['*'],
  destinationPorts: [port],
  ...extra,
});
const group = (name: string, rules: Rule[]): NetworkSecurityGroup => ({
  id: `/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/networkSecurityGroups/${name}`,
  name,
  type: 'Microsoft.Network/networkSecurityGroups',
  resourceGroup: 'rg',
  subscription: 's',
  rules,
});
const ctx = { virtualNetwork: ['10.10.0.0/16'] };
const pg = { src: '10.10.1.10', dst: '10.10.2.10', port: 5432, protocol: 'TCP' };

test('first match by ascending priority wins, whatever the order in the JSON', () => {
  const g = group('db-nsg', [
    rule('deny-app', 200, 'Deny', '10.10.1.0/24', '5432'),
    rule('allow-api', 150, 'Allow', '10.10.1.10', '5432'),
  ]);
  const d = evaluateNsg(g, 'subnet', 'Inbound', pg, ctx);
  expect(nsgRuleText(d)).toBe('db-nsg/allow-api, priority 150, Allow');
  const other = evaluateNsg(g, 'subnet', 'Inbound', { ...pg, src: '10.10.1.11' }, ctx);
  expect(nsgRuleText(other)).toBe('db-nsg/deny-app, priority 200, Deny');
});

test('no own rule matches: the default rules decide (VirtualNetwork allowed, the rest denied)', () => {
  const g = group('empty', []);
  expect(nsgRuleText(evaluateNsg(g, 'nic', 'Inbound', pg, ctx))).toBe('empty/AllowVnetInBound, priority 65000, Allow');
  const internet = { src: '203.0.113.9', dst: '10.10.2.10', port: 5432, protocol: 'TCP' };
  expect(nsgRuleText(evaluateNsg(g, 'nic', 'Inbound', internet, ctx))).toBe(
    'empty/DenyAllInBound, priority 65500, Deny',
  );
  const probe = { src: '168.63.129.16', dst: '10.10.2.10', port: 5432, protocol: 'TCP' };
  expect(evaluateNsg(g, 'nic', 'Inbound', probe, ctx).rule).toBe('AllowAzureLoadBalancerInBound');
  const out = { src: '10.10.2.10', dst: '203.0.113.9', port: 443, protocol: 'TCP' };
  expect(evaluateNsg(g, 'nic', 'Outbound', out, ctx).rule).toBe('AllowInternetOutBound');
});

test('port ranges and protocol: a UDP packet skips a TCP rule; 5000-6000 covers 5432', () => {
  const g = group('g', [rule('deny-range', 100, 'Deny', '*', '5000-6000')]);
  expect(evaluateNsg(g, 'nic', 'Inbound', pg, ctx).rule).toBe('deny-range');
  expect(evaluateNsg(g, 'nic', 'Inbound', { ...pg, protocol: 'UDP' }, ctx).rule).toBe('AllowVnetInBound');
  expect(evaluateNsg(g, 'nic', 'Inbound', { ...pg, port: 6001 }, ctx).rule).toBe('AllowVnetInBound');
});

test('a service tag that cannot be expanded makes the decision unsure, never silently allowed', () => {
  const g = group('g', [rule('deny-storage', 100, 'Deny', 'Storage', '*')]);
  const d = evaluateNsg(g, 'nic', 'Inbound', pg, ctx);
  expect(d.rule).toBe('AllowVnetInBound');
  expect(d.unsure).toMatch(/g\/deny-storage \(priority 100\)/);
});

test('along a path: NIC then subnet outbound, subnet then NIC inbound; evaluation stops at the first deny', () => {
  const allowOut = group('src-nic', []);
  const denyIn = group('dst-subnet', [rule('deny-5432', 200, 'Deny', '10.10.1.0/24', '5432')]);
  const never = group('dst-nic', []);
  const ds = evaluatePath({ srcNic: allowOut, dstSubnet: denyIn, dstNic: never }, pg, ctx);
  expect(ds.map((d) => `${d.nsg} ${d.direction} ${d.at} ${d.allowed}`)).toEqual([
    'src-nic Outbound nic true',
    'dst-subnet Inbound subnet false',
  ]);
});
