// Held-out set 15 (test/nlu/heldout-15.jsonl): on-call questions on the demo, netpol-e2e and twenty test fixtures, in
// eight voices in about equal parts (phone shorthand, developers describing symptoms, network engineers in IPs, ports
// and NAT, pasted kubectl/oc/az output and error lines, Teams HTML with greetings, second-language English, ticket
// titles, managers' full sentences), written without reading the parser, its corpus or the other held-out sets.
// Incidents: a renamed Deployment, a CrashLoopBackOff pod whose IP keeps changing, a partner VPN seeing another
// source, a NodePort reached from outside, the API server's address, a proxy that does not exist, an auditor asking
// which IPs leave, a load test against SNAT limits, passive-voice policy checks, questions that open with the answer
// they expect, and messages that ask two things (labelled by the one answered first, the other in `alsoOk`).
// Committed after round 10 and measured unseen in round 11. In round 12 it was tuned on: it is training data of the
// family model (src/nlu/model.json) and its misses were fixed by their general causes, with corpus lines in other
// words, so it no longer measures unseen questions (its leave-one-set-out figure, a model that never saw it, is
// printed by model.test.ts). Its floors are the figures measured after round 12, rounded down, so a change that loses
// ground fails.
import { heldoutTest } from './heldout-check';

/** Round 8's parser: 203/228 = 89.0 %, 2 confident misroutes; round 10: 210/228 = 92.1 %, 2; round 11 and the family
 * fixes after it (6d8cea8), unseen: 212/228 = 93.0 %, 1 confident misroute. Round 12, with a model that never saw the
 * set (cross-validation): 223/228 = 97.8 %, no confident misroute; tuned on, with the committed model: 224/228 =
 * 98.2 %, none. Floors: after round 12. */
const FLOOR: Record<string, number> = {
  all: 98, // 224/228
  dns: 100, // 23/23
  'east-west': 95, // 21/22
  egress: 100, // 28/28
  help: 100, // 20/20
  inbound: 95, // 23/24
  'load-balancers': 100, // 22/22
  pod: 100, // 23/23
  policy: 90, // 19/21
  unknown: 100, // 22/22
  'what-is': 100, // 23/23
};
const MISROUTES = 0;

heldoutTest(15, FLOOR, MISROUTES, { coverage: [18, 20] });
