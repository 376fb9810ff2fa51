// Azure Firewall with a Firewall Policy: its SNAT private ranges come from the policy (test/fixtures/aks-udr-policy:
// aks-udr plus policy hub-fw-policy with IANAPrivateRanges and 198.51.100.0/24, and a route spoke2 10.60.0.0/16 to
// the firewall); a private destination outside the ranges is SNATed to the firewall's subnet, not a public IP.
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ask } from '../../src/answer';
import { normalize } from '../../src/inventory/azure-model';
import { SnapshotInventory } from '../../src/inventory/snapshot';
import { snatRangesOf } from '../../src/path/egress-rules';
import { edit } from '../helpers/fixtures';

const dirOf = (name: string) => join(__dirname, '..', 'fixtures', name);
const WEB = 'web-7d4b9c8f6d-abcde';
const fact = (r: any, label: string) => r.facts?.find((f: any) => f.label === label)?.value;
const NOT_READ = /SNAT private ranges may be set in its policy hub-fw-policy \(not read\)/;

/** A copy of aks-udr-policy whose policy's `snat` is replaced. */
function withSnat(snat: unknown): SnapshotInventory {
  const dir = mkdtempSync(join(tmpdir(), 'pp-policy-'));
  cpSync(dirOf('aks-udr-policy'), dir, { recursive: true });
  edit(dir, 'azure/firewall-policy.json', (p) => ({ ...p, properties: { ...p.properties, snat } }));
  return SnapshotInventory.load(dir);
}

