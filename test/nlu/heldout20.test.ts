// Held-out set 20 (test/nlu/heldout-20.jsonl): 235 questions, the nine families and out-of-scope requests, in eight
// voices (phone, dev, neteng, paste, teams, esl, ticket, manager) on the demo and every fixture: rescheduled pods,
// TLS and websockets on the way in, health probes, Front Door, EgressIP, hub firewalls, NVAs, unenforced policies,
// thread replies quoting the bot, and names that do not exist. Written without reading the parser, its corpus or the
// other held-out sets. Never tuned on: the floors guard what it measured unseen.
import { heldoutTest } from './heldout-check';

/** Unseen: round 13 (da049ea) 192/235 = 81.7 %, 21 confident misroutes; round 14 (tuned on set 18) 201/235 =
 * 85.5 %, 19; round 15 (tuned on set 19, fc8e7e5) 205/235 = 87.2 %, 19, 3 asked with the right reading. Then a
 * workload's DNS path names every replica (a leftover of set 19, made after this set's misses had been read): 209/235 =
 * 88.9 %, 15. Floors: that figure, rounded down. */
const FLOOR: Record<string, number> = {
  all: 88, // 209/235
  dns: 86, // 20/23
  'east-west': 83, // 20/24
  egress: 87, // 21/24
  help: 100, // 22/22
  inbound: 66, // 16/24
  'load-balancers': 95, // 22/23
  pod: 95, // 22/23
  policy: 84, // 21/25
  unknown: 95, // 22/23
  'what-is': 95, // 23/24
};
const MISROUTES = 15;

heldoutTest(20, FLOOR, MISROUTES, { coverage: [18, 18] });
