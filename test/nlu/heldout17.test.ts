// Held-out set 17 (test/nlu/heldout-17.jsonl): a month of an incident channel in eight voices (phone shorthand,
// developers' symptoms, network engineers' IPs and ports, pasted output, Teams HTML with greetings and signatures,
// second-language English, ticket titles, managers' full sentences) on the demo and 21 test fixtures: DNS of every
// kind (resolvers, search domains, headless and private-endpoint names, pasted nslookup/dig failures), questions
// about NetworkPolicies themselves, NodePort and internal load balancers, Application Gateway and Front Door, a hub
// firewall, flow-log addresses, node IPs, SNAT ports and health probes, help and out-of-scope requests. Written
// without reading the parser, its corpus or the other held-out sets, committed after round 12 and measured unseen
// once. In round 13 it was tuned on: it is training data of the family model (src/nlu/model.json) and its misses
// were fixed by their general causes, with corpus lines in other words, so it no longer measures unseen questions
// (its leave-one-set-out figure, a model that never saw it, is printed by model.test.ts). Its floors are the
// figures measured after round 13, rounded down, so a change that loses ground fails.
import { heldoutTest } from './heldout-check';

/** Unseen, round 12: 200/232 = 86.2 %, 14 confident misroutes. Round 13, with a model that never saw the set
 * (cross-validation): 212/232 = 91.4 %, 5 confident misroutes; tuned on, with the committed model: 217/232 =
 * 93.5 %, 4 confident misroutes; with the choices reply worded "I found X, but not what you want to know about it"
 * instead of "I did not understand the question, but found X" (its buttons unchanged): 224/232 = 96.6 % (the answer about the pod a pasted command ran in where the label wants both replicas named; the
 * ingress controller's flow ending at web's Service where the label wants the pod; "pod a from y" read as x/a; the
 * load balancer's health probes, which the inventory does not read). Floors: after round 13. */
const FLOOR: Record<string, number> = {
  all: 96, // 224/232
  dns: 100, // 28/28
  'east-west': 95, // 21/22
  egress: 96, // 25/26
  help: 100, // 18/18
  inbound: 92, // 24/26
  'load-balancers': 95, // 21/22
  pod: 95, // 19/20
  policy: 96, // 25/26
  unknown: 100, // 22/22
  'what-is': 95, // 21/22
};
const MISROUTES = 4;

heldoutTest(17, FLOOR, MISROUTES, { coverage: [18, 21], timeout: 300_000 });
