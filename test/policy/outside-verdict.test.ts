// A pod's packet to an address outside the cluster, judged on its way out: the pod's egress NetworkPolicy (ipBlock),
// the NSGs on the node's NIC and subnet for the packet as it leaves the node (the node IP after SNAT), and a firewall
// it is routed to (its rules are not read: said). The egress answer gives the path and what the far end sees.
import { join } from 'node:path';
import { ask } from '../../src/answer';
import { SnapshotInventory } from '../../src/inventory/snapshot';
import { edit, onEdited } from '../helpers/fixtures';

const fixture = (name: string) => SnapshotInventory.load(join(__dirname, '..', 'fixtures', name));

test("an NSG rule naming a service tag drops the pod's packet to Azure Storage: no, and which rule", async () => {
  const r = await ask('can api reach 52.239.140.10 on 443?', fixture('aks-nsg-asg'));
  expect(r.intent).toBe('policy');
  expect(r.answer).toMatch(
    /^No: shop\/api-6c9d8b7f5-k2m4p cannot reach 52\.239\.140\.10 on tcp:443 — NSG app-nsg\/deny-/,
  );
  expect(r.verdict).toEqual({ allowed: false, by: ['app-nsg/deny-storage-out'] });
  const nsg = r.layers?.filter((l) => l.layer === 'nsg') ?? [];
  expect(nsg.at(-1)).toMatchObject({ verdict: 'denied', note: expect.stringMatching(/subnet.*10\.10\.1\.4/) });
  // the path shown is the way out the packet would take
  expect(r.hops.map((h) => h.kind)).toEqual(['pod', 'node', 'internet']);
});

test('an address the rule does not cover leaves by the default rule, with what the far end sees', async () => {
  const r = await ask('can api reach 8.8.8.8 on 443?', fixture('aks-lb'));
  expect(r.intent).toBe('policy');
  expect(r.answer).toMatch(/^Yes: shop\/api-5f6d7c8b9-klmno can reach 8\.8\.8\.8 on tcp:443 .* as 20\.31\.45\.117/);
  expect(r.verdict).toEqual({ allowed: true, by: [] });
  expect(r.layers?.map((l) => [l.layer, l.verdict])).toEqual([
    ['network-policy', 'allowed'],
    ['nsg', 'allowed'],
    ['nsg', 'allowed'],
  ]);
});

test('a route to a firewall whose policy is not in the data: its rules are not judged, the answer says so', async () => {
  const r = await ask('can api reach 8.8.8.8 on 443?', fixture('aks-udr'));
  // Azure Firewall denies what no rule allows: with its rules unread, "yes" would be a guess
  expect(r.answer).toMatch(
    /^Not sure: NetworkPolicy and NSGs let shop\/api-\S+ reach 8\.8\.8\.8 on tcp:443, but Azure Fi/,
  );
  expect(r.verdict).toBeUndefined();
  expect(r.layers?.at(-1)).toMatchObject({ layer: 'firewall', verdict: 'not-evaluated' });
  expect(r.layers?.at(-1)?.note).toMatch(/firewall policy hub-fw-policy not read/);
});

