// Which route carries a packet out of a subnet: Azure matches the destination
// against user-defined, BGP and system routes together, longest prefix first;
// on equal prefixes user > BGP > system.
// https://learn.microsoft.com/azure/virtual-network/virtual-networks-udr-overview#how-azure-selects-a-route
import type { EffectiveRoute, RouteTable, VirtualNetwork, VnetPeering } from '../inventory/azure-model';
import { nameOf } from '../inventory/ids';
import { cidrContains, isIpv4, prefixLength } from './ip';
import { hubCandidates, hubRouting, type HubRoute, type HubRouting, type VwanFacts } from './vwan';

export type RouteOrigin = 'user' | 'bgp' | 'system';

/** One candidate route, whatever its origin. */
export interface Candidate {
  name: string;
  prefix: string;
  nextHopType: string;
  nextHopIp?: string;
  origin: RouteOrigin;
  /** the peering a VNetPeering system route comes from */
  peering?: VnetPeering;
  /** a route a Virtual WAN hub's routing intent advertises */
  hub?: HubRoute;
}

/** How the routes were known, for the answer to say. */
export interface Routing {
  /** the NIC's effective routes were read (the truth, BGP included) */
  effective: boolean;
  /** BGP routes: seen (effective routes hold some), none (effective routes hold none), not-visible, disabled */
  bgp: 'seen' | 'none' | 'not-visible' | 'disabled';
  /** what can inject BGP routes, in words: its own GatewaySubnet / RouteServerSubnet, or "peering aro2-to-hub (remote
   * gateways)"; none: no BGP route can reach the subnet */
  sources: string[];
  /** the effective routes exist but could not be read: why (e.g. the identity lacks the permission) */
  unavailable?: string;
  /** the Virtual WAN hub the VNet is connected to: what it advertises, or why that is not known */
  vwan?: HubRouting;
}

/** Can BGP routes reach the VNet's subnets: a gateway or route server of its own, or a peering using remote ones. */
// https://learn.microsoft.com/azure/virtual-network/virtual-networks-udr-overview#border-gateway-protocol
export const bgpPossible = (vnet?: VirtualNetwork): boolean => bgpSources(vnet).length > 0;

/** What can advertise BGP routes to the VNet's subnets, in words: its own gateway or route server subnet, or a
 * peering that uses the remote VNet's gateways (a hub's VPN/ExpressRoute gateway or route server)
 * https://learn.microsoft.com/azure/virtual-network/virtual-network-peering-overview#gateways-and-on-premises-connectivity */
const bgpSources = (vnet?: VirtualNetwork, known?: string): string[] => [
  ...(vnet?.subnets ?? []).filter((s) => /^(gatewaysubnet|routeserversubnet)$/i.test(s.name)).map((s) => s.name),
  ...(vnet?.peerings ?? [])
    .filter((p) => p.useRemoteGateways && p.name !== known)
    .map((p) => `peering ${p.name} (remote gateways)`),
];

// Default system routes: the Internet, and the private ranges dropped unless something more specific covers them.
// https://learn.microsoft.com/azure/virtual-network/virtual-networks-udr-overview#default
const DROPPED = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '100.64.0.0/10'];

/** The system routes of a subnet in `vnet`: VNet ranges, connected peerings, the Internet, the None ranges. */
export function systemRoutes(vnet?: VirtualNetwork): Candidate[] {
  const sys = (name: string, prefix: string, nextHopType: string, peering?: VnetPeering): Candidate => ({
    name,
    prefix,
    nextHopType,
    origin: 'system',
    peering,
  });
  const local = (vnet?.prefixes ?? []).map((p) => sys('VNet address space', p, 'VnetLocal'));
  // a peering adds the remote VNet's ranges once it is Connected
  // https://learn.microsoft.com/azure/virtual-network/virtual-network-peering-overview
  const peered = (vnet?.peerings ?? [])
    .filter((p) => !p.state || p.state.toLowerCase() === 'connected')
    .flatMap((p) => p.remotePrefixes.map((r) => sys(`peering ${p.name}`, r, 'VNetPeering', p)));
  return [
    ...local,
    ...peered,
    sys('default', '0.0.0.0/0', 'Internet'),
    ...DROPPED.map((p) => sys('default', p, 'None')),
  ];
}

export const userRoutes = (t?: RouteTable): Candidate[] =>
  (t?.routes ?? []).map((r) => ({ ...r, origin: 'user' as const }));

