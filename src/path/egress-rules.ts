// Azure egress precedence, first match wins (the only place this rule lives):
//   1. user-defined route (longest prefix) to a virtual appliance / gateway / none
//   2. NAT gateway on the subnet
//   3. instance-level public IP on the NIC IP configuration
//   4. public load balancer outbound rule (or implicit SNAT of a load-balancing rule)
//   5. default outbound access
import type {
  AzureFirewall,
  LbRule,
  LoadBalancer,
  NatGateway,
  OutboundRule,
  Route,
  RouteTable,
  VirtualNetwork,
} from '../inventory/azure-model';
import { idKey, nameOf, parentId, sameId } from '../inventory/ids';
import type { Inventory } from '../inventory/inventory';
import { ipConfigInPool, type NodeOnAzure } from './azure-node';
import { cidrContains, isIpv4, prefixLength } from './ip';
import { publicIpById, type LbWorld } from './lb';
import { snatCapacity, type SnatCapacity } from './snat';
import type { Trace } from './trace';

export interface PublicAddress {
  id?: string;
  name: string;
  ip?: string;
  /** a prefix rather than one address (NAT gateway prefixes) */
  prefix?: string;
}

export type EgressDecision =
  | { via: 'vnet-local'; destination: string }
  | {
      via: 'route';
      routeTable: RouteTable;
      route: Route;
      nextHop: 'VirtualAppliance';
      firewall?: AzureFirewall;
      publicIps: PublicAddress[];
    }
  | {
      via: 'route';
      routeTable: RouteTable;
      route: Route;
      nextHop: 'VirtualNetworkGateway' | 'None' | 'VnetLocal';
    }
  | {
      via: 'nat-gateway';
      natGateway: NatGateway;
      publicIps: PublicAddress[];
      routeTable?: RouteTable;
      route?: Route;
    }
  | {
      via: 'instance-ip';
      publicIp: PublicAddress;
      routeTable?: RouteTable;
      route?: Route;
    }
  | {
      via: 'lb-outbound-rule';
      lb: LoadBalancer;
      rule: OutboundRule;
      publicIps: PublicAddress[];
      snat: SnatCapacity;
      routeTable?: RouteTable;
      route?: Route;
    }
  | {
      via: 'lb-implicit';
      lb: LoadBalancer;
      rule: LbRule;
      publicIps: PublicAddress[];
      snat: SnatCapacity;
      routeTable?: RouteTable;
      route?: Route;
    }
  | { via: 'default-outbound'; routeTable?: RouteTable; route?: Route }
  | { via: 'unknown'; reason: string };

/** The route of a table that carries traffic to `destination` (IPv4), or for Internet traffic the default route. */
export function matchRoute(table: RouteTable, destination?: string): Route | undefined {
  const candidates = table.routes.filter((r) =>
    destination && isIpv4(destination) ? cidrContains(r.prefix, destination) : prefixLength(r.prefix) === 0,
  );
  return candidates.sort((a, b) => prefixLength(b.prefix) - prefixLength(a.prefix))[0];
}

/** What the egress rules read about a node's Azure side (read by readEgressFacts, decided by decideEgress). */
export interface EgressAzureFacts {
  /** the node's VNet, read when a destination address is asked about */
  vnet?: VirtualNetwork;
  routeTable?: RouteTable;
  /** Azure Firewalls of the route table's subscription, read when a route sends traffic to an appliance */
  firewalls: AzureFirewall[];
  natGateway?: NatGateway;
  /** public load balancers whose backend pools hold the node */
  lbs: LoadBalancer[];
  /** public IPs and prefixes by lowercased ID, for the addresses of the deciding resource */
  addresses: Map<string, PublicAddress>;
}

/** Read, through the trace, what decideEgress needs: the same walk for every answer and for capture. */
export async function readEgressFacts(
  inv: Inventory,
  at: NodeOnAzure,
  destination: string | undefined,
  trace: Trace,
  world?: LbWorld,
): Promise<EgressAzureFacts> {
  const subnet = at.subnet;
  const [vnet, routeTable, natGateway, lbs] = await Promise.all([
    destination && subnet ? readVnet(inv, parentId(subnet.id), trace) : undefined,
    subnet?.routeTableId ? readRouteTable(inv, subnet.routeTableId, trace) : undefined,
    subnet?.natGatewayId ? readNatGateway(inv, subnet.natGatewayId, trace) : undefined,
    at.ipConfig ? loadBalancersOf(inv, at, trace, world) : [],
  ]);
  const route = routeTable && matchRoute(routeTable, destination);
  const firewalls =
    route?.nextHopType.toLowerCase() === 'virtualappliance' ? await readFirewalls(inv, routeTable!, trace) : [];
  const facts: EgressAzureFacts = {
    vnet,
    routeTable,
    firewalls,
    natGateway,
    lbs: lbs.filter((lb) => lb.frontends.some((f) => f.publicIpId)),
    addresses: new Map(),
  };
  // the addresses only of what decides: decide once without them, read, decide again with them
  const needed = addressIds(decideEgress(at, destination, facts));
  await Promise.all(needed.map(async (id) => facts.addresses.set(idKey(id), await readAddress(inv, id, trace, world))));
  return facts;
}