describe('a route to an Azure Firewall whose policy rules are in the data (aks-udr-policy)', () => {
  const inv = fixture('aks-udr-policy');
  test('a network rule allows it: yes, naming the rule; the far end sees the firewall', async () => {
    const r = await ask('can api reach 8.8.8.8 on 443?', inv);
    expect(r.answer).toMatch(/^Yes: .* as far as NetworkPolicy, NSGs and the firewall go\. .* as 51\.104\.20\.30/);
    expect(r.layers?.at(-1)).toMatchObject({
      layer: 'firewall',
      verdict: 'allowed',
      by: 'hub-fw DefaultNetworkRuleCollectionGroup / aks-egress / https-out',
    });
    expect(r.facts).toContainEqual({
      label: 'Azure Firewall',
      value: 'hub-fw: allowed by rule DefaultNetworkRuleCollectionGroup / aks-egress / https-out',
    });
  });
  test('a deny collection of higher priority: no, naming the rule', async () => {
    const r = await ask('can api reach 8.8.8.8 on 25?', inv);
    expect(r.answer).toMatch(
      /^No: .* Azure Firewall hub-fw drops it: rule DefaultNetworkRuleCollectionGroup \/ deny-mail/,
    );
    expect(r.verdict?.allowed).toBe(false);
    expect(r.verify).toContain(
      'az network firewall policy rule-collection-group list --policy-name hub-fw-policy -g rg-hub ' +
        '--subscription 3f2c1d5e-8a7b-4c6d-9e0f-1a2b3c4d5e6f -o json',
    );
  });
  test('no rule for the port: denied by default', async () => {
    const r = await ask('can api reach 8.8.8.8 on 5432?', inv);
    expect(r.answer).toMatch(/drops it: no rule allows it \(Azure Firewall denies what no rule allows\)/);
    expect(r.verdict).toEqual({ allowed: false, by: ['hub-fw/default deny'] });
  });
  test('an application rule by host name and an address without one: not sure, no typed verdict', async () => {
    const r = await ask('can api reach 8.8.8.8 on 80?', inv);
    expect(r.answer).toMatch(/^Not sure: .* only if firewall rule .*os-updates \/ ubuntu \(allow\) applies/);
    expect(r.verdict).toBeUndefined();
  });
  test('an Azure service by host goes through the network rule for any address', async () => {
    const r = await ask('can api reach mystorage.blob.core.windows.net on 443?', inv);
    expect(r.answer).toMatch(/^Yes: .* and the firewall go/);
  });
});

test('an egress NetworkPolicy whose ipBlock leaves the address out denies it where policies are enforced', async () => {
  const partner = {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name: 'api-egress-partner', namespace: 'shop' },
    spec: {
      podSelector: { matchLabels: { app: 'api' } },
      policyTypes: ['Egress'],
      egress: [{ to: [{ ipBlock: { cidr: '198.51.100.0/24' } }], ports: [{ protocol: 'TCP', port: 443 }] }],
    },
  };
  const change = (dir: string) => edit(dir, 'kubernetes/policies.json', (doc) => void doc.items.push(partner));
  await onEdited('aks-lb', change, async (inv) => {
    const no = await ask('can api reach 8.8.8.8 on 443?', inv);
    expect(no.answer).toMatch(/^No: shop\/api-5f6d7c8b9-klmno cannot reach 8\.8\.8\.8 on tcp:443 — /);
    expect(no.verdict).toEqual({ allowed: false, by: ['api-egress-partner'] });
    const yes = await ask('can api reach 198.51.100.7 on 443?', inv);
    expect(yes.verdict).toEqual({ allowed: true, by: ['api-egress-partner'] });
  });
});

test('asked as a path, the way out to the address is the answer (no verdict field)', async () => {
  const r = await ask('path from web to 52.239.140.10', fixture('aks-nsg-asg'));
  expect(r.intent).toBe('east-west');
  expect(r.answer).toMatch(/cannot reach 52\.239\.140\.10 — NSG app-nsg\/deny-storage-out/);
  expect(r.verdict).toBeUndefined();
});

