// The way back said: a reply routed to an appliance or a gateway instead of back through the load balancer makes the
// connection fail however the way in looks (asymmetric routing); where an NSG already drops the request, a warning.
// https://learn.microsoft.com/azure/firewall/integrate-lb#asymmetric-routing
import type { AsymmetricReturn } from '../path/return-route';
import { routeText } from '../path/routes';
import type { PathResult } from '../path/result';

export function withReturn(r: PathResult, a: AsymmetricReturn | undefined, deniedFirst: boolean): PathResult {
  if (!a || r.status !== 'answered') return r;
  const { route } = a;
  const by = routeText(route, a.table, { hop: true });
  const who = a.to ?? 'an Internet client';
  const why = `replies to ${who} leave the node by ${by}, not back through the load balancer: the ${
    /gateway/i.test(route.nextHopType) ? 'gateway' : 'appliance'
  } never saw the connection open, and a stateful firewall drops them (asymmetric routing)`;
  const fix = `Fix: publish the service through the firewall (DNAT to it) or add a route sending ${
    a.to ? `${a.to}/32` : "the clients' addresses"
  } to Internet on the node subnet's route table`;
  const out = { ...r, warnings: [...r.warnings], verify: [...r.verify] };
  out.warnings.unshift(`Asymmetric routing: ${why}. ${fix}`);
  if (a.table) out.verify.push(`az network route-table route list --route-table-name ${a.table} -g <rg> -o table`);
  if (deniedFirst) return out;
  out.answer = `The connection most likely fails: ${why}. ${fix}. Were the replies routed back: ${r.answer}`;
  out.title = `Replies misrouted: ${r.title ?? 'the way in'}`;
  return out;
}
