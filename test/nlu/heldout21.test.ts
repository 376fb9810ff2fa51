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

/** Floors are set from the first measurement on a committed tree. */
const FLOOR: Record<string, number> = { all: 0 };
const MISROUTES = 1000;

heldoutTest(21, FLOOR, MISROUTES, { coverage: [18, 18] });
