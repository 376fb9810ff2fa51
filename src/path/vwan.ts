// Virtual WAN: a spoke VNet connected to a hub has a peering to the hub's Microsoft-managed VNet and learns its routes
// from the hub by BGP. With routing intent the hub advertises 0.0.0.0/0 (Internet policy) to the connections whose
// `enableInternetSecurity` is on, and the RFC 1918 aggregates (PrivateTraffic policy), both to the policy's next hop:
// an Azure Firewall, an NVA or a SaaS solution in the hub.
// https://learn.microsoft.com/azure/virtual-wan/how-to-routing-policies
import type {
  AzureFirewall,
  HubConnection,
  RouteTable,
  RoutingIntent,
  RoutingPolicy,
  VirtualHub,
  VirtualNetwork,
} from '../inventory/azure-model';
import { nameOf, sameId, subscriptionOf } from '../inventory/ids';
import { LookupError, type Inventory } from '../inventory/inventory';
import type { Candidate } from './routes';
import type { Trace } from './trace';

/** What egress read of the Virtual WAN hub a spoke VNet is connected to. */
export interface VwanFacts {
  /** the spoke's peering to the hub's Microsoft-managed VNet */
  peering: string;
  hub?: VirtualHub;
  connection?: HubConnection;
  /** the hub's routing intent (undefined: the hub has none) */
  intent?: RoutingIntent;
  /** the hub, the spoke's connection and the routing intent were all read */
  read: boolean;
  /** the next-hop firewalls of the routing policies, as read */
  firewalls: AzureFirewall[];
  /** why the hub or its routing intent is not known (said in the answer, not an error) */
  unread?: string;
}

/** A route the hub advertises, on a candidate: which hub, which policy, its next hop resource. */
export interface HubRoute {
  hub: string;
  policy: string;
  destination: 'Internet' | 'PrivateTraffic';
  nextHop: string;
  firewall?: AzureFirewall;
}

/** The hub's routing as the answer says it. */
export interface HubRouting {
  hub?: string;
  hubId?: string;
  peering: string;
  read: boolean;
  /** the hub advertises 0.0.0.0/0 to this VNet */
  defaultRoute: boolean;
  /** why not, when read and none: no Internet policy, or the connection's internet security is off */
  why?: 'no-intent' | 'no-internet-policy' | 'internet-security-off';
  unread?: string;
  /** routing policies in words ("Internet → afw-vhub-weu") */
  policies: string[];
}

// Virtual WAN names the hub's VNet HV_<hub>_<guid>, in resource group RG_<hub>_<guid> of a Microsoft subscription:
// what a connected spoke's peering shows (observed; Learn does not document the names)
const HUB_VNET = /\/resourceGroups\/RG_[^/]+\/providers\/Microsoft\.Network\/virtualNetworks\/HV_[^/]+$/i;

/** A routing policy's next hop that is an Azure Firewall (else an NVA or SaaS solution in the hub). */
export const isFirewallId = (id: string): boolean => /\/azureFirewalls\//i.test(id);

/** A Virtual WAN hub's managed VNet. */
export const isHubVnet = (id?: string): boolean => HUB_VNET.test(id ?? '');

/** The spoke's peering to a Virtual WAN hub's managed VNet, if any. */
const hubPeering = (vnet?: VirtualNetwork) => vnet?.peerings.find((p) => isHubVnet(p.remoteVnetId));

const policyFor = (intent: RoutingIntent | undefined, dest: HubRoute['destination']): RoutingPolicy | undefined =>
  intent?.policies.find((p) => p.destinations.some((d) => d.toLowerCase() === dest.toLowerCase()));

/** Read the hub the VNet is connected to, its connection and routing intent, and the policies' firewalls. */
export async function readVwan(
  inv: Inventory,
  vnet: VirtualNetwork,
  table: RouteTable | undefined,
  trace: Trace,
): Promise<VwanFacts | undefined> {
  const peering = hubPeering(vnet);
  // (the HV_ name is only a hint: where hub scopes are given, their hubs' connections say whether this VNet is a spoke)
  const searched = !!peering || !!inv.azure.hubScopes?.().length;
  // "Propagate gateway routes" off on the subnet's route table: no hub route reaches it
  // https://learn.microsoft.com/azure/virtual-wan/how-to-routing-policies#troubleshooting-data-path
  if (!searched || table?.disableBgpRoutePropagation) return undefined;
  const notes: string[] = [];
  const attempt = async <T>(lookup: string, fn: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await fn();
    } catch (e) {
      // permission or existence: said in the answer; anything else is an error of the answer
      if (e instanceof LookupError && (e.code === 'forbidden' || e.code === 'missing')) notes.push(e.reason);
      else trace.fail(lookup, e instanceof LookupError ? e.reason : String(e), 'unavailable');
      return undefined;
    }
  };
  const found = await findConnection(inv, vnet, attempt);
  const base = { peering: peering?.name ?? '', firewalls: [] as AzureFirewall[] };
  if (!found && !peering) return undefined;
  if (!found)
    return {
      ...base,
      read: false,
      unread: notes.join('; ') || `no hub in ${hubScopes(inv, vnet).join(', ')} connects it`,
    };
  const { hub, connection } = found;
  const intents = await attempt(`routing intent of virtual hub ${hub.name}`, () =>
    inv.azure.list('routingIntent', hub.id),
  );
  const intent = intents?.[0];
  const ids = [...new Set((intent?.policies ?? []).map((p) => p.nextHop).filter(isFirewallId))];
  const firewalls = await Promise.all(
    ids.map((id) => attempt(`Azure firewall ${nameOf(id)}`, () => inv.azure.get('firewall', id))),
  );
  ids.forEach((id, i) => !firewalls[i] && !notes.length && notes.push(`firewall ${nameOf(id)} not found: ${id}`));
  return {
    ...base,
    hub,
    connection,
    intent,
    read: !!intents,
    firewalls: firewalls.filter((f): f is AzureFirewall => !!f),
    ...(notes.length ? { unread: notes.join('; ') } : {}),
  };
}

