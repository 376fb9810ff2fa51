// Held-out set 11 (test/nlu/heldout-11.jsonl): a week of an incident channel on the demo, netpol-e2e and 20 test
// fixtures, in eight voices of about equal share: phone shorthand, developers describing symptoms, network engineers
// in IPs, ports, hops and NAT, pasted output (kubectl/oc, curl, psql, nslookup, NSG and firewall log lines) followed
// by a question, Teams HTML with greetings and signatures, second-language English, ticket titles and managers' full
// sentences. Incidents: DNS failures, TLS errors that are network problems, deployments that broke allowlists, node
// pool upgrades, policy rollouts, cross-namespace calls, on-prem and spoke links, a LoadBalancer stuck pending.
// Written without reading the parser, its corpus or the other held-out sets, committed before round 7 and measured
// unseen in round 7; in round 8 it was tuned on (its misses fixed by their general causes, with corpus lines in other
// words), so it no longer measures unseen questions. Its floors are the figures measured after round 8, rounded down,
// so a change that loses ground fails.
import { heldoutTest } from './heldout-check';

/** Round 6 (before round 7): 181/215 = 84.2 %, 11 confident misroutes, 10 misses asked with the right reading among
 * the buttons. Round 7: 184/215 = 85.6 %, 10 confident misroutes, 9 asked with the right reading. Round 8 (tuned on):
 * 213/215 = 99.1 %, 0 confident misroutes. */
const FLOOR: Record<string, number> = {
  all: 99, // 213/215
  dns: 100, // 20/20
  'east-west': 95, // 21/22
  egress: 100, // 26/26
  help: 100, // 17/17
  inbound: 95, // 22/23
  'load-balancers': 100, // 20/20
  pod: 100, // 20/20
  policy: 100, // 22/22
  unknown: 100, // 23/23
  'what-is': 100, // 22/22
};
const MISROUTES = 0;

heldoutTest(11, FLOOR, MISROUTES);