/** Active effective routes as candidates (source Default → system, User → user, anything else → BGP). */
function effectiveCandidates(routes: EffectiveRoute[]): Candidate[] {
  return routes
    .filter((r) => r.state.toLowerCase() === 'active')
    .flatMap((r) =>
      r.prefixes.map((prefix) => ({
        name: r.name ?? `${r.source} route`,
        prefix,
        nextHopType: r.nextHopType,
        nextHopIp: r.nextHopIps[0],
        origin: originOf(r.source),
      })),
    );
}

function originOf(source: string): RouteOrigin {
  const s = source.toLowerCase();
  if (s === 'user') return 'user';
  return s === 'default' ? 'system' : 'bgp';
}

const RANK: Record<RouteOrigin, number> = { user: 0, bgp: 1, system: 2 };
// among system routes of one prefix, a VNet range or peering replaces the None / Internet default
const sysRank = (c: Candidate) => (/^(vnetlocal|vnetpeering|vnetglobalpeering)$/i.test(c.nextHopType) ? 0 : 1);

/**
 * The route Azure uses for `destination` (IPv4), or for Internet traffic (no destination) the route of
 * a public address no narrower route covers: the longest prefix wins; ties user > BGP > system.
 */
export function selectRoute(candidates: Candidate[], destination?: string): Candidate | undefined {
  const matching = candidates.filter((c) =>
    destination && isIpv4(destination) ? cidrContains(c.prefix, destination) : prefixLength(c.prefix) === 0,
  );
  return matching.sort(
    (a, b) =>
      prefixLength(b.prefix) - prefixLength(a.prefix) || RANK[a.origin] - RANK[b.origin] || sysRank(a) - sysRank(b),
  )[0];
}

/** The candidates of a subnet: its effective routes when known, else its route table and system routes. */
export function candidatesOf(
  vnet: VirtualNetwork | undefined,
  table: RouteTable | undefined,
  effective: EffectiveRoute[] | undefined,
  vwan?: VwanFacts,
): { candidates: Candidate[]; routing: Routing } {
  // (a Virtual WAN hub read: what its peering advertises is known, no longer an unseen source)
  const sources = bgpSources(vnet, vwan?.read ? vwan.peering : undefined);
  if (effective?.length) {
    const candidates = effectiveCandidates(effective);
    const bgp = candidates.some((c) => c.origin === 'bgp') ? 'seen' : 'none';
    return { candidates, routing: { effective: true, bgp, sources } };
  }
  // "Virtual network gateway route propagation" off: no BGP route reaches this subnet
  // https://learn.microsoft.com/azure/virtual-network/virtual-networks-udr-overview#border-gateway-protocol
  const bgp = table?.disableBgpRoutePropagation ? 'disabled' : 'not-visible';
  // the routes a Virtual WAN hub advertises by BGP, as read from its routing intent (none when propagation is off)
  // https://learn.microsoft.com/azure/virtual-wan/how-to-routing-policies#troubleshooting-data-path
  const hub = bgp === 'disabled' ? [] : hubCandidates(vwan);
  return {
    candidates: [...userRoutes(table), ...hub, ...systemRoutes(vnet)],
    routing: { effective: false, bgp, sources, ...(vwan && bgp !== 'disabled' ? { vwan: hubRouting(vwan) } : {}) },
  };
}

/** A route in words: a user route by its name, prefix (with its next hop when `hop`) and table; a BGP or system route
 * by its prefix and next hop, with the peering or Virtual WAN hub it comes from. */
export function routeText(route: Candidate, table?: string, o: { hop?: boolean } = {}): string {
  const nextHop = `${route.nextHopType} ${route.nextHopIp ?? (route.hub ? nameOf(route.hub.nextHop) : '')}`.trimEnd();
  const of = table ? ` of route table ${table}` : '';
  if (route.origin === 'user') return `route ${route.name} (${route.prefix}${o.hop ? ` → ${nextHop}` : ''})${of}`;
  return (
    `${route.origin === 'bgp' ? 'BGP route' : 'system route'} ${route.prefix} → ${nextHop}` +
    (route.peering ? ` (peering ${route.peering.name})` : '') +
    (route.hub ? ` (Virtual WAN hub ${route.hub.hub}, routing intent policy ${route.hub.policy})` : '')
  );
}
