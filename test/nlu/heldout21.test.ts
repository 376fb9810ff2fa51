// Held-out set 21 (test/nlu/heldout-21.jsonl): 262 questions, the nine families and out-of-scope requests, in eight
// voices (phone, dev, neteng, paste, teams, esl, ticket, manager) on the demo and every fixture: outside clients named
// by where they are (a laptop at home, an office proxy, a partner's server, a VM in the hub) calling a load balancer
// address, a route or ingress host, a Front Door endpoint or a node port; pods calling on-premises ranges, storage
// accounts, other regions and spokes through hub firewalls, NVAs, VPN gateways and EgressIPs; pod and node addresses
// found in firewall, flow and audit logs; maintenance windows, node pool upgrades, DR drills, pen test findings,
// audits, cost reviews and capacity plans; pasted `kubectl describe svc`, `get endpoints`, `oc get route`,
// `az network lb show`, effective route tables, tcpdump, traceroute and dig output; names and addresses that do not
// exist. Written without reading the parser, its corpus or the other held-out sets. Measured unseen, then tuned on
// (it joined the training data and the cross-validation folds).
import { heldoutTest } from './heldout-check';

/** Unseen: round 15 (a8d83c6, the code before the set was written) 232/262 = 88.5 %, 10 confident misroutes;
 * round 16 (tuned on set 20, with node ports and other ways in for inbound) 234/262 = 89.3 %, 7.
 * Tuned: round 17 (its misses fixed as general rules, the set in the training data) 262/262 = 100 %, 0 confident
 * misroutes. Cross-validation (a model that never saw the set): 260/262 with none, the rules alone 249/262 with 2.
 * Floors: the tuned figure. */
// (every family: 100, a family's floor when none is set)
const FLOOR: Record<string, number> = { all: 100 };
const MISROUTES = 0;

heldoutTest(21, FLOOR, MISROUTES, { coverage: [18, 18] });
