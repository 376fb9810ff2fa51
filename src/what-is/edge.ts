// Addresses at the network's edge that live outside the node resource group: NAT gateways, Azure Firewalls,
// public IP prefixes, public IPs, load balancers (an NVA's internal one), route tables (whose next hops name
// appliances), application gateways (with their subnets) and VNets of the subscriptions the cluster's VNets and
// their peerings reach (in a landing zone the hub with its firewall is in a connectivity subscription).
// https://learn.microsoft.com/azure/cloud-adoption-framework/ready/azure-best-practices/hub-spoke-network-topology
import type {
  ApplicationGateway,
  AzureFirewall,
  EffectiveRoute,
  LoadBalancer,
  NatGateway,
  Nic,
  PublicIp,
  PublicIpPrefix,
  RouteTable,
  Subnet,
  VirtualNetwork,
} from '../inventory/azure-model';
import { idKey, nameOf, parentId } from '../inventory/ids';
import type { Inventory } from '../inventory/inventory';
import type { Node } from '../inventory/k8s-types';
import { nicConfigsWithIp } from '../path/index';
import { nodeIp } from '../path/kube';
import { subscriptionsInReach } from '../path/reach';
import { bgpPossible } from '../path/routes';
import type { Trace } from '../path/trace';

export interface EdgeFacts {
  natGateways: NatGateway[];
  firewalls: AzureFirewall[];
  prefixes: PublicIpPrefix[];
  publicIps: PublicIp[];
  loadBalancers?: LoadBalancer[];
  routeTables?: RouteTable[];
  /** application gateways with the subnets of their gateway IP configurations (where the instances' IPs are) */
  appGateways?: { gateway: ApplicationGateway; subnets: Subnet[] }[];
  /** the VNets in reach: which subnets a route table is associated with */
  vnets?: VirtualNetwork[];
  /** the NICs behind the pools of the load balancers beyond the node resource group (read by ID, only when nothing
   * else carries the address) */
  backendNics?: Nic[];
  /** the effective routes of one node NIC per subnet (read only when nothing else carries the address) */
  nicRoutes?: NicRoutes[];
}

export interface NicRoutes {
  nic: Nic;
  node: string;
  routes: EffectiveRoute[];
}

/** Nodes tried per subnet until one has effective routes (a live read is a slow long-running call). */
const MAX_ROUTE_READS = 3;

/**
 * The effective routes of one node NIC per subnet whose VNet can learn BGP routes: they name the virtual network
 * gateway's address as the next hop of the prefixes it advertises.
 */
// https://learn.microsoft.com/azure/virtual-network/virtual-networks-udr-overview#border-gateway-protocol
export async function readNicRoutes(inv: Inventory, nodes: Node[], edge: EdgeFacts, nics: Nic[], trace: Trace) {
  const read = inv.azure.effectiveRoutes;
  if (!read) return [];
  const bySubnet = new Map<string, { node: Node; nic: Nic }[]>();
  for (const node of nodes) {
    const at = nicConfigsWithIp(nics, nodeIp(node) ?? '')[0];
    if (!at?.config.subnetId) continue;
    const vnet = (edge.vnets ?? []).find((v) => idKey(v.id) === idKey(parentId(at.config.subnetId!)));
    if (vnet && !bgpPossible(vnet)) continue;
    const key = idKey(at.config.subnetId);
    bySubnet.set(key, [...(bySubnet.get(key) ?? []), { node, nic: at.nic }]);
  }
  const perSubnet = await Promise.all(
    [...bySubnet.values()].map(async (candidates): Promise<NicRoutes | undefined> => {
      for (const { node, nic } of candidates.slice(0, MAX_ROUTE_READS)) {
        const names = [node.metadata.name, ...(nic.vmId ? [nameOf(nic.vmId)] : [])];
        const routes = await trace.try(`effective routes of ${nic.name}`, () => read.call(inv.azure, nic, names));
        if (Array.isArray(routes)) return { nic, node: node.metadata.name, routes };
      }
      return undefined;
    }),
  );
  return perSubnet.filter((r): r is NicRoutes => !!r);
}

