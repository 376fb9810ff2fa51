// Held-out set 14 (test/nlu/heldout-14.jsonl): a week of an incident channel in eight voices in equal parts (phone
// shorthand, developers describing symptoms, network engineers in IPs/ports/NAT, pasted command output and log lines,
// Teams messages with greetings and signatures, second-language English, ticket titles, managers' full sentences),
// on the demo, netpol-e2e and 20 test fixtures; written without reading the parser, its corpus, its model or the
// other held-out sets, committed after round 9 and measured unseen in round 10. In round 11 it was tuned on: it is
// training data of the family model (src/nlu/model.json) and its misses were fixed by their general causes, with
// corpus lines in other words, so it no longer measures unseen questions (its leave-one-set-out figure, a model that
// never saw it, is printed by model.test.ts). Its floors are the figures measured after round 11, rounded down, so a
// change that loses ground fails.
import { heldoutTest } from './heldout-check';

/** Unseen, round 8: 88.2 %, 10 confident misroutes; round 9: 90.9 %, 8; round 10: 202/220 = 91.8 %, 7 confident
 * misroutes, 4 asked with the right reading. Round 11, with a model that never saw the set (cross-validation):
 * 216/220 = 98.2 %, 2 confident misroutes; tuned on, with the committed model: 216/220 = 98.2 %, 2 confident
 * misroutes (inbound questions answered for the load balancer address pasted, not the ingress or route of the host
 * asked about). Floors: after round 11. */
const FLOOR: Record<string, number> = {
  all: 98, // 216/220
  dns: 100, // 22/22
  'east-west': 100, // 22/22
  egress: 100, // 22/22
  help: 100, // 22/22
  inbound: 90, // 20/22
  'load-balancers': 100, // 22/22
  pod: 95, // 21/22
  policy: 100, // 22/22
  unknown: 100, // 22/22
  'what-is': 95, // 21/22
};
const MISROUTES = 2;

heldoutTest(14, FLOOR, MISROUTES, { coverage: [22, 22], timeout: 300_000 });
