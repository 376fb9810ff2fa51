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
} from '../inventory/azure-model';
import { nameOf, parentId, sameId } from '../inventory/ids';
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

/** The route of a table that carries traffic to `destination` (an IPv4 address), or for Internet traffic the default route. */
export function matchRoute(table: RouteTable, destination?: string): Route | undefined {
  const candidates = table.routes.filter((r) =>
    destination && isIpv4(destination) ? cidrContains(r.prefix, destination) : prefixLength(r.prefix) === 0,
  );
  return candidates.sort((a, b) => prefixLength(b.prefix) - prefixLength(a.prefix))[0];
}

async function publicAddress(inv: Inventory, id: string, trace: Trace, world?: LbWorld): Promise<PublicAddress> {
  const pip = world
    ? await publicIpById(inv, world, id, trace)
    : await trace.try(`public IP ${nameOf(id)}`, () => inv.azure.get('publicIp', id));
  if (!pip) trace.fail(`public IP ${nameOf(id)}`, `not found: ${id}`);
  return { id, name: nameOf(id), ip: pip?.ip };
}

const publicAddresses = (inv: Inventory, ids: string[], trace: Trace, world?: LbWorld) =>
  Promise.all(ids.map((id) => publicAddress(inv, id, trace, world)));

/** Load balancers whose backend pools may hold the node: referenced by the NIC, plus IP-based pools in the node resource group. */
export async function loadBalancersOf(
  inv: Inventory,
  at: NodeOnAzure,
  trace: Trace,
  world?: LbWorld,
): Promise<LoadBalancer[]> {
  const referenced = [...new Set((at.ipConfig?.poolIds ?? []).map((id) => parentId(id).toLowerCase()))];
  const inGroup =
    world?.lbs ??
    (at.nodeResourceGroupId
      ? await trace.try(`load balancers in resource group ${nameOf(at.nodeResourceGroupId)}`, () =>
          inv.azure.list('loadBalancer', at.nodeResourceGroupId!),
        )
      : []);
  // load balancers outside the node resource group(s) that the NIC's pools point at
  const byRef = await Promise.all(
    referenced
      .filter((id) => !(inGroup ?? []).some((lb) => sameId(lb.id, id)))
      .map((id) => trace.try(`load balancer ${nameOf(id)}`, () => inv.azure.get('loadBalancer', id))),
  );
  const all = [...(inGroup ?? [])];
  for (const lb of byRef) if (lb && !all.some((x) => sameId(x.id, lb.id))) all.push(lb);
  for (const id of referenced) {
    if (!all.some((x) => sameId(x.id, id)) && !trace.errors.some((e) => e.lookup === `load balancer ${nameOf(id)}`)) {
      trace.fail(`load balancer ${nameOf(id)}`, `the node's NIC is in a backend pool of ${id}, which was not found`);
    }
  }
  return all.filter((lb) => lb.pools.some((p) => ipConfigInPool(at.ipConfig, p, at.nodeIp)));
}

const poolSize = (lb: LoadBalancer, poolId?: string): number => {
  const pool = lb.pools.find((p) => sameId(p.id, poolId));
  return pool ? new Set(pool.ipConfigIds.map((i) => i.toLowerCase())).size + pool.addresses.length : 0;
};