/** At most this many backend NICs are read one by one (a hub's appliances are a handful). */
const MAX_BACKEND_NICS = 50;

/** The NICs in the backend pools of the edge load balancers that are not among those already read. */
export async function readBackendNics(inv: Inventory, edge: EdgeFacts, known: Nic[], trace: Trace): Promise<Nic[]> {
  const have = new Set(known.map((n) => idKey(n.id)));
  const ids = new Map<string, string>();
  for (const lb of edge.loadBalancers ?? [])
    for (const c of lb.pools.flatMap((p) => p.ipConfigIds)) {
      const nic = c.replace(/\/ipConfigurations\/[^/]+$/i, '');
      if (!have.has(idKey(nic))) ids.set(idKey(nic), nic);
    }
  const nics = await Promise.all(
    [...ids.values()]
      .slice(0, MAX_BACKEND_NICS)
      .map((id) => trace.try(`network interface ${nameOf(id)}`, () => inv.azure.get('nic', id))),
  );
  return nics.filter((n): n is Nic => !!n);
}

/** Read the edge resources of every subscription in reach; one that cannot be read is named in the errors. */
export async function readEdge(inv: Inventory, groups: string[], nics: Nic[], trace: Trace): Promise<EdgeFacts> {
  const subs = await subscriptionsInReach(inv, groups, nics, trace);
  const per = await Promise.all(
    subs.map(async (sub) => {
      const scope = `/subscriptions/${sub}`;
      const [natGateways, firewalls, prefixes, publicIps, loadBalancers, routeTables, gateways, vnets] =
        await Promise.all([
          trace.list(`NAT gateways in subscription ${sub}`, () => inv.azure.list('natGateway', scope)),
          trace.list(`Azure firewalls in subscription ${sub}`, () => inv.azure.list('firewall', scope)),
          trace.list(`public IP prefixes in subscription ${sub}`, () => inv.azure.list('publicIpPrefix', scope)),
          trace.list(`public IPs in subscription ${sub}`, () => inv.azure.list('publicIp', scope)),
          trace.list(`load balancers in subscription ${sub}`, () => inv.azure.list('loadBalancer', scope)),
          trace.list(`route tables in subscription ${sub}`, () => inv.azure.list('routeTable', scope)),
          trace.list(`application gateways in subscription ${sub}`, () => inv.azure.list('applicationGateway', scope)),
          trace.list(`virtual networks in subscription ${sub}`, () => inv.azure.list('virtualNetwork', scope)),
        ]);
      return { natGateways, firewalls, prefixes, publicIps, loadBalancers, routeTables, gateways, vnets };
    }),
  );
  const vnets = per.flatMap((p) => p.vnets);
  const appGateways = await Promise.all(
    per.flatMap((p) => p.gateways).map(async (gateway) => ({ gateway, subnets: await subnetsOf(gateway, vnets) })),
  );
  return {
    natGateways: per.flatMap((p) => p.natGateways),
    firewalls: per.flatMap((p) => p.firewalls),
    prefixes: per.flatMap((p) => p.prefixes),
    publicIps: per.flatMap((p) => p.publicIps),
    loadBalancers: per.flatMap((p) => p.loadBalancers),
    routeTables: per.flatMap((p) => p.routeTables),
    appGateways,
    vnets,
  };

  /** A gateway's subnets from the VNets listed, else read one by one. */
  async function subnetsOf(gw: ApplicationGateway, listed: VirtualNetwork[]): Promise<Subnet[]> {
    const all = listed.flatMap((v) => v.subnets);
    const found = await Promise.all(
      gw.subnetIds.map(
        (id) =>
          all.find((s) => idKey(s.id) === idKey(id)) ??
          trace.try(`subnet ${nameOf(id)}`, () => inv.azure.get('subnet', id)),
      ),
    );
    return found.filter((s): s is Subnet => !!s);
  }
}
