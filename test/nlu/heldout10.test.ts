// Held-out set 10 (test/nlu/heldout-10.jsonl): another week of an incident channel on the demo, netpol-e2e and many
// test fixtures, in eight voices of about equal share: phone shorthand, developers describing symptoms, network
// engineers in IPs, ports, hops and NAT, pasted output (kubectl, az, curl, psql, firewall, traceroute, conntrack)
// followed by a question, Teams HTML with greetings and signatures, second-language English, ticket titles and
// managers' full sentences. Less obvious objects as subjects: kube-system and openshift-* pods, DaemonSet pods, node
// IPs, internal load balancers, NAT gateway and firewall IPs, route tables. Written without reading the parser, its
// corpus or the other held-out sets. Held out through round 6; tuned on in round 7 (the address the question names,
// not a pasted line's; a partner or customer that reaches in; a pasted pods row or load balancer list as context;
// change requests behind ticket ids; ports in "api -> db 5432 still allowed"; SNAT ports running short; each name
// with its own namespace), so its figures no longer measure unseen questions. Floors hold the figures measured after
// round 7.
import { heldoutTest } from './heldout-check';

/** Before round 7 (held out): 192/218 = 88.1 % with 12 confident misroutes and 4 misses that asked with the right
 * reading among the buttons (dns 20/20, east-west 19/22, egress 24/25, help 14/16, inbound 19/22, load-balancers
 * 17/20, pod 20/22, policy 18/22, unknown 22/24, what-is 19/25). After round 7: 218/218, no confident misroute. */
// (every family: 100, a family's floor when none is set)
const FLOOR: Record<string, number> = { all: 100 };
const MISROUTES = 0;

heldoutTest(10, FLOOR, MISROUTES, { coverage: [15, 20] });