const readVnet = (inv: Inventory, id: string, trace: Trace) =>
  trace.try(`virtual network ${nameOf(id)}`, () => inv.azure.get('virtualNetwork', id));

async function readRouteTable(inv: Inventory, id: string, trace: Trace) {
  const table = await trace.try(`route table ${nameOf(id)}`, () => inv.azure.get('routeTable', id));
  if (!table) trace.fail(`route table ${nameOf(id)}`, `not found: ${id}`);
  return table;
}

async function readNatGateway(inv: Inventory, id: string, trace: Trace) {
  const gw = await trace.try(`NAT gateway ${nameOf(id)}`, () => inv.azure.get('natGateway', id));
  if (!gw) trace.fail(`NAT gateway ${nameOf(id)}`, `not found: ${id}; the answer below ignores it and may be wrong`);
  return gw;
}

function readFirewalls(inv: Inventory, routeTable: RouteTable, trace: Trace) {
  const sub = /^\/subscriptions\/[^/]+/i.exec(routeTable.id)?.[0] ?? '';
  return trace.list('Azure firewalls in the subscription', () => inv.azure.list('firewall', sub));
}

/** A public IP or prefix by ID; a prefix ID reads as a prefix. */
async function readAddress(inv: Inventory, id: string, trace: Trace, world?: LbWorld): Promise<PublicAddress> {
  if (/\/publicIPPrefixes\//i.test(id)) {
    const p = await trace.try(`public IP prefix ${nameOf(id)}`, () => inv.azure.get('publicIpPrefix', id));
    return { id, name: nameOf(id), prefix: p?.prefix };
  }
  const pip = world
    ? await publicIpById(inv, world, id, trace)
    : await trace.try(`public IP ${nameOf(id)}`, () => inv.azure.get('publicIp', id));
  if (!pip) trace.fail(`public IP ${nameOf(id)}`, `not found: ${id}`);
  return { id, name: nameOf(id), ip: pip?.ip };
}

/** IDs of the public IPs / prefixes a decision names (their addresses are read afterwards). */
function addressIds(d: EgressDecision): string[] {
  if (d.via === 'instance-ip') return d.publicIp.id ? [d.publicIp.id] : [];
  return 'publicIps' in d ? d.publicIps.flatMap((p) => (p.id ? [p.id] : [])) : [];
}

/** Load balancers whose pools may hold the node: referenced by the NIC, plus IP-based pools in the node group. */
async function loadBalancersOf(
  inv: Inventory,
  at: NodeOnAzure,
  trace: Trace,
  world?: LbWorld,
): Promise<LoadBalancer[]> {
  const referenced = [...new Set((at.ipConfig?.poolIds ?? []).map((id) => parentId(id).toLowerCase()))];
  const inGroup =
    world?.lbs ??
    (at.nodeResourceGroupId
      ? await trace.list(`load balancers in resource group ${nameOf(at.nodeResourceGroupId)}`, () =>
          inv.azure.list('loadBalancer', at.nodeResourceGroupId!),
        )
      : []);
  // load balancers outside the node resource group(s) that the NIC's pools point at
  const byRef = await Promise.all(
    referenced
      .filter((id) => !inGroup.some((lb) => sameId(lb.id, id)))
      .map((id) => trace.try(`load balancer ${nameOf(id)}`, () => inv.azure.get('loadBalancer', id))),
  );
  const all = [...inGroup];
  for (const lb of byRef) if (lb && !all.some((x) => sameId(x.id, lb.id))) all.push(lb);
  for (const id of referenced) {
    if (!all.some((x) => sameId(x.id, id)) && !trace.failed(`load balancer ${nameOf(id)}`)) {
      trace.fail(`load balancer ${nameOf(id)}`, `the node's NIC is in a backend pool of ${id}, which was not found`);
    }
  }
  return all.filter((lb) => lb.pools.some((p) => ipConfigInPool(at.ipConfig, p, at.nodeIp)));
}

const poolSize = (lb: LoadBalancer, poolId?: string): number => {
  const pool = lb.pools.find((p) => sameId(p.id, poolId));
  return pool ? new Set(pool.ipConfigIds.map((i) => i.toLowerCase())).size + pool.addresses.length : 0;
};