test('a firewall whose rule collections are not in the data (no policy, no classic rules listed): not judged', async () => {
  const r = await ask('can api reach 8.8.8.8 on 443?', fixture('hub-spoke-firewall'));
  expect(r.answer).toMatch(/^Not sure: .* but Azure Firewall afw-hub-weu's rules could not be judged/);
  expect(r.verdict).toBeUndefined();
  expect(r.layers?.at(-1)?.note).toMatch(/could not be judged \(the rule collections of afw-hub-weu not read\)/);
});

test('the way out decides when nothing else does: no outbound path, a route to None, an appliance or a gateway', async () => {
  const none = await ask('can web reach 8.8.8.8 on 443?', fixture('aks-private-subnet'));
  expect(none.answer).toMatch(/^No: shop\/web-\S+ cannot reach 8\.8\.8\.8 on tcp:443\. .* has no Internet egress/);
  expect(none.verdict).toEqual({ allowed: false, by: ['outboundType none'] });
  expect(none.layers?.at(-1)).toMatchObject({ layer: 'route', verdict: 'denied' });
  const dropped = await ask('can web reach 10.130.1.5 on 443?', fixture('aks-nva-ilb'));
  expect(dropped.answer).toMatch(/^No: .* cannot reach 10\.130\.1\.5 on tcp:443\. .* → None, so the packet is dropped/);
  expect(dropped.verdict?.allowed).toBe(false);
  const nva = await ask('can web reach 8.8.8.8 on 443?', fixture('aks-nva-ilb'));
  expect(nva.answer).toMatch(
    /^Not sure: .* but the packet is routed to a firewall \/ appliance whose rules are not read/,
  );
  expect(nva.verdict).toBeUndefined();
  // (the replica on vmss000000, whose effective routes send 0.0.0.0/0 to the VPN gateway)
  const tunnel = await ask('can web-7d4b9c8f6d-abcde reach 8.8.8.8 on 443?', fixture('aks-effective-routes'));
  expect(tunnel.answer).toMatch(/^Not sure: .* but it leaves through the virtual network gateway/);
  expect(tunnel.layers?.at(-1)).toMatchObject({ layer: 'route', verdict: 'not-visible' });
});

test('between two pods, an NSG on the way that is not in the data makes the verdict "not sure", not "yes"', async () => {
  const drop = (dir: string) => edit(dir, 'azure/nsg.json', (doc) => void (doc.value = []));
  await onEdited('aks-lb', drop, async (inv) => {
    const r = await ask('can web reach api on 8080?', inv);
    expect(r.answer).toMatch(/^Not sure: .* But it may still be dropped: NSG \S+aks-agentpool-12345678-nsg is not in/);
    expect(r.verdict).toBeUndefined();
    expect(r.layers?.find((l) => l.verdict === 'not-visible')).toMatchObject({ layer: 'nsg' });
  });
  // Azure CNI Overlay: what the NSGs see of pod traffic is not modelled, so NetworkPolicy's "allowed" is not the verdict
  const overlay = await ask('can api reach db-0 on 5432?', fixture('aks-cni-overlay'));
  expect(overlay.answer).toMatch(
    /^Not sure: .* allowed by NetworkPolicy db-allow-api\. But it may still be dropped: pod/,
  );
  expect(overlay.verdict).toBeUndefined();
});

test("a workload's replicas to an outside address: each replica is judged on its own node's way out", async () => {
  // vmss000000 has BGP routes to the VPN gateway, vmss000001 only the system routes: web has a replica on each
  const r = await ask('can web reach 192.168.10.5 on 443?', fixture('aks-effective-routes'));
  expect(r.intent).toBe('policy');
  expect(r.answer).toMatch(/^2 replicas of web, with different answers:/);
  expect(r.answer).toMatch(/• web-7d4b9c8f6d-abcde: Not sure: .*virtual network gateway/);
  expect(r.answer).toMatch(/• web-7d4b9c8f6d-fghij: No: .*DenyAllOutBound/);
  // no one verdict stands for both
  expect(r.verdict).toBeUndefined();
  const same = await ask('is web allowed out to 203.0.113.25 on 25 through the firewall?', fixture('aks-fw-dnat'));
  expect(same.answer).toMatch(
    /^No: shop\/web-7d4b9c8f6d-abcde cannot reach 203\.0\.113\.25 on tcp:25 — Azure Firewall/,
  );
  expect(same.answer).toMatch(
    /\nAll 2 replicas of web \(web-7d4b9c8f6d-abcde, web-7d4b9c8f6d-fghij\) share this answer/,
  );
  expect(same.verdict).toEqual({
    allowed: false,
    by: ['hub-fw/DefaultNetworkRuleCollectionGroup / deny-mail / no-smtp'],
  });
  expect(same.warnings).not.toContainEqual(expect.stringMatching(/unless they run on differently connected nodes/));
});

test("a workload's replicas to a pod of the cluster: each judged, its own node's NSG deciding", async () => {
  // Kubernetes gives each replica its own address, and an NSG filters at each node's NIC or subnet
  // (https://learn.microsoft.com/azure/virtual-network/network-security-groups-overview)
  const same = await ask('what source ip does api see from web?', fixture('aks-lb'));
  expect(same.answer).toMatch(/^All 2 replicas of web .* share this answer, each seen as its own address/);
  expect(same.seenAs).toEqual(['10.244.0.12', '10.244.1.8']);
  const r = await onEdited('aks-lb', pool0Denies8080('Outbound'), (inv) => ask('can web reach api?', inv));
  expect(r.answer).toMatch(/^2 replicas of web, with different answers:/);
  expect(r.answer).toMatch(/• web-7d4b9c8f6d-abcde: No: .*pool0-nsg\/deny-8080-out/);
  expect(r.answer).toMatch(/• web-7d4b9c8f6d-fghij: Yes: /);
  expect(r.verdict).toBeUndefined();
});

const NIC_NSG =
  '/subscriptions/3f2c1d5e-8a7b-4c6d-9e0f-1a2b3c4d5e6f/resourceGroups/MC_rg-aks_aks1_westeurope/providers/' +
  'Microsoft.Network/networkSecurityGroups/aks-agentpool-12345678-nsg';

/** An NSG denying 8080 one way on vmss000000's NIC only (web-…-abcde's node). */
const pool0Denies8080 = (direction: 'Inbound' | 'Outbound') => (dir: string) => {
  const nsgId = (name: string) => `${NIC_NSG.slice(0, NIC_NSG.lastIndexOf('/'))}/${name}`;
  edit(dir, 'azure/nsg.json', (doc) => {
    const nsg = structuredClone(doc.value[0]);
    nsg.name = 'pool0-nsg';
    nsg.id = nsgId('pool0-nsg');
    const deny = { name: `deny-8080-${direction === 'Inbound' ? 'in' : 'out'}`, properties: { protocol: 'Tcp' } };
    Object.assign(deny.properties, { sourcePortRange: '*', destinationPortRange: '8080', sourceAddressPrefix: '*' });
    Object.assign(deny.properties, { destinationAddressPrefix: 'VirtualNetwork', access: 'Deny' });
    Object.assign(deny.properties, { priority: 100, direction });
    nsg.properties.securityRules = [deny];
    doc.value.push(nsg);
  });
  edit(dir, 'azure/vmss-nics.json', (nics) => {
    nics[0].networkSecurityGroup = { id: nsgId('pool0-nsg') };
  });
};

test("a workload's replicas as the far end of one pod: each judged, its own node's NSG deciding", async () => {
  // each replica is a far end of its own: the NSG on its node's NIC filters what reaches it
  // (https://learn.microsoft.com/azure/virtual-network/network-security-groups-overview)
  const same = await ask('can api reach the web pods on 8080?', fixture('aks-lb'));
  expect(same.answer).toMatch(/^Yes: .*\nAll 2 replicas of web \(web-7d4b9c8f6d-abcde, web-7d4b9c8f6d-fghij\) share/s);
  expect(same.warnings).not.toContainEqual(expect.stringMatching(/unless they run on differently connected nodes/));
  const r = await onEdited('aks-lb', pool0Denies8080('Inbound'), (inv) => ask('can api reach web on 8080?', inv));
  expect(r.answer).toMatch(/^2 replicas of web, with different answers:/);
  expect(r.answer).toMatch(/• web-7d4b9c8f6d-abcde: No: .*pool0-nsg\/deny-8080-in/);
  expect(r.answer).toMatch(/• web-7d4b9c8f6d-fghij: Yes: /);
  expect(r.verdict).toBeUndefined();
  // a client that is itself several replicas keeps one far end, said so
  const both = await ask('can the ingress-nginx-controller pods reach the web pods on 8080?', fixture('aks-lb'));
  expect(both.answer).toMatch(/All 2 replicas of ingress-nginx/);
  expect(both.warnings).toContainEqual(
    expect.stringMatching(/^the far end is one of 2 replicas: web-7d4b9c8f6d-abcde;/),
  );
});
