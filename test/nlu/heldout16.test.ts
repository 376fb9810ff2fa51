// Held-out set 16 (test/nlu/heldout-16.jsonl): on-call questions on the demo and many test fixtures in eight voices
// (phone shorthand, developers describing symptoms, network engineers in IPs/ports/NAT terms, pasted kubectl/az/oc
// output and error lines, Teams HTML, ticket titles, second-language English, managers' full sentences), written
// without reading the parser, its corpus or the other held-out sets, committed after round 11 and measured unseen once.
// In round 12 it was tuned on: it is training data of the family model (src/nlu/model.json) and its misses were fixed
// by their general causes, with corpus lines in other words, so it no longer measures unseen questions (its
// leave-one-set-out figure, a model that never saw it, is printed by model.test.ts). Its floors are the figures
// measured after round 12, rounded down, so a change that loses ground fails; the DNS path and the policies of one
// party were answered by their families while they were being written: their floors are re-measured once they land.
import { heldoutTest } from './heldout-check';

/** Unseen, round 11: 176/221 = 79.6 %, 14 confident misroutes. Round 12, with a model that never saw the set
 * (cross-validation): 210/221 = 95.0 %, 3 confident misroutes; tuned on, with the committed model: 215/221 = 97.3 %,
 * 3 confident misroutes (web answered through its ingress where the label wants its LoadBalancer Service; a "can db
 * reach api?" labelled as a path; internal load balancers outside the cluster's resource group). Floors: after
 * round 12. */
const FLOOR: Record<string, number> = {
  all: 97, // 215/221
  dns: 95, // 20/21
  'east-west': 95, // 20/21
  egress: 100, // 26/26
  help: 100, // 21/21
  inbound: 90, // 19/21
  'load-balancers': 95, // 21/22
  pod: 100, // 22/22
  policy: 100, // 21/21
  unknown: 95, // 23/24 with set 47 in the model's training ("the traffic, where does it go?" read as a pod question)
  'what-is': 95, // 21/22
};
const MISROUTES = 3;

heldoutTest(16, FLOOR, MISROUTES, { coverage: [21, 21], timeout: 300_000 });
