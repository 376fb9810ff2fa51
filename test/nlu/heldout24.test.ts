// Held-out set 24 (test/nlu/heldout-24.jsonl): 280 questions, the nine families and out-of-scope requests, in twelve
// voices: phone, dev, neteng, paste, teams, esl, ticket, manager, and new ones: SRE runbook steps, a security auditor,
// a vendor or partner asking from outside, and chat threads of several lines where only the last asks. On the demo
// and every fixture. Stressed: outside clients described by place or address (the office, a partner's DC, a user in
// Japan or Brazil, a monitoring probe) reaching a Service, a route, Application Gateway, AGC or Front Door; the load
// balancer as the subject (its pods, probes, frontends, SNAT capacity before a scale-out); change tickets asking to
// confirm an expected allow or deny between two pods with a port; what-is of NAT gateway, firewall, prefix, LB and
// EgressIP addresses; DNS asked in plain words ("how does api find db", "which DNS server does web ask"); help
// asked as capability questions; change requests, cost and other clouds that must get the scope reply; bare names
// that must get buttons; negations, comparisons and two questions in one message; pod and node IPs as subjects;
// pasted pod tables, curl and psycopg2 errors, a kernel firewall log, `az network lb outbound-rule list` output and
// a NetworkPolicy summary; names, routes, Services and pods that do not exist.
// Written without reading the parser, its corpus or the other held-out sets; tuned on in round 20.
import { heldoutTest } from './heldout-check';

/** Unseen: round 18 (335fcf4, the code before the set was written) 240/280 = 85.7 %, 19 confident misroutes, 10 asked
 * with the right reading; with the model's disputes as questions (3b9570e) 240, 16, 11; round 19 (6e6a48d) 243/280 =
 * 86.8 %, 15, 10. Round 20 (tuned on it, the model trained through it): 275/280 = 98.2 %, 1 confident misroute (the x/a
 * pod's DNS server where the fixture has no kube-dns Service and the cluster's dnsServiceIP is not read). Left: "which
 * pods does the LB send traffic to for <frontend>" (asked: inbound or load balancers), a pod to a hub server where the
 * model reads east-west (asked, both readings offered), a pod to the kubernetes Service (the API server, no pods
 * behind it), a load balancer in the hub's resource group (only the node resource group's are listed), two addresses
 * weighed (each offered as a button). Round 21 (tuned on set 25): 278/280 = 99.3 %, 0 — the x/a pod's DNS server from
 * the cluster's dnsServiceIp, the LB answer naming the pods behind a frontend, lbi-nva found in the hub's group. Left: a
 * pod to the kubernetes Service, two addresses weighed. Floors: the round 21 figure, rounded down. */
const FLOOR: Record<string, number> = {
  all: 99, // 278/280
  dns: 100, // 28/28
  'east-west': 96, // 27/28
  egress: 100, // 27/27
  help: 100, // 26/26
  inbound: 100, // 28/28
  'load-balancers': 100, // 27/27
  pod: 100, // 27/27
  policy: 100, // 28/28
  unknown: 100, // 33/33
  'what-is': 96, // 27/28
};
const MISROUTES = 0;

heldoutTest(24, FLOOR, MISROUTES, { coverage: [24, 24] });
