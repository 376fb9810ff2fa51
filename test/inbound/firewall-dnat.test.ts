// A hub firewall in front of the cluster (test/fixtures/aks-fw-dnat: aks-udr-policy plus an internal LoadBalancer
// Service shop/web-internal at 10.224.0.100 and a DNAT rule collection on the firewall's public IP 51.104.20.30):
// its DNAT rule leads to our internal load balancer, SNATing the client to AzureFirewallSubnet; read from the
// snapshot and live through the SDK against the fake ARM server.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ask } from '../../src/answer';
import { normalize } from '../../src/inventory/azure-model';
import { capture } from '../../src/inventory/capture';
import { LiveInventory } from '../../src/inventory/live';
import { SnapshotInventory } from '../../src/inventory/snapshot';
import { dnatRules } from '../../src/path/firewall-rules';
import { edit, onEdited } from '../helpers/fixtures';
import { liveRig, jsonWithoutAge } from '../helpers/live';

const DIR = join(__dirname, '..', 'fixtures', 'aks-fw-dnat');
const inv = SnapshotInventory.load(DIR);

test("a pasted DNAT rule log line is asked from the firewall's address, not from the translated one", async () => {
  const line = "TCP request from 203.0.113.40:51514 to 51.104.20.30:443 was DNAT'ed to 10.224.0.100:80";
  const r = await ask(`${line}\nwhich pods does this land on?`, inv);
  expect(r.hops.map((h) => h.kind).slice(0, 3)).toEqual(['client', 'firewall', 'load-balancer']);
  expect(r.answer).toMatch(/^51\.104\.20\.30:443 is Azure Firewall hub-fw's address/);
});

test('an internal Service a firewall publishes: the DNAT rule is a way in, and the way in from the Internet', async () => {
  const plain = await ask('how is web-internal reached?', inv);
  expect(plain.hops[1].kind).toBe('load-balancer');
  expect(plain.facts.map((f) => f.value)).toContainEqual(
    expect.stringMatching(/^Azure Firewall hub-fw publishes it: DNAT rule .*web-https, tcp\/443 on 51\.104\.20\.30/),
  );
  expect(plain.followUps.map((f) => f.question)).toContain('how does traffic reach 51.104.20.30 on 443');
  const outside = await ask('how does the internet reach web-internal?', inv);
  expect(outside.hops.map((h) => h.kind).slice(0, 3)).toEqual(['client', 'firewall', 'load-balancer']);
  expect(outside.warnings.join(' ')).toMatch(/shop\/web-internal has an internal load balancer, no public address/);
});

test('a port with a DNAT rule to our internal load balancer: the firewall first, then the way in it leads to', async () => {
  const r = await ask('how does traffic reach 51.104.20.30 on 443?', inv);
  expect(r.status).toBe('answered');
  expect(r.answer).toMatch(
    /^51\.104\.20\.30:443 is Azure Firewall hub-fw's address: DNAT rule .*web-https translates it to 10\.224\.0\.100:80 and SNATs the client to an address of 10\.100\.0\.0\/26/,
  );
  expect(r.answer).toContain('Traffic reaches shop/web-internal at 10.224.0.100:80');
  expect(r.hops.map((h) => h.kind)).toEqual(['client', 'firewall', 'load-balancer', 'node', 'pod']);
  expect(r.hops[2].src).toBe('an address of 10.100.0.0/26');
  expect(r.hops[1].nat).toEqual({ kind: 'dnat', from: '51.104.20.30:443', to: '10.224.0.100:80' });
  expect(r.verify[0]).toMatch(
    /^az network firewall policy rule-collection-group list --policy-name hub-fw-policy -g rg-hub/,
  );
});

test('no port: the DNAT rules on the address as buttons; a port no rule translates: dropped, said', async () => {
  const which = await ask('how does traffic reach 51.104.20.30?', inv);
  expect(which.status).toBe('ambiguous');
  expect(which.followUps.map((f) => f.question)).toEqual([
    'how does traffic reach 51.104.20.30 on 443?',
    'how does traffic reach 51.104.20.30 on 2222?',
  ]);
  const none = await ask('how does traffic reach 51.104.20.30 on 8443?', inv);
  expect(none.answer).toMatch(/^No: 51\.104\.20\.30 is an address of Azure Firewall hub-fw, and no DNAT rule of it/);
  expect(none.answer).toMatch(/the firewall drops it, as it drops anything no rule lets in\.$/);
});

test("a rule to an address that is none of ours, and a client the rule's sources leave out", async () => {
  const elsewhere = await ask('how does traffic reach 51.104.20.30 on 2222?', inv);
  expect(elsewhere.answer).toMatch(/translates tcp\/2222 on 51\.104\.20\.30 to 10\.50\.1\.4:22, which is no way in/);
  expect(elsewhere.answer).toMatch(
    /it lets in only clients from IP group ipg-office \(198\.51\.100\.0\/24, 192\.0\.2\.10\)\.$/,
  );
  const outsider = await ask('how does traffic from 203.0.113.9 reach 51.104.20.30 on 2222?', inv);
  expect(outsider.answer).toMatch(/lets in only clients from IP group ipg-office \(.*\): 203\.0\.113\.9 is dropped\.$/);
  // a member of the IP group is let in
  const member = await ask('how does traffic from 192.0.2.10 reach 51.104.20.30 on 2222?', inv);
  expect(member.answer).toMatch(
    /^51\.104\.20\.30 is an address of Azure Firewall hub-fw: DNAT rule .*ops-ssh translates/,
  );
});

test('classic NAT rule collections on the firewall read the same way', () => {
  const fw = normalize('firewall', {
    name: 'fw',
    type: 'Microsoft.Network/azureFirewalls',
    properties: {
      natRuleCollections: [
        {
          name: 'publish',
          properties: {
            priority: 100,
            action: { type: 'Dnat' },
            rules: [
              {
                name: 'web',
                protocols: ['TCP'],
                sourceAddresses: ['*'],
                destinationAddresses: ['20.1.2.3'],
                destinationPorts: ['443'],
                translatedAddress: '10.0.0.10',
                translatedPort: '8443',
              },
            ],
          },
        },
      ],
      networkRuleCollections: [],
    },
  });
  const rules = { source: 'classic' as const, layers: [fw.ruleCollections!], missing: [] };
  expect(dnatRules(rules, { ip: '20.1.2.3', port: 443 })).toEqual([
    {
      rule: 'publish / web',
      what: 'tcp/443 on 20.1.2.3',
      ip: '20.1.2.3',
      ports: ['443'],
      address: '10.0.0.10',
      fqdn: undefined,
      port: 8443,
      sources: ['*'],
    },
  ]);
  expect(dnatRules(rules, { ip: '20.1.2.3', port: 80 })).toEqual([]);
});

test('live: the firewall, its policy and rule groups read through the SDK answer like the snapshot; unreadable, said', async () => {
  const rig = await liveRig(DIR);
  try {
    const q = 'how does traffic reach 51.104.20.30 on 443?';
    const live = await ask(q, rig.inventory);
    expect(live.errors).toEqual([]);
    expect((jsonWithoutAge(live) as any).hops).toEqual((jsonWithoutAge(await ask(q, inv)) as any).hops);
    expect(live.answer).toBe((await ask(q, inv)).answer);
    // the IP group read by ID through the SDK
    const member = 'how does traffic from 192.0.2.10 reach 51.104.20.30 on 2222?';
    expect((await ask(member, rig.inventory)).answer).toBe((await ask(member, inv)).answer);
    expect(rig.arm.requestsTo(/\/ipGroups\/ipg-office$/).map((x) => x.status)).toEqual([200]);
    // a captured folder answers the same
    const dir = mkdtempSync(join(tmpdir(), 'capture-dnat-'));
    expect((await capture(rig.inventory, rig.inventory.azure, dir)).failures).toEqual([]);
    expect((await ask(q, SnapshotInventory.load(dir))).answer).toBe(live.answer);
    expect((await ask(member, SnapshotInventory.load(dir))).answer).toBe((await ask(member, inv)).answer);
    rig.arm.faults.push({ status: 403, match: /\/ruleCollectionGroups\// });
    const fresh = await ask(
      'how does traffic reach 51.104.20.30 on 443?',
      new LiveInventory(rig.inventory.kube, rig.freshArm()),
    );
    expect(fresh.answer).toMatch(/its DNAT rules, which could not be read \(rule collection group .* not read\)/);
    expect(fresh.errors.map((e) => e.code)).toContain('forbidden');
  } finally {
    await rig.stop();
  }
});

test("what-is on the firewall's address names its DNAT rules there, with the inbound question as a button", async () => {
  const r = await ask('what is 51.104.20.30', inv);
  expect(r.answer).toMatch(
    /Azure Firewall hub-fw .*; its DNAT rules there: tcp\/443 → 10\.224\.0\.100:80 \(.*web-https\); tcp\/2222 → 10\.50\.1\.4:22/,
  );
  expect(r.followUps).toContainEqual({
    title: 'Inbound path',
    question: 'how does traffic reach 51.104.20.30 on 443?',
    intent: 'inbound',
  });
  // the rules unread (a snapshot without the policy): the firewall alone, no rules claimed
  const unread = await ask('what is 51.104.20.30', SnapshotInventory.load(join(DIR, '..', 'aks-udr')));
  expect(unread.answer).toMatch(/Azure Firewall hub-fw/);
  expect(unread.answer).not.toMatch(/DNAT/);
});

test("threat intelligence in Deny mode on the firewall's policy is said wherever its rules let traffic through", async () => {
  const deny = (dir: string) =>
    edit(dir, 'azure/firewall-policy.json', (p) => ({
      ...p,
      properties: { ...p.properties, threatIntelMode: 'Deny' },
    }));
  const said = /^Threat intelligence is in Deny mode on Azure Firewall hub-fw: .* dropped before any rule/;
  await onEdited('aks-fw-dnat', deny, async (edited) => {
    const inbound = await ask('how does traffic reach 51.104.20.30 on 443?', edited);
    expect(inbound.warnings[0]).toMatch(said);
    const out = await ask('can api reach 8.8.8.8 on 443?', edited);
    expect(out.warnings.some((w) => said.test(w))).toBe(true);
    const egress = await ask('egress ip of api', edited);
    expect(egress.warnings.some((w) => said.test(w))).toBe(true);
  });
  // Alert (the fixture's own mode): nothing said
  expect((await ask('can api reach 8.8.8.8 on 443?', inv)).warnings.some((w) => said.test(w))).toBe(false);
});

// IDPS (Premium) in Alert and Deny mode drops traffic matching a signature whatever the rules say: said the same way
// https://learn.microsoft.com/azure/firewall/premium-features#idps
test("IDPS in Alert and Deny mode on the firewall's policy is said wherever its rules let traffic through", async () => {
  const idps = (mode: string) => (dir: string) =>
    edit(dir, 'azure/firewall-policy.json', (p) => ({
      ...p,
      properties: { ...p.properties, sku: { tier: 'Premium' }, intrusionDetection: { mode } },
    }));
  const said = /^IDPS is in Alert and Deny mode on Azure Firewall hub-fw: .* matches an intrusion signature is dropped/;
  await onEdited('aks-fw-dnat', idps('Deny'), async (edited) => {
    expect((await ask('how does traffic reach 51.104.20.30 on 443?', edited)).warnings[0]).toMatch(said);
    expect((await ask('can api reach 8.8.8.8 on 443?', edited)).warnings.some((w) => said.test(w))).toBe(true);
    expect((await ask('egress ip of api', edited)).warnings.some((w) => said.test(w))).toBe(true);
  });
  await onEdited('aks-fw-dnat', idps('Alert'), async (edited) => {
    expect((await ask('can api reach 8.8.8.8 on 443?', edited)).warnings.some((w) => said.test(w))).toBe(false);
  });
});

// A DNAT rule may translate to an FQDN, which the firewall resolves with its own DNS settings: the way in it reaches
// is not known here, so it is never said to be none of ours; our LoadBalancer Services on that port are offered.
// https://learn.microsoft.com/azure/firewall/dns-settings
test('a DNAT rule to an FQDN: not known where it leads, our load balancers on the port offered', async () => {
  const toName = (dir: string) =>
    edit(dir, 'azure/firewall-rule-groups.json', (doc) => {
      const rules = doc.value[0].properties.ruleCollections[0].rules;
      rules[0] = { ...rules[0], translatedAddress: undefined, translatedFqdn: 'web.shop.contoso.internal' };
      return doc;
    });
  await onEdited('aks-fw-dnat', toName, async (edited) => {
    const r = await ask('how does traffic reach 51.104.20.30 on 443?', edited);
    expect(r.status).toBe('ambiguous');
    expect(r.answer).toMatch(
      /translates tcp\/443 on 51\.104\.20\.30 to web\.shop\.contoso\.internal:80, a name the firewall resolves/,
    );
    expect(r.answer).toContain('Ours on port 80: shop/web 20.31.46.20; shop/web-internal 10.224.0.100;');
    expect(r.answer).not.toMatch(/no way in of this cluster/);
    expect(r.followUps.map((f) => f.question)).toContain('how does traffic reach 10.224.0.100 on 80?');
    expect(r.verify[0]).toMatch(/^nslookup web\.shop\.contoso\.internal/);
  });
});