describe('firewall policy SNAT private ranges', () => {
  const withPolicy = SnapshotInventory.load(dirOf('aks-udr-policy'));
  const withoutPolicy = SnapshotInventory.load(dirOf('aks-udr'));

  test('a range of the policy is not SNATed: the destination sees the node IP', async () => {
    const r = await ask(`egress ${WEB} to 198.51.100.20`, withPolicy);
    expect(r.errors).toEqual([]);
    expect(r.seenAs).toEqual(['10.224.0.4']);
    expect(r.answer).toMatch(/198\.51\.100\.20 is in the firewall's private ranges/);
    expect(fact(r, 'SNAT private ranges')).toBe('IANA private ranges, 198.51.100.0/24 (policy hub-fw-policy)');
    expect(r.warnings.join('\n')).not.toMatch(NOT_READ);
  });

  test('without the policy the same destination is SNATed to the public IP, and the answer says what it assumed', async () => {
    const r = await ask(`egress ${WEB} to 198.51.100.20`, withoutPolicy);
    expect(r.seenAs).toEqual(['51.104.20.30']);
    expect(fact(r, 'SNAT private ranges')).toBe('IANA private ranges (assumed; policy hub-fw-policy not read)');
    expect(r.warnings.join('\n')).toMatch(NOT_READ);
  });

  test('Internet traffic is still SNATed to the firewall public IP', async () => {
    const r = await ask(`egress ${WEB}`, withPolicy);
    expect(r.seenAs).toEqual(['51.104.20.30']);
  });

  test('a private spoke through the firewall keeps the node IP (IANAPrivateRanges in the policy)', async () => {
    const r = await ask(`egress ${WEB} to 10.60.1.5`, withPolicy);
    expect(r.seenAs).toEqual(['10.224.0.4']);
    expect(r.hops.find((h) => h.kind === 'firewall')?.nat).toBeUndefined();
  });

  test('policy "always SNAT" (255.255.255.255/32): a private destination sees an AzureFirewallSubnet address', async () => {
    const r = await ask(`egress ${WEB} to 10.60.1.5`, withSnat({ privateRanges: ['255.255.255.255/32'] }));
    expect(r.errors).toEqual([]);
    expect(r.seenAs).toEqual(['10.100.0.0/26']);
    expect(r.answer).toMatch(/outside the firewall's SNAT private ranges, so it SNATs it to one of its own addresses/);
    expect(r.hops.find((h) => h.kind === 'firewall')?.nat).toEqual({
      kind: 'snat',
      from: '10.224.0.4',
      to: '10.100.0.0/26',
    });
  });

  test('a policy without snat settings means the IANA default, said as such', async () => {
    const r = await ask(`egress ${WEB} to 198.51.100.20`, withSnat(undefined));
    expect(r.seenAs).toEqual(['51.104.20.30']);
    expect(fact(r, 'SNAT private ranges')).toBe('IANA private ranges (default; policy hub-fw-policy sets none)');
    expect(r.warnings.join('\n')).not.toMatch(NOT_READ);
  });

  test('auto-learned ranges are not visible: a SNATed private-network answer says so', async () => {
    const inv = withSnat({ privateRanges: ['IANAPrivateRanges'], autoLearnPrivateRanges: 'Enabled' });
    const r = await ask(`egress ${WEB} to 198.51.100.20`, inv);
    expect(r.warnings.join('\n')).toMatch(/learns private ranges from Azure Route Server \(auto-learn\)/);
    const inRange = await ask(`egress ${WEB} to 10.60.1.5`, inv);
    expect(inRange.warnings.join('\n')).not.toMatch(/auto-learn/);
  });
});

describe('snatRangesOf', () => {
  const fw = (extra: object) =>
    normalize('firewall', {
      id: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/azureFirewalls/fw',
      properties: { ipConfigurations: [], ...extra },
    });
  const policy = (snat?: object) =>
    normalize('firewallPolicy', {
      id: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/firewallPolicies/pol',
      type: 'Microsoft.Network/FirewallPolicies',
      properties: { snat },
    });
  const polRef = {
    firewallPolicy: { id: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/firewallPolicies/pol' },
  };
  test('policy ranges win over the classic setting; without a policy the classic setting; else IANA', () => {
    const classic = { additionalProperties: { 'Network.SNAT.PrivateRanges': '99.0.0.0/8' } };
    expect(snatRangesOf(fw({ ...classic, ...polRef }), policy({ privateRanges: ['1.2.3.0/24'] }))).toMatchObject({
      ranges: ['1.2.3.0/24'],
      from: 'policy',
    });
    expect(snatRangesOf(fw(classic))).toMatchObject({ ranges: ['99.0.0.0/8'], from: 'firewall' });
    expect(snatRangesOf(fw({}))).toMatchObject({ ranges: ['IANAPrivateRanges'], from: 'default' });
    expect(snatRangesOf(fw(polRef))).toMatchObject({ ranges: ['IANAPrivateRanges'], from: 'not-read', policy: 'pol' });
    expect(snatRangesOf(fw(polRef), policy({ autoLearnPrivateRanges: 'Enabled' }))).toMatchObject({
      from: 'default',
      autoLearn: true,
    });
  });
});

test("the egress answer says what the firewall's rules let out for the node, and what is dropped", async () => {
  const r = await ask(`egress ${WEB}`, SnapshotInventory.load(dirOf('aks-udr-policy')));
  const rules = fact(r, 'Firewall rules');
  expect(rules).toMatch(
    /^for 10\.224\.0\.4: deny tcp\/25 to \* \(no-smtp\); allow udp\/1194 to AzureCloud\.westeurope/,
  );
  expect(rules).toMatch(/; and 2 more; anything else is dropped \(no rule allows it\)$/);
  expect(fact(await ask(`egress ${WEB}`, SnapshotInventory.load(dirOf('aks-udr'))), 'Firewall rules')).toBe(
    'not read (firewall policy hub-fw-policy)',
  );
  // a source no rule names: nothing gets out, said
  const dir = mkdtempSync(join(tmpdir(), 'pp-rules-'));
  cpSync(dirOf('aks-udr-policy'), dir, { recursive: true });
  edit(dir, 'azure/firewall-rule-groups.json', (doc) => {
    for (const g of doc.value)
      for (const c of g.properties.ruleCollections) for (const rule of c.rules) rule.sourceAddresses = ['10.9.0.0/16'];
    return doc;
  });
  const none = await ask(`egress ${WEB}`, SnapshotInventory.load(dir));
  expect(none.warnings).toContain(
    'Azure Firewall hub-fw has no rule that lets anything from 10.224.0.4 out: it drops the traffic',
  );
});
