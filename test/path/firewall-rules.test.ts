// Azure Firewall rule processing for one packet, on rules in the two wire shapes (ARM REST with `properties`, and
// classic collections on the firewall): order, terminating matches, default deny, and what cannot be judged.
import { normalize } from '../../src/inventory/azure-model';
import { fromGroups, judgeFirewall, type FirewallRules } from '../../src/path/firewall-rules';

const net = (name: string, o: Record<string, unknown>) => ({
  ruleType: 'NetworkRule',
  name,
  ipProtocols: ['TCP'],
  sourceAddresses: ['10.224.0.0/16'],
  destinationAddresses: ['*'],
  destinationPorts: ['443'],
  ...o,
});
const collection = (name: string, priority: number, action: string, rules: unknown[]) => ({
  ruleCollectionType: 'FirewallPolicyFilterRuleCollection',
  name,
  priority,
  action: { type: action },
  rules,
});
const group = (name: string, priority: number, ruleCollections: unknown[]) =>
  normalize('firewallRuleGroup', {
    id: `/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/firewallPolicies/p/ruleCollectionGroups/${name}`,
    name,
    type: 'Microsoft.Network/FirewallPolicies/RuleCollectionGroups',
    properties: { priority, ruleCollections },
  });
const policyRules = (...groups: ReturnType<typeof group>[]): FirewallRules => ({
  source: 'policy',
  layers: [fromGroups(groups)],
  missing: [],
});
const ctx = { virtualNetwork: ['10.224.0.0/12'] };
const packet = (dst: string, port: number, o: Record<string, unknown> = {}) => ({
  src: '10.224.0.5',
  dst,
  port,
  protocol: 'TCP',
  ...o,
});

test('group priority, then collection priority; the first match decides; nothing matched is denied', () => {
  const rules = policyRules(
    group('late', 500, [collection('deny-all-443', 100, 'Deny', [net('deny', {})])]),
    group('early', 200, [
      collection('allow', 300, 'Allow', [net('https', {})]),
      collection('block', 200, 'Deny', [net('bad-range', { destinationAddresses: ['203.0.113.10-203.0.113.20'] })]),
    ]),
  );
  expect(judgeFirewall(rules, packet('8.8.8.8', 443), ctx)).toEqual({
    verdict: 'allowed',
    rule: 'early / allow / https',
  });
  expect(judgeFirewall(rules, packet('203.0.113.15', 443), ctx)).toMatchObject({
    verdict: 'denied',
    rule: 'early / block / bad-range',
  });
  expect(judgeFirewall(rules, packet('8.8.8.8', 8443), ctx)).toEqual({ verdict: 'denied' });
  expect(judgeFirewall(rules, packet('8.8.8.8', 443, { protocol: 'UDP' }), ctx)).toEqual({ verdict: 'denied' });
});

test('network rules before application rules, whatever their priority', () => {
  const app = {
    ruleType: 'ApplicationRule',
    name: 'only-github',
    protocols: [{ protocolType: 'Https', port: 443 }],
    sourceAddresses: ['*'],
    targetFqdns: ['*.github.com'],
  };
  const rules = policyRules(
    group('apps', 100, [collection('app-deny', 100, 'Deny', [{ ...app, name: 'no-github' }])]),
    group('nets', 400, [collection('net-allow', 100, 'Allow', [net('https', {})])]),
  );
  expect(judgeFirewall(rules, packet('140.82.112.3', 443, { host: 'api.github.com' }), ctx)).toMatchObject({
    verdict: 'allowed',
    rule: 'nets / net-allow / https',
  });
  const appsOnly = policyRules(group('apps', 100, [collection('app-allow', 100, 'Allow', [app])]));
  expect(judgeFirewall(appsOnly, packet('140.82.112.3', 443, { host: 'api.github.com' }), ctx).verdict).toBe('allowed');
  expect(judgeFirewall(appsOnly, packet('140.82.112.3', 443, { host: 'github.io' }), ctx)).toEqual({
    verdict: 'denied',
  });
  // an address alone: the host name the request carries decides, not known
  const open = judgeFirewall(appsOnly, packet('140.82.112.3', 443), ctx);
  expect(open).toMatchObject({
    verdict: 'denied',
    unsure: { rule: 'apps / app-allow / only-github', action: 'allow' },
  });
});

