// Held-out set 23 (test/nlu/heldout-23.jsonl): 257 questions, the nine families and out-of-scope requests, in eight
// voices (phone, dev, neteng, paste, teams, esl, ticket, manager) on the demo and every fixture: a developer's first
// day, an architect comparing layouts, a security engineer asking what is exposed, questions in the second person,
// "either" / "instead of" / "why can't", statements with a question mark ("sqlapi egress ip?"), name-plus-one-word
// messages ("egress? api"), emoji and ALL CAPS; pasted output in code fences: NetworkPolicy and HTTPRoute YAML,
// `kubectl get -o json` and `jq` output, `az afd endpoint list`, `az network nsg rule list`, an outbound rule's JSON,
// resolv.conf, Java and Python resolver errors, a kernel firewall log line and an app's env; outside clients on
// Application Gateway, AGC, Front Door, a node port and an internal load balancer; Azure CNI pod subnet, overlay,
// hub firewall, NVA behind an internal load balancer, NAT gateway, forced tunnelling, ASGs and NSGs on a cluster
// without a policy engine, an EgressIP on ARO; names, namespaces, routes, Services and addresses that do not exist.
// Written without reading the parser, its corpus or the other held-out sets. Never tuned on.
import { heldoutTest } from './heldout-check';

/** Unseen: round 17 (ef5821e, the code before the set was written) 228/257 = 88.7 %, 11 confident misroutes, 7 asked
 * with the right reading; round 18 (tuned on set 22) 230/257 = 89.5 %, 12, 4 asked (help 18 → 21, what-is 24 → 23).
 * Floors: that figure, rounded down. */
const FLOOR: Record<string, number> = {
  all: 89, // 230/257
  dns: 92, // 24/26
  'east-west': 92, // 23/25
  egress: 96, // 25/26
  help: 87, // 21/24
  inbound: 76, // 20/26
  'load-balancers': 92, // 24/26
  pod: 100, // 27/27
  policy: 80, // 20/25
  unknown: 88, // 23/26
  'what-is': 88, // 23/26
};
const MISROUTES = 12;

heldoutTest(23, FLOOR, MISROUTES, { coverage: [23, 23] });