/** An address by ID from the facts (name only until it is read). */
const address = (f: EgressAzureFacts, id: string): PublicAddress =>
  f.addresses.get(idKey(id)) ?? { id, name: nameOf(id) };

/** The Azure egress precedence, first match wins. Pure: reads nothing. */
export function decideEgress(at: NodeOnAzure, destination: string | undefined, f: EgressAzureFacts): EgressDecision {
  if (!at.ipConfig) return { via: 'unknown', reason: 'the node’s network interface could not be read' };
  // 0. a destination inside the node's own VNet never leaves it (system route VnetLocal)
  // https://learn.microsoft.com/azure/virtual-network/virtual-networks-udr-overview#default
  if (destination && f.vnet?.prefixes.some((p) => cidrContains(p, destination))) {
    return { via: 'vnet-local', destination };
  }
  const route = f.routeTable && matchRoute(f.routeTable, destination);
  const byRoute = f.routeTable && route ? routeDecision(f, f.routeTable, route) : undefined;
  if (byRoute) return byRoute;
  const via = { routeTable: f.routeTable, route };
  // 2. a NAT gateway takes precedence over instance public IPs and load balancer outbound rules
  // https://learn.microsoft.com/azure/nat-gateway/nat-overview#outbound-connectivity
  if (f.natGateway) {
    const ids = [...f.natGateway.publicIpIds, ...f.natGateway.publicIpPrefixIds];
    return { via: 'nat-gateway', natGateway: f.natGateway, publicIps: ids.map((id) => address(f, id)), ...via };
  }
  // 3. instance-level public IP
  // https://learn.microsoft.com/azure/virtual-network/ip-services/default-outbound-access
  if (at.ipConfig.publicIpId) return { via: 'instance-ip', publicIp: address(f, at.ipConfig.publicIpId), ...via };
  // 4. load balancer outbound rule, else implicit SNAT of a load-balancing rule
  // https://learn.microsoft.com/azure/load-balancer/outbound-rules
  return lbDecision(at, f, via) ?? { via: 'default-outbound', ...via };
}

/** 1. user-defined route: an appliance, gateway, None or VnetLocal next hop decides; Internet falls through. */
function routeDecision(f: EgressAzureFacts, routeTable: RouteTable, route: Route): EgressDecision | undefined {
  const t = route.nextHopType.toLowerCase();
  if (t === 'virtualappliance') {
    const firewall = f.firewalls.find((x) => route.nextHopIp && x.privateIps.includes(route.nextHopIp));
    const publicIps = firewall
      ? [
          ...firewall.publicIpIds.map((id) => address(f, id)),
          ...firewall.publicIps.map((ip) => ({ name: firewall.name, ip })),
        ]
      : [];
    return { via: 'route', routeTable, route, nextHop: 'VirtualAppliance', firewall, publicIps };
  }
  if (t === 'virtualnetworkgateway') return { via: 'route', routeTable, route, nextHop: 'VirtualNetworkGateway' };
  if (t === 'none') return { via: 'route', routeTable, route, nextHop: 'None' };
  if (t === 'vnetlocal') return { via: 'route', routeTable, route, nextHop: 'VnetLocal' };
  return undefined;
}

type Via = { routeTable?: RouteTable; route?: Route };

function lbDecision(at: NodeOnAzure, f: EgressAzureFacts, via: Via): EgressDecision | undefined {
  const inPool = (lb: LoadBalancer, poolId?: string) =>
    lb.pools.some((p) => sameId(p.id, poolId) && ipConfigInPool(at.ipConfig, p, at.nodeIp));
  for (const lb of f.lbs) {
    const rule = lb.outboundRules.find((r) => inPool(lb, r.poolId));
    if (!rule) continue;
    const fronts = lb.frontends.filter((fe) => rule.frontendIds.some((id) => sameId(id, fe.id)));
    const publicIps = fronts.flatMap((fe) => (fe.publicIpId ? [address(f, fe.publicIpId)] : []));
    const snat = snatCapacity(rule.allocatedOutboundPorts, fronts.length, poolSize(lb, rule.poolId));
    return { via: 'lb-outbound-rule', lb, rule, publicIps, snat, ...via };
  }
  for (const lb of f.lbs) {
    const publicFront = (r: LbRule) => lb.frontends.find((fe) => sameId(fe.id, r.frontendId) && fe.publicIpId);
    const rule = lb.rules.find((r) => !r.disableOutboundSnat && r.poolIds.some((p) => inPool(lb, p)) && publicFront(r));
    if (!rule) continue;
    const publicIps = [address(f, publicFront(rule)!.publicIpId!)];
    const snat = snatCapacity(0, 1, poolSize(lb, rule.poolIds[0]));
    return { via: 'lb-implicit', lb, rule, publicIps, snat, ...via };
  }
  return undefined;
}