export async function decideEgress(
  inv: Inventory,
  at: NodeOnAzure,
  destination: string | undefined,
  trace: Trace,
  world?: LbWorld,
): Promise<EgressDecision> {
  const subnet = at.subnet;
  if (!at.ipConfig)
    return {
      via: 'unknown',
      reason: 'the node’s network interface could not be read',
    };
  // 0. a destination inside the node's own VNet never leaves it (system route VnetLocal)
  if (destination && subnet) {
    const vnetId = parentId(subnet.id);
    const vnet = await trace.try(`virtual network ${nameOf(vnetId)}`, () => inv.azure.get('virtualNetwork', vnetId));
    if (vnet?.prefixes.some((p) => cidrContains(p, destination))) return { via: 'vnet-local', destination };
  }

  // 1. user-defined routes
  let routeTable: RouteTable | undefined;
  let route: Route | undefined;
  if (subnet?.routeTableId) {
    const id = subnet.routeTableId;
    routeTable = await trace.try(`route table ${nameOf(id)}`, () => inv.azure.get('routeTable', id));
    if (!routeTable) trace.fail(`route table ${nameOf(id)}`, `not found: ${id}`);
    route = routeTable && matchRoute(routeTable, destination);
    if (routeTable && route) {
      const t = route.nextHopType.toLowerCase();
      if (t === 'virtualappliance') {
        const sub = /^\/subscriptions\/[^/]+/i.exec(routeTable.id)?.[0] ?? '';
        const firewalls =
          (await trace.try('Azure firewalls in the subscription', () => inv.azure.list('firewall', sub))) ?? [];
        const firewall = firewalls.find((f) => route!.nextHopIp && f.privateIps.includes(route!.nextHopIp));
        const publicIps = firewall
          ? [
              ...(await publicAddresses(inv, firewall.publicIpIds, trace, world)),
              ...firewall.publicIps.map((ip) => ({ name: firewall.name, ip })),
            ]
          : [];
        return {
          via: 'route',
          routeTable,
          route,
          nextHop: 'VirtualAppliance',
          firewall,
          publicIps,
        };
      }
      if (t === 'virtualnetworkgateway')
        return {
          via: 'route',
          routeTable,
          route,
          nextHop: 'VirtualNetworkGateway',
        };
      if (t === 'none') return { via: 'route', routeTable, route, nextHop: 'None' };
      if (t === 'vnetlocal') return { via: 'route', routeTable, route, nextHop: 'VnetLocal' };
      // nextHopType Internet: fall through to the subnet's Internet egress
    }
  }
  const via = { routeTable, route };

  // 2. NAT gateway
  if (subnet?.natGatewayId) {
    const id = subnet.natGatewayId;
    const natGateway = await trace.try(`NAT gateway ${nameOf(id)}`, () => inv.azure.get('natGateway', id));
    if (natGateway) {
      const [ips, prefixes] = await Promise.all([
        publicAddresses(inv, natGateway.publicIpIds, trace, world),
        Promise.all(
          natGateway.publicIpPrefixIds.map(async (pid) => {
            const p = await trace.try(`public IP prefix ${nameOf(pid)}`, () => inv.azure.get('publicIpPrefix', pid));
            return {
              id: pid,
              name: nameOf(pid),
              prefix: p?.prefix,
            } as PublicAddress;
          }),
        ),
      ]);
      return {
        via: 'nat-gateway',
        natGateway,
        publicIps: [...ips, ...prefixes],
        ...via,
      };
    }
    trace.fail(`NAT gateway ${nameOf(id)}`, `not found: ${id}; the answer below ignores it and may be wrong`);
  }

  // 3. instance-level public IP
  if (at.ipConfig.publicIpId) {
    return {
      via: 'instance-ip',
      publicIp: await publicAddress(inv, at.ipConfig.publicIpId, trace, world),
      ...via,
    };
  }

  // 4. public load balancer: outbound rule, else implicit SNAT through a load-balancing rule
  const lbs = (await loadBalancersOf(inv, at, trace, world)).filter((lb) => lb.frontends.some((f) => f.publicIpId));
  const inPool = (lb: LoadBalancer, poolId?: string) =>
    lb.pools.some((p) => sameId(p.id, poolId) && ipConfigInPool(at.ipConfig, p, at.nodeIp));
  for (const lb of lbs) {
    const rule = lb.outboundRules.find((r) => inPool(lb, r.poolId));
    if (rule) {
      const fronts = lb.frontends.filter((f) => rule.frontendIds.some((id) => sameId(id, f.id)));
      const publicIps = await publicAddresses(
        inv,
        fronts.map((f) => f.publicIpId).filter((x): x is string => !!x),
        trace,
        world,
      );
      return {
        via: 'lb-outbound-rule',
        lb,
        rule,
        publicIps,
        snat: snatCapacity(rule.allocatedOutboundPorts, fronts.length, poolSize(lb, rule.poolId)),
        ...via,
      };
    }
  }
  for (const lb of lbs) {
    const rule = lb.rules.find(
      (r) =>
        !r.disableOutboundSnat &&
        r.poolIds.some((p) => inPool(lb, p)) &&
        lb.frontends.some((f) => sameId(f.id, r.frontendId) && f.publicIpId),
    );
    if (rule) {
      const front = lb.frontends.find((f) => sameId(f.id, rule.frontendId))!;
      const publicIps = await publicAddresses(inv, [front.publicIpId!], trace, world);
      return {
        via: 'lb-implicit',
        lb,
        rule,
        publicIps,
        snat: snatCapacity(0, 1, poolSize(lb, rule.poolIds[0])),
        ...via,
      };
    }
  }

  // 5. nothing explicit
  return { via: 'default-outbound', ...via };
}
