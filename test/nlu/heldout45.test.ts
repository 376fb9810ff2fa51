// Held-out set 45 (test/nlu/heldout-45.jsonl): 268 questions, the nine families and out-of-scope requests, on the
// demo, every fixture and netpol-e2e. New writers: an SRE pasting a PagerDuty incident timeline, a network engineer
// using on-prem words (VIP, SNAT pool, DMZ, edge router, F5, VLAN ACLs), yes/no checks ("is it true that…"), an
// engineer who gives only a Service's ClusterIP and port, a manager forwarding a customer's e-mail ("can you check
// this?"), a junior asking for "the path diagram" in words, pods named by their container ("the postgres container",
// "the 'controller' container"), a message that answers its own first question and then asks the real one, pasted
// `az network nic show` and `kubectl get svc -o yaml` excerpts, made-up deadlines ("CAB meets in 5 min"), and a
// security reviewer asking what an attacker on the internet can reach. New settings: a mountain-rescue callout app,
// a crematorium's streaming service, a karaoke-bar booking site, a harbour's fuel-dock payments, a community radio's
// request line, a model-railway club's signalling demo, a botanical garden's humidity sensors, an exam-hall seat
// map, a dog-walking marketplace, a roller-coaster queue display. Kept from earlier sets: phone, Teams HTML, tickets,
// change requests (scope replies), outside clients by place, the load balancer as the subject, approval tickets with
// an expected allow/deny, pod and node IPs as subjects, names and addresses that do not exist.
// Written without reading the parser, its corpus or the other held-out sets.
import { heldoutTest } from './heldout-check';

/** Unseen: first measured at 83124e8 (the code the set was written on) 246/268 = 91.8 %, 9 confident misroutes; the same
 * at 22498a7 (round 37). While measuring, a log showed the first five misroute lines; nothing was changed because of
 * them. Set 43 in the model's training (04fb8f2) 248, 8; round 38 (5aac0d2) 252/268 = 94.0 %, 6; sets 44 and 46 and
 * two training-only files in the model's training (5e4793f) 251/268 = 93.7 %, 6.
 * Round 39 (tuned on it): 267/268, no confident misroute; the one line left asks with the right reading offered (the
 * rules read the pod's node, the model trained before it leaned to egress); 268/268 once the set joined the model's
 * training (e1a8d87). Floors: round 39's measurement, rounded down. */
const FLOOR: Record<string, number> = {
  all: 99, // 267/268
  dns: 100, // 26/26
  'east-west': 100, // 26/26
  egress: 100, // 28/28
  help: 100, // 26/26
  inbound: 100, // 28/28
  'load-balancers': 100, // 26/26
  pod: 96, // 25/26
  policy: 100, // 26/26
  unknown: 100, // 28/28
  'what-is': 100, // 28/28
};
const MISROUTES = 0;

heldoutTest(45, FLOOR, MISROUTES, { coverage: [24, 24] });