/** Where hubs are searched: the VNet's subscription, then the configured (or snapshot's) scopes. */
const hubScopes = (inv: Inventory, vnet: VirtualNetwork): string[] => {
  const scopes = [`/subscriptions/${subscriptionOf(vnet.id) ?? vnet.subscription}`, ...(inv.azure.hubScopes?.() ?? [])];
  return [...new Map(scopes.map((s) => [s.toLowerCase(), s])).values()];
};

type Attempt = <T>(lookup: string, fn: () => Promise<T>) => Promise<T | undefined>;

/** The hub connection whose remote VNet is this one, in the hubs of the scopes searched. */
async function findConnection(inv: Inventory, vnet: VirtualNetwork, attempt: Attempt) {
  const lists = await Promise.all(
    hubScopes(inv, vnet).map((s) => attempt(`virtual hubs in ${s}`, () => inv.azure.list('virtualHub', s))),
  );
  const hubs = [...new Map(lists.flatMap((l) => l ?? []).map((h) => [h.id.toLowerCase(), h])).values()];
  for (const hub of hubs) {
    const conns = await attempt(`connections of virtual hub ${hub.name}`, () =>
      inv.azure.list('hubConnection', hub.id),
    );
    const connection = conns?.find((c) => sameId(c.remoteVnetId, vnet.id));
    if (connection) return { hub, connection };
  }
  return undefined;
}

// The routes routing intent programs: 0.0.0.0/0 for the Internet policy (only to connections with internet security
// on), the RFC 1918 aggregates for the PrivateTraffic policy.
// https://learn.microsoft.com/azure/virtual-wan/how-to-routing-policies#prefixadvertisments
// https://learn.microsoft.com/azure/virtual-wan/how-to-routing-policies#staticroute
const PRIVATE_AGGREGATES = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'];

/** The BGP routes the hub advertises to the spoke (none when not read). */
export function hubCandidates(v?: VwanFacts): Candidate[] {
  if (!v?.read || !v.hub || !v.connection) return [];
  const hub = v.hub;
  const route = (prefix: string, p: RoutingPolicy, destination: HubRoute['destination']): Candidate => {
    const firewall = v.firewalls.find((f) => sameId(f.id, p.nextHop));
    return {
      name: `Virtual WAN hub ${hub.name}, routing policy ${p.name}`,
      prefix,
      nextHopType: 'VirtualAppliance',
      nextHopIp: firewall?.privateIps[0],
      origin: 'bgp',
      hub: { hub: hub.name, policy: p.name, destination, nextHop: p.nextHop, firewall },
    };
  };
  const internet = policyFor(v.intent, 'Internet');
  const priv = policyFor(v.intent, 'PrivateTraffic');
  return [
    ...(internet && v.connection.enableInternetSecurity ? [route('0.0.0.0/0', internet, 'Internet')] : []),
    ...(priv ? PRIVATE_AGGREGATES.map((p) => route(p, priv, 'PrivateTraffic')) : []),
  ];
}

/** The hub's routing for the answer: what it advertises, or why it is not known. */
export function hubRouting(v: VwanFacts): HubRouting {
  const internet = policyFor(v.intent, 'Internet');
  const defaultRoute = !!(v.read && internet && v.connection?.enableInternetSecurity);
  const why =
    !v.read || defaultRoute
      ? undefined
      : !v.intent
        ? 'no-intent'
        : !internet
          ? 'no-internet-policy'
          : 'internet-security-off';
  const policies = (v.intent?.policies ?? []).map((p) => `${p.destinations.join('+')} → ${nameOf(p.nextHop)}`);
  return {
    hub: v.hub?.name,
    hubId: v.hub?.id,
    peering: v.peering,
    read: v.read,
    defaultRoute,
    ...(why ? { why } : {}),
    ...(v.unread ? { unread: v.unread } : {}),
    policies,
  };
}
