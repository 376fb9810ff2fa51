// The way back: a reply leaves the node by its subnet's routes, not by the load balancer that brought the request in.
// A route that sends the client's address to an appliance or a gateway takes the reply somewhere that never saw the
// connection open: a stateful firewall drops it (asymmetric routing). Pure.
// https://learn.microsoft.com/azure/firewall/integrate-lb#asymmetric-routing
import type { AzureEnd } from './azure-end';
import { isPrivateIp } from './ip';
import { candidatesOf, selectRoute, type Candidate } from './routes';
import type { VwanFacts } from './vwan';

export interface AsymmetricReturn {
  /** the route the reply takes */
  route: Candidate;
  /** its route table, when a user route */
  table?: string;
  /** whom the reply is for: the client's address, else any Internet client */
  to?: string;
}

// replies sent to a firewall / NVA or to a VPN / ExpressRoute gateway do not go back through the load balancer
// https://learn.microsoft.com/azure/virtual-network/virtual-networks-udr-overview#next-hop-types-across-azure-tools
const ELSEWHERE = /^(virtualappliance|virtualnetworkgateway)$/i;

/** The route a reply to an Internet client (`client`, else any) takes from the landing node (its user and system
 * routes, and a Virtual WAN hub's), when it is not back the way the request came. A private client is left out: its
 * own network SNATs it, and its way back is not ours. */
export function asymmetricReturn(end?: AzureEnd, client?: string, vwan?: VwanFacts): AsymmetricReturn | undefined {
  if (!end || (client && isPrivateIp(client))) return undefined;
  // a Virtual WAN hub's routing intent advertises 0.0.0.0/0 to its firewall: replies follow it too
  // https://learn.microsoft.com/azure/virtual-wan/how-to-routing-policies
  const { candidates } = candidatesOf(end.vnet, end.routeTable, undefined, vwan);
  const route = selectRoute(candidates, client);
  if (!route || !ELSEWHERE.test(route.nextHopType)) return undefined;
  return { route, table: route.origin === 'user' ? end.routeTable?.name : undefined, to: client };
}
