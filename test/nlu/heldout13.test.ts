// Held-out set 13 (test/nlu/heldout-13.jsonl): a week of an incident channel on the demo, netpol-e2e and 19 test
// fixtures, in eight voices in equal parts (phone shorthand, developers new to Kubernetes describing symptoms,
// network engineers in IPs, ports and NAT, pasted kubectl/oc/az output and error or firewall lines, Teams HTML,
// second-language English, ticket titles, managers' full sentences). New incidents: a mesh sidecar blamed, pods
// after a node drain, a StatefulSet's headless Service, a CronJob going out to a partner SFTP, Windows prompts and
// half-typed lines, Deployments named by label (`app=web`), replies to the bot's last answer, "the VIP", OpenShift
// and AKS words mixed, two IPs in one question. Written without reading the parser, its corpus or the other sets,
// committed after round 8 and measured unseen in round 9. In round 10 it was tuned on: it is training data of the
// family model (src/nlu/model.json) and its misses were fixed by their general causes, with corpus lines in other
// words, so it no longer measures unseen questions (its leave-one-set-out figure, a model that never saw it, is
// printed by model.test.ts). Its floors are the figures measured after round 10, rounded down, so a change that
// loses ground fails.
import { heldoutTest } from './heldout-check';

/** Unseen, the parser of round 8: 198/228 = 86.8 %, 8 confident misroutes, 11 asked with the right reading; round 9
 * (rules and the family model): 207/228 = 90.8 %, 7 confident misroutes, 6 asked. Round 10, with a model that never
 * saw the set (cross-validation): 210/228 = 92.1 %, 1 confident misroute, 9 asked; tuned on, with the committed
 * model: 220/228 = 96.5 %, 1 confident misroute (east-west for an NSG drop whose answer gives the rule: the label
 * is arguable), 2 asked with the right reading. Floors: after round 10. */
const FLOOR: Record<string, number> = {
  all: 96, // 220/228
  dns: 100, // 22/22
  'east-west': 100, // 23/23
  egress: 100, // 26/26
  help: 90, // 18/20
  inbound: 91, // 21/23
  'load-balancers': 100, // 21/21
  pod: 95, // 22/23
  policy: 91, // 21/23
  unknown: 100, // 23/23
  'what-is': 95, // 23/24
};
const MISROUTES = 1;

heldoutTest(13, FLOOR, MISROUTES, { coverage: [18, 20], timeout: 300_000 });
