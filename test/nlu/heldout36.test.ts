// Held-out set 36 (test/nlu/heldout-36.jsonl): 294 questions, the nine families and out-of-scope requests, on the
// demo and every fixture, mostly in voices no earlier set used: a voice-note transcript with fillers, titles only
// ("Egress IP - web - shop"), a typo in every other word, numbers spelled out ("ten dot two four four dot one dot
// eight", "port five-four-three-two"), bullet and arrow shorthand of the writer's own, a question inside a YAML
// comment, acceptance criteria written by a product manager, a contractor on the first day, a site owner who only
// knows the URL, a Kubernetes expert using GKE/EKS words, an Azure expert calling pods "the VM" or "the app service",
// quoted documentation sentences asked against this cluster, a question in a JSON field, "vs" comparisons and
// "explain the difference" asks;
// services of a ride-hailing dispatcher at rush hour, a weather service, a genomics pipeline, a car-rental counter,
// a church livestream, a satellite ground station, a month-end payroll run, a children's app, exam proctoring and a
// tax deadline; plus the usual phone, dev, network engineer, paste, Teams, ESL, ticket and manager voices. Stressed:
// outside clients by place or partner address, the load balancer as the subject, change approvals confirming an
// allow or a deny, what-is of NAT gateway, firewall, LB and prefix addresses, DNS in plain words, help, change
// requests that must get the scope reply, and names or addresses that do not exist.
// Written without reading the parser, its corpus or the other held-out sets.
import { heldoutTest } from './heldout-check';

/** Unseen: round 29 with set 33 in the model's training (fce865a, the code when the set was written) 260/294 =
 * 88.4 %, 10 confident misroutes, 5 asked with the right reading; with set 34 in the model's training (400ee33)
 * 262/294, 9, 3 (what-is 27/30); round 30 (2d11583) 262/294, 9, 3; with set 35 in the model's training (055a9a4)
 * 260/294, 9, 5. Round 31 (tuned on it): 285/294, 0 confident misroutes, 3 asked with the right reading; one label
 * given a group (the manager's "db-0 can only be reached by api, correct? web can't get to it?" asks both pairs).
 * Floors: round 31's, rounded down. */
const FLOOR: Record<string, number> = {
  all: 96, // 285/294
  dns: 100, // 28/28
  'east-west': 100, // 27/27
  egress: 100, // 32/32
  help: 96, // 26/27
  inbound: 90, // 27/30
  'load-balancers': 96, // 28/29
  pod: 100, // 30/30
  policy: 93, // 27/29
  unknown: 96, // 31/32
  'what-is': 96, // 29/30
};
const MISROUTES = 0;

heldoutTest(36, FLOOR, MISROUTES, { coverage: [24, 24] });