test('IP groups and FQDN network rules are not judged: said, and the verdict stays open', () => {
  const rules = policyRules(
    group('g', 100, [
      collection('c', 100, 'Deny', [
        net('by-group', { destinationAddresses: [], destinationIpGroups: ['/x/ipGroups/bad'] }),
      ]),
      collection('d', 200, 'Allow', [
        net('by-name', { destinationAddresses: [], destinationFqdns: ['api.partner.example'] }),
      ]),
    ]),
  );
  const v = judgeFirewall(rules, packet('8.8.8.8', 443), ctx);
  // denied by default either way if the deny by IP group applies; the allow by name would let it through
  expect(v).toMatchObject({ verdict: 'denied', unsure: { rule: 'g / d / by-name', action: 'allow' } });
  const denyFirst = judgeFirewall({ ...rules, layers: [rules.layers[0].slice(0, 1)] }, packet('8.8.8.8', 443), ctx);
  expect(denyFirst).toEqual({ verdict: 'denied' });
  expect(judgeFirewall(rules, packet('8.8.8.8', 443, { host: 'api.partner.example' }), ctx)).toMatchObject({
    verdict: 'allowed',
    rule: 'g / d / by-name',
  });
});

test('classic rules on the firewall (az shape, no `properties`): by collection priority; none read: no verdict', () => {
  const fw = normalize('firewall', {
    id: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/azureFirewalls/fw',
    name: 'fw',
    type: 'Microsoft.Network/azureFirewalls',
    networkRuleCollections: [
      {
        name: 'allow-web',
        priority: 300,
        action: { type: 'Allow' },
        rules: [
          {
            name: 'web',
            protocols: ['TCP'],
            sourceAddresses: ['*'],
            destinationAddresses: ['*'],
            destinationPorts: ['80', '443'],
          },
        ],
      },
      {
        name: 'deny-partner',
        priority: 100,
        action: { type: 'Deny' },
        rules: [
          {
            name: 'p',
            protocols: ['Any'],
            sourceAddresses: ['*'],
            destinationAddresses: ['198.51.100.0/24'],
            destinationPorts: ['*'],
          },
        ],
      },
    ],
    applicationRuleCollections: [],
  });
  const rules: FirewallRules = { source: 'classic', layers: [fw.ruleCollections!], missing: [] };
  expect(judgeFirewall(rules, packet('198.51.100.7', 443), ctx)).toEqual({
    verdict: 'denied',
    rule: 'deny-partner / p',
  });
  expect(judgeFirewall(rules, packet('8.8.8.8', 80), ctx)).toEqual({ verdict: 'allowed', rule: 'allow-web / web' });
  const unread = { source: 'policy' as const, layers: [], missing: ['rule collection group g'] };
  expect(judgeFirewall(unread, packet('8.8.8.8', 80), ctx)).toEqual({
    verdict: 'unknown',
    why: 'rule collection group g not read',
  });
  expect(
    normalize('firewall', { name: 'fw', type: 'Microsoft.Network/azureFirewalls' }).ruleCollections,
  ).toBeUndefined();
});

test('IP groups read are their addresses; one not read leaves the rule open', () => {
  const g = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/ipGroups/partners';
  const rules = policyRules(
    group('g', 100, [
      collection('c', 100, 'Allow', [net('to-partners', { destinationAddresses: [], destinationIpGroups: [g] })]),
    ]),
  );
  const read = { ...rules, ipGroups: new Map([[g.toLowerCase(), ['203.0.113.0/24', '198.51.100.7']]]) };
  expect(judgeFirewall(read, packet('198.51.100.7', 443), ctx)).toEqual({
    verdict: 'allowed',
    rule: 'g / c / to-partners',
  });
  expect(judgeFirewall(read, packet('8.8.8.8', 443), ctx)).toEqual({ verdict: 'denied' });
  expect(judgeFirewall(rules, packet('8.8.8.8', 443), ctx)).toMatchObject({
    verdict: 'denied',
    unsure: { why: 'its destination IP groups (partners) are not read' },
  });
});

test('a rule that cannot be judged leaves the verdict open only when it would decide the other way', () => {
  const unread = { destinationAddresses: [], destinationIpGroups: ['/x/ipGroups/g'] };
  const allowThenAllow = policyRules(
    group('g', 100, [
      collection('maybe', 100, 'Allow', [net('by-group', unread)]),
      collection('sure', 200, 'Allow', [net('https', {})]),
    ]),
  );
  expect(judgeFirewall(allowThenAllow, packet('8.8.8.8', 443), ctx)).toEqual({
    verdict: 'allowed',
    rule: 'g / sure / https',
  });
  const denyThenDeny = policyRules(group('g', 100, [collection('maybe', 100, 'Deny', [net('by-group', unread)])]));
  expect(judgeFirewall(denyThenDeny, packet('8.8.8.8', 443), ctx)).toEqual({ verdict: 'denied' });
  const denyThenAllow = policyRules(
    group('g', 100, [
      collection('maybe', 100, 'Deny', [net('by-group', unread)]),
      collection('sure', 200, 'Allow', [net('https', {})]),
    ]),
  );
  expect(judgeFirewall(denyThenAllow, packet('8.8.8.8', 443), ctx)).toMatchObject({
    verdict: 'allowed',
    unsure: { rule: 'g / maybe / by-group', action: 'deny' },
  });
});
