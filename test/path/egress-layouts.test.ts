// Enterprise egress layouts (test/fixtures/README.md, "Egress layouts"): system routes, hub-spoke firewalls in
// another subscription, CNI modes, prefixes, private subnets, EgressIP and effective routes.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { ask } from '../../src/answer';
import { SnapshotInventory } from '../../src/inventory/snapshot';
import { firewallKeepsSource } from '../../src/path/egress-rules';
import { selectRoute, systemRoutes, userRoutes } from '../../src/path/routes';
import { snatCapacity } from '../../src/path/snat';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';

const dirOf = (name: string) => join(__dirname, '..', 'fixtures', name);
const fx = (name: string) => SnapshotInventory.load(dirOf(name));
const WEB = 'web-7d4b9c8f6d-abcde';
const hops = (r: any) => r.hops.map((h: any) => `${h.kind} ${h.src ?? '-'} > ${h.dst ?? '-'}`);
const HUB_SUB = '7d1e4b2a-9c3f-4e8d-b6a5-2f0c9e8d7b14';

describe('hub-spoke-firewall: Azure Firewall in the connectivity subscription, NAT gateway on its subnet', () => {
  const inv = fx('hub-spoke-firewall');
  test('Internet: route → firewall (found through the peering) → the NAT gateway’s addresses, as a set', async () => {
    const r = await ask(`egress ${WEB}`, inv);
    expect(r.errors).toEqual([]);
    expect(hops(r)).toEqual([
      'pod 10.244.0.12 > -',
      'node 10.244.0.12 > -',
      'route-table 10.224.0.4 > -',
      'firewall 10.224.0.4 > -',
      'nat-gateway - > -',
      'public-ip 20.93.20.5 > -',
      'public-ip 20.93.21.0/31 > -',
      'internet - > -',
    ]);
    expect(r.seenAs).toEqual(['20.93.20.5', '20.93.21.0/31']);
    expect(r.answer).toMatch(/Azure Firewall afw-hub-weu \(10\.100\.0\.4\), whose subnet's NAT gateway ng-afw-hub-weu/);
    expect(r.facts?.find((f: any) => f.label === 'Firewall')?.value).toContain(HUB_SUB);
  });
  test('a destination in the peered hub takes the peering, not the firewall’s 0.0.0.0/0', async () => {
    const r = await ask(`egress ${WEB} to 10.100.2.10`, inv);
    expect(r.answer).toMatch(/peered virtual network \(spoke-to-hub\), as node IP 10\.224\.0\.4/);
    expect(r.seenAs).toEqual(['10.224.0.4']);
    expect(hops(r)).toEqual([
      'pod 10.244.0.12 > 10.100.2.10',
      'node 10.244.0.12 > 10.100.2.10',
      'internet 10.224.0.4 > 10.100.2.10',
    ]);
  });
  test('an unrouted private destination is dropped (system route None; BGP propagation disabled)', async () => {
    const r = await ask(`egress ${WEB} to 10.20.1.5`, inv);
    expect(r.answer).toMatch(/cannot reach 10\.20\.1\.5: .*10\.0\.0\.0\/8 → None, so the packet is dropped\.$/);
    expect(r.seenAs).toBeUndefined();
  });
  test('a private destination routed through the firewall is not SNATed (privateRange)', async () => {
    const r = await ask(`egress ${WEB} to 10.50.1.5`, inv);
    expect(r.answer).toMatch(/network rules do not SNAT/);
    expect(r.seenAs).toEqual(['10.224.0.4']);
    expect(r.hops.find((h) => h.kind === 'firewall')?.nat).toBeUndefined();
  });
  test('without the connectivity subscription the answer names it instead of guessing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pp-hub-'));
    cpSync(dirOf('hub-spoke-firewall'), dir, { recursive: true });
    for (const f of ['firewall.json', 'hub-vnet.json', 'connectivity-natgw.json']) rmSync(join(dir, 'azure', f));
    const r = await ask(`egress ${WEB}`, SnapshotInventory.load(dir));
    expect(r.seenAs).toBeUndefined();
    expect(r.warnings.join(' ')).toMatch(
      new RegExp(`subscription ${HUB_SUB} could not be read .*peering spoke-to-hub`),
    );
  });
});

