// Held-out set 12 (test/nlu/heldout-12.jsonl): a week of an incident channel on the demo, netpol-e2e and 20 test
// fixtures, in eight voices of equal share (26 lines each): phone shorthand, developers describing symptoms, network
// engineers in IPs, ports, hops and NAT, pasted output (kubectl/oc tables, curl, psql, nslookup, NSG flow-log and
// firewall log lines, events) followed by a question, Teams HTML with greetings and signatures, second-language
// English, ticket titles and managers' full sentences. Subjects beyond the usual pods: kube-system DaemonSet pods,
// coredns and router pods, node IPs, a Service without a selector, NodePorts, internal load balancer frontends, NAT
// gateway, firewall and public IP prefix addresses. Written without reading the parser, its corpus or the other
// held-out sets, committed after round 7 and measured unseen in rounds 7 and 8. In round 9 it was tuned on: it is
// training data of the family model (src/nlu/model.json) and its misses were fixed by their general causes, with
// corpus lines in other words, so it no longer measures unseen questions (its leave-one-set-out figure, a model that
// never saw it, is printed by model.test.ts). Its floors are the figures measured after round 9, rounded down, so a
// change that loses ground fails.
import { heldoutTest } from './heldout-check';

/** After round 7: 194/216 = 89.8 %, 6 confident misroutes, 10 misses asked with the right reading among the buttons;
 * after round 8 (tuned on set 11): 196/216 = 90.7 %, 6 confident misroutes, 8 asked with the right reading. The
 * parser of the start of round 4 scored 166/216 = 76.9 % with 13 confident misroutes. Round 9 (rules and the family
 * model combined): with a model that never saw the set (cross-validation) 208/216 = 96.3 %, 0 confident misroutes, 5
 * asked with the right reading; tuned on, with the committed model: 214/216 = 99.1 %, 0 confident misroutes, 2 asked
 * with the right reading. Floors: after round 9. */
const FLOOR: Record<string, number> = {
  all: 99, // 214/216
  dns: 100, // 20/20
  'east-west': 100, // 20/20
  egress: 100, // 29/29
  help: 94, // 16/17
  inbound: 100, // 20/20
  'load-balancers': 100, // 20/20
  pod: 100, // 22/22
  policy: 100, // 23/23
  unknown: 100, // 21/21
  'what-is': 95, // 23/24
};
const MISROUTES = 0;

heldoutTest(12, FLOOR, MISROUTES);
