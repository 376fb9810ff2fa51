// A cluster VNet connected to a Virtual WAN hub (aks-vwan): routing intent's Internet policy sends 0.0.0.0/0 to the
// hub's Azure Firewall (its hubIPAddresses public IPs are what the Internet sees), its PrivateTraffic policy the
// RFC 1918 aggregates; without them (or with the connection's internet security off) the load balancer decides, and
// the answer says why instead of hedging.
import { join } from 'node:path';
import { ask } from '../../src/answer';
import { SnapshotInventory } from '../../src/inventory/snapshot';
import { edit, onEdited } from '../helpers/fixtures';

const fixture = join(__dirname, '..', 'fixtures', 'aks-vwan');
const POD = 'web-7d4b9c8f6d-abcde';
const NVA =
  '/subscriptions/7d1e4b2a-9c3f-4e8d-b6a5-2f0c9e8d7b14/resourceGroups/rg-connectivity-vwan/providers/' +
  'Microsoft.Network/networkVirtualAppliances/nva-fortigate-weu';
const fact = (r: { facts: { label: string; value: string }[] }, label: string) =>
  r.facts.find((f) => f.label === label)?.value;

describe('aks-vwan: secured virtual hub with routing intent', () => {
  const inv = SnapshotInventory.load(fixture);

  test("Internet: the hub firewall's public IPs, through the hub's BGP default route", async () => {
    const r = await ask(`what ip does ${POD} go out with`, inv);
    expect(r.seenAs).toEqual(['20.71.40.10', '20.71.40.11']);
    expect(r.answer).toMatch(/Azure Firewall afw-vhub-weu \(10\.120\.0\.132\)/);
    expect(r.answer).toMatch(/Virtual WAN hub vhub-weu, routing intent policy InternetTraffic/);
    expect(r.answer).not.toMatch(/Unless a BGP route/);
    expect(fact(r, 'Virtual WAN')).toMatch(/advertises 0\.0\.0\.0\/0 to this VNet/);
    // the hub firewall's policy rules apply as for any firewall
    expect(fact(r, 'Firewall rules')).toMatch(/allow tcp\/443 to \* \(https-out\)/);
    expect(r.errors).toEqual([]);
  });

  test('a private destination goes through the firewall too (PrivateTraffic policy), not SNATed', async () => {
    const r = await ask(`egress ${POD} to 10.130.1.5`, inv);
    expect(r.answer).toMatch(/through Azure Firewall afw-vhub-weu/);
    expect(r.answer).toMatch(/10\.0\.0\.0\/8 .*routing intent policy PrivateTrafficPolicy/);
    expect(r.seenAs).toEqual(['10.224.0.4']);
  });

  test("the VNet's own ranges stay local: longer than the hub's aggregates", async () => {
    const r = await ask(`egress ${POD} to 10.224.0.5`, inv);
    expect(r.answer).not.toMatch(/afw-vhub-weu/);
  });

  test("a verdict to another spoke: the hub's BGP prefix is in the VirtualNetwork tag, the firewall's rule decides", async () => {
    const r = await ask('can web reach 10.130.1.5 on 443?', inv);
    // each replica leaves from its own node (the source seen differs); the verdict is the same
    expect(r.answer).toMatch(
      /^Yes for all 2 replicas of web, with different answers:\n• \S+: Yes: .*can reach 10\.130\.1\.5 on tcp:443/,
    );
    expect(fact(r, 'NSG')).toMatch(/AllowVnetOutBound/);
    expect(fact(r, 'Azure Firewall')).toMatch(/allowed by rule .*https-out/);
  });

  test('what is a hub firewall public IP: the firewall, from its hubIPAddresses', async () => {
    const r = await ask('what is 20.71.40.10', inv);
    expect(r.answer).toMatch(/Azure Firewall afw-vhub-weu/);
  });
});