describe('CNI modes: what a VNet destination sees', () => {
  test('Azure CNI pod subnet (spoke peered to the hub): the hub sees the pod IP; the Internet the LB IP', async () => {
    const inv = fx('aks-cni-podsubnet');
    const hub = await ask(`egress ${WEB} to 10.100.2.10`, inv);
    expect(hub.seenAs).toEqual(['10.225.0.12']);
    expect(hub.hops[1].nat).toBeUndefined();
    const net = await ask(`egress ${WEB}`, inv);
    expect(net.seenAs).toEqual(['20.31.45.117']);
    expect(net.hops[1].nat).toEqual({ kind: 'snat', from: '10.225.0.12', to: '10.224.0.4' });
    const unrouted = await ask(`egress ${WEB} to 10.20.1.5`, inv);
    expect(unrouted.answer).toMatch(/dropped/);
  });
  test('Azure CNI overlay: the hub sees the node IP', async () => {
    const r = await ask(`egress ${WEB} to 10.100.2.10`, fx('aks-cni-overlay'));
    expect(r.seenAs).toEqual(['10.224.0.4']);
    expect(r.answer).toMatch(/overlay/);
  });
});

test('aks-nva-ilb: a third-party NVA behind an internal load balancer; the appliance decides SNAT', async () => {
  const r = await ask(`egress ${WEB}`, fx('aks-nva-ilb'));
  expect(r.errors).toEqual([]);
  expect(r.answer).toMatch(
    /internal load balancer lbi-nva \(10\.110\.0\.68: nic-nva-01-trust \(10\.110\.0\.69\), nic-nva-02-trust/,
  );
  expect(r.answer).toMatch(/the appliance decides/);
  expect(r.seenAs).toBeUndefined();
  expect(hops(r)).toContain('virtual-appliance 10.224.0.4 > -');
});

describe('prefixes and SNAT capacity', () => {
  test('aks-lb-prefix: the /30 is the source; 4 addresses × 64,000 / 16,000 ports → 16 nodes', async () => {
    const r = await ask(`egress ${WEB}`, fx('aks-lb-prefix'));
    expect(r.seenAs).toEqual(['20.31.44.0/30']);
    expect(r.answer).toMatch(/public IP prefix aks-outbound-prefix\. 16000 SNAT ports per node.*room for 16 nodes/);
    expect(r.facts?.find((f: any) => f.label === 'Max nodes')?.value).toMatch(/^16 \(4 frontend IPs/);
  });
  test('aks-natgw: 2 IPs and a /30 prefix → 6 × 64,512 ports', async () => {
    const r = await ask(`egress ${WEB}`, fx('aks-natgw'));
    expect(r.answer).toMatch(/387,072 SNAT ports/);
  });
  test('allocated ports must be a multiple of 8', () => {
    expect(snatCapacity(1001, 1, 3).warning).toMatch(/not a multiple of 8/);
    expect(snatCapacity(1000, 1, 3).warning).toBeUndefined();
  });
});

describe('no Internet egress', () => {
  test('aks-private-subnet (outboundType none, defaultOutboundAccess false): no egress, said with the reason', async () => {
    const inv = fx('aks-private-subnet');
    const r = await ask(`egress ${WEB}`, inv);
    expect(r.answer).toMatch(/has no Internet egress: subnet aks-subnet is a private subnet/);
    expect(r.seenAs).toBeUndefined();
    const hub = await ask(`egress ${WEB} to 10.100.2.10`, inv);
    expect(hub.seenAs).toEqual(['10.224.0.4']);
  });
  test('aks-outbound-none on a subnet that does not say: default outbound access, warned', async () => {
    const r = await ask(`egress ${WEB}`, fx('aks-outbound-none'));
    expect(r.answer).toMatch(/default outbound access \(outboundType none/);
    expect(r.warnings.join(' ')).toMatch(/does not say defaultOutboundAccess/);
  });
});

describe('aro-egressip: OpenShift EgressIP', () => {
  const inv = fx('aro-egressip');
  test('the Internet: no outbound path from the EgressIP behind the load balancer', async () => {
    const r = await ask('egress sqlapi', inv);
    expect(r.answer).toMatch(/has no Internet egress: its traffic leaves with EgressIP 10\.0\.2\.100/);
    expect(r.seenAs).toBeUndefined();
  });
  test('a VNet destination sees the EgressIP', async () => {
    const r = await ask('egress sqlapi to 10.0.0.4', inv);
    expect(r.seenAs).toEqual(['10.0.2.100']);
    expect(r.hops[1].nat).toEqual({ kind: 'snat', from: '10.129.2.7', to: '10.0.2.100' });
  });
});

describe('aks-effective-routes: BGP 0.0.0.0/0 to a VPN gateway', () => {
  const inv = fx('aks-effective-routes');
  test('the Internet is force-tunnelled; the answer says it used effective routes and saw BGP', async () => {
    const r = await ask(`egress ${WEB}`, inv);
    expect(r.answer).toMatch(/through the virtual network gateway \(BGP route 0\.0\.0\.0\/0/);
    expect(r.answer).toMatch(/effective routes; BGP routes seen/);
    expect(r.seenAs).toBeUndefined();
  });
  test('on-premises through the gateway keeps the node IP (kubenet)', async () => {
    const r = await ask(`egress ${WEB} to 192.168.10.5`, inv);
    expect(r.seenAs).toEqual(['10.224.0.4']);
  });
  test('another node without effective routes falls back to system routes and says BGP was not seen', async () => {
    const r = await ask('egress web-7d4b9c8f6d-fghij', inv);
    expect(r.warnings.join(' ')).toMatch(/BGP routes were not seen/);
    // the answer itself hedges: a gateway's 0.0.0.0/0 would win over the system route it was worked out from
    expect(r.answer).toMatch(/Unless a BGP route overrides it: peering spoke-to-hub \(remote gateways\) can advertise/);
  });
  test("a route table's own 0.0.0.0/0 wins over a BGP one: no hedge", async () => {
    const r = await ask('egress ip of api', fx('aks-udr'));
    expect(r.answer).toMatch(/route default \(0\.0\.0\.0\/0\) of route table aks-udr/);
    expect(r.answer).not.toMatch(/Unless a BGP route/);
  });
});

describe('route selection (pure)', () => {
  const vnet: any = {
    prefixes: ['10.224.0.0/12'],
    subnets: [],
    peerings: [{ name: 'to-hub', remotePrefixes: ['10.100.0.0/16'], state: 'Connected', useRemoteGateways: false }],
  };
  const table: any = {
    routes: [
      { name: 'default', prefix: '0.0.0.0/0', nextHopType: 'VirtualAppliance', nextHopIp: '10.100.0.4' },
      { name: 'hub', prefix: '10.100.0.0/16', nextHopType: 'VirtualAppliance', nextHopIp: '10.100.0.4' },
    ],
  };
  const all = [...userRoutes(table), ...systemRoutes(vnet)];
  test.each([
    ['8.8.8.8', 'default', 'user'],
    ['10.100.2.10', 'hub', 'user'], // equal prefix: user beats the peering
    ['10.224.3.3', 'VNet address space', 'system'],
    ['10.20.1.5', 'default', 'system'], // 10.0.0.0/8 → None
    ['100.64.1.1', 'default', 'system'],
  ])('%s → %s (%s)', (dest, name, origin) => {
    const r = selectRoute(all, dest)!;
    expect([r.name, r.origin]).toEqual([name, origin]);
  });
  test('the None routes', () => {
    expect(selectRoute(systemRoutes(vnet), '172.16.0.1')?.nextHopType).toBe('None');
    expect(selectRoute(systemRoutes(vnet), '10.100.0.9')?.nextHopType).toBe('VNetPeering');
  });
  test('firewall private ranges: IANA by default, custom lists replace it', () => {
    expect(firewallKeepsSource(undefined, '100.64.0.1')).toBe(true);
    expect(firewallKeepsSource(undefined, '8.8.8.8')).toBe(false);
    expect(firewallKeepsSource(['99.0.0.0/8'], '10.0.0.1')).toBe(false);
    expect(firewallKeepsSource(['IANAPrivateRanges', '99.0.0.0/8'], '99.1.1.1')).toBe(true);
  });
});
