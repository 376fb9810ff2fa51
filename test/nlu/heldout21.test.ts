// Held-out set 21 (test/nlu/heldout-21.jsonl): 262 questions, the nine families and out-of-scope requests, in eight
// voices (phone, dev, neteng, paste, teams, esl, ticket, manager) on the demo and every fixture: outside clients named
// by where they are (a laptop at home, an office proxy, a partner's server, a VM in the hub) calling a load balancer
// address, a route or ingress host, a Front Door endpoint or a node port; pods calling on-premises ranges, storage
// accounts, other regions and spokes through hub firewalls, NVAs, VPN gateways and EgressIPs; pod and node addresses
// found in firewall, flow and audit logs; maintenance windows, node pool upgrades, DR drills, pen test findings,
// audits, cost reviews and capacity plans; pasted `kubectl describe svc`, `get endpoints`, `oc get route`,
// `az network lb show`, effective route tables, tcpdump, traceroute and dig output; names and addresses that do not
// exist. Written without reading the parser, its corpus or the other held-out sets. Never tuned on: the floors guard
// what it measured unseen.
import { heldoutTest } from './heldout-check';

/** Unseen: round 15 (a8d83c6, the code before the set was written) 232/262 = 88.5 %, 10 confident misroutes;
 * round 16 (tuned on set 20, with node ports and other ways in for inbound) 234/262 = 89.3 %, 7. Floors: that
 * figure, rounded down. */
const FLOOR: Record<string, number> = {
  all: 89, // 234/262
  dns: 92, // 25/27
  'east-west': 96, // 25/26
  egress: 79, // 23/29
  help: 91, // 21/23
  inbound: 77, // 21/27
  'load-balancers': 96, // 24/25
  pod: 88, // 24/27
  policy: 85, // 24/28
  unknown: 95, // 23/24
  'what-is': 92, // 24/26
};
const MISROUTES = 7;

heldoutTest(21, FLOOR, MISROUTES, { coverage: [18, 18] });