describe('aks-vwan variants', () => {
  const internet = (change: (dir: string) => void) =>
    onEdited('aks-vwan', change, (inv) => ask(`what ip does ${POD} go out with`, inv));

  test('no routing intent: the load balancer, and the hub said to advertise no default route', async () => {
    const r = await internet((dir) => edit(dir, 'azure/vhub-routing-intent.json', () => []));
    expect(r.seenAs).toEqual(['20.31.45.117']);
    expect(r.answer).toMatch(/Connected to Virtual WAN hub vhub-weu, which advertises no default route to this VNet/);
    expect(r.answer).toMatch(/no routing intent/);
    expect(r.answer).not.toMatch(/Unless a BGP route/);
  });

  test("enableInternetSecurity off on the VNet's connection: no default route from the hub", async () => {
    const r = await internet((dir) =>
      edit(dir, 'azure/vhub-connections.json', (cs) => ((cs[0].enableInternetSecurity = false), cs)),
    );
    expect(r.seenAs).toEqual(['20.31.45.117']);
    expect(r.answer).toMatch(/advertises no default route to this VNet \(this VNet's connection has internet/);
  });

  test('the hub not found (not in the snapshot): hedged as before, and said', async () => {
    const r = await internet((dir) => edit(dir, 'azure/vhub.json', () => []));
    expect(r.seenAs).toEqual(['20.31.45.117']);
    expect(r.answer).toMatch(/Connected to a Virtual WAN hub \(peering RemoteVnetToHubPeering_\S+\), not read/);
    expect(r.answer).toMatch(/Unless a BGP route overrides it/);
    expect(r.errors).toEqual([]);
  });

  test("a spoke whose peering is not named like the hub's VNet: the hub's connection to it still counts", async () => {
    const r = await internet((dir) =>
      edit(dir, 'azure/vnet.json', (doc) => {
        const vnet = Array.isArray(doc) ? doc[0] : doc;
        const peering = (vnet.properties?.virtualNetworkPeerings ?? vnet.virtualNetworkPeerings)[0];
        const remote = (peering.properties ?? peering).remoteVirtualNetwork;
        remote.id = remote.id.replace(/\/RG_[^/]+\//, '/rg-vwan-managed/').replace(/\/HV_[^/]+$/, '/hub-vnet');
        return doc;
      }),
    );
    expect(r.seenAs).toEqual(['20.71.40.10', '20.71.40.11']);
  });

  test('an NVA as next hop: decided by it, no address', async () => {
    const r = await internet((dir) =>
      edit(dir, 'azure/vhub-routing-intent.json', (ri) => {
        for (const p of ri[0].routingPolicies) p.nextHop = NVA;
        return ri;
      }),
    );
    expect(r.answer).toMatch(/decided by nva-fortigate-weu/);
    expect(r.seenAs).toBeUndefined();
  });

  test("a user route of the same prefix wins over the hub's BGP route", async () => {
    const r = await internet((dir) =>
      edit(dir, 'azure/route-tables.json', (doc) => {
        const t = Array.isArray(doc) ? doc[0] : (doc.value?.[0] ?? doc);
        const routes = t.properties?.routes ?? t.routes;
        routes.push({ name: 'internet-direct', properties: { addressPrefix: '0.0.0.0/0', nextHopType: 'Internet' } });
        return doc;
      }),
    );
    expect(r.seenAs).toEqual(['20.31.45.117']);
    expect(fact(r, 'Route')).toMatch(/route internet-direct \(0\.0\.0\.0\/0\)/);
  });

  test("route propagation off on the subnet's route table: no hub route", async () => {
    const r = await internet((dir) =>
      edit(dir, 'azure/route-tables.json', (doc) => {
        const t = Array.isArray(doc) ? doc[0] : (doc.value?.[0] ?? doc);
        if (t.properties) t.properties.disableBgpRoutePropagation = true;
        else t.disableBgpRoutePropagation = true;
        return doc;
      }),
    );
    expect(r.seenAs).toEqual(['20.31.45.117']);
  });

  test('effective routes stay the truth over the hub', async () => {
    const r = await onEdited(
      'aks-vwan',
      (dir) => {
        const { mkdirSync, writeFileSync } = require('node:fs') as typeof import('node:fs');
        mkdirSync(join(dir, 'effective-routes'));
        const route = (prefix: string, nextHopType: string) => ({
          source: 'Default',
          state: 'Active',
          addressPrefix: [prefix],
          nextHopType,
          nextHopIpAddress: [],
        });
        writeFileSync(
          join(dir, 'effective-routes', 'aks-nodepool1-12345678-vmss000000.json'),
          JSON.stringify({ value: [route('10.224.0.0/12', 'VnetLocal'), route('0.0.0.0/0', 'Internet')] }),
        );
      },
      (inv) => ask(`what ip does ${POD} go out with`, inv),
    );
    expect(r.seenAs).toEqual(['20.31.45.117']);
    expect(fact(r, 'Virtual WAN')).toBeUndefined();
  });
});
