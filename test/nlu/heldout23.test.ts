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

/** Floors are set from the first measurement on a committed tree. */
const FLOOR: Record<string, number> = { all: 0 };
const MISROUTES = 1000;

heldoutTest(23, FLOOR, MISROUTES, { coverage: [23, 23] });
