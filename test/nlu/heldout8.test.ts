// Held-out set 8 (test/nlu/heldout-8.jsonl): on-call questions on the demo and many test fixtures, written as
// engineers who paste what they see (Azure portal text, `az … -o table` rows, `kubectl describe` fragments, curl,
// psql, Java and Go errors, firewall log lines) and then ask; as replies in a Teams thread that still stand alone
// (quoted "> …" lines, greetings, signatures); as people writing English as a second language; and as ticket titles.
// Written without reading the parser, its corpus or the other held-out sets. Held out through round 5; tuned on in
// round 6 (a line break ends a sentence, quoted lines are context, direction words decide coming in against going
// out, rule verdicts, questions to the bot about itself, ports said "at 5432" / "5432 端口", addresses asked "is
// which thing" / "ours?", the SNAT answer's allocation and frontends), so its figures no longer measure unseen
// questions. Floors hold the figures measured after round 6.
import { heldoutTest } from './heldout-check';

/** Before round 6 (held out): 191/218 = 87.6 % with 8 confident misroutes and 10 misses that asked with the right
 * reading among the buttons (dns 18/18, east-west 21/23, egress 31/31, help 9/16, inbound 21/25, load-balancers
 * 15/18, pod 18/20, policy 21/25, unknown 21/22, what-is 16/20). After round 6: 218/218, no confident misroute. */
// (every family: 100, a family's floor when none is set)
const FLOOR: Record<string, number> = { all: 100 };
const MISROUTES = 0;

heldoutTest(8, FLOOR, MISROUTES, { coverage: [15, 20] });
