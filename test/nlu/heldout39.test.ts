// Held-out set 39 (test/nlu/heldout-39.jsonl): 336 questions, the nine families and out-of-scope requests, on the demo
// and every fixture, in the usual voices (phone, dev, neteng, paste, teams, esl, ticket, manager) and, for more than
// half of the lines, new writers and situations: a SOC analyst pasting one SIEM alert line (JSON, CEF, Sentinel) and
// asking about one field, Slack shorthand with code spans (`web` → `db-0:5432`), questions about the bot's own earlier
// answer ("you said 20.31.46.20 earlier — is that the LB or the NAT?"), `az network watcher show-next-hop` and
// `az network nic show-effective-route-table` results quoted before the ask, Helm release names ("the shop-web
// release"), "yesterday's incident" with the facts in the message, the same thing asked twice in different words,
// deadlines and consequences ("…or the partner blocks us at noon"), numbered lists where only one item is in scope
// (or none), verbless one-liners ("db-0 node?", "web egress"), customer complaints forwarded verbatim with a one-line
// ask; hospital pharmacy dispensing robots, airport baggage handling, a polling-station results feed, a film studio's
// render farm, car-wash payment terminals, a research vessel's satellite link, a language-learning app, a fire
// brigade's reporting side, a loyalty points service and an observatory's telescope scheduler. Shapes stressed:
// outside clients by place or partner address on Services, routes, Application Gateway, AGC and Front Door; the load
// balancer as the subject; change approvals confirming allow/deny pairs with ports (NetworkPolicy, NSG, ASG); what-is
// of NAT gateway, firewall, prefix, LB frontend, NVA and gateway addresses; DNS in plain words; change requests that
// must get a one-line scope reply. Written without reading the parser, its corpus or the other held-out sets.
import { heldoutTest } from './heldout-check';

/** Unseen: the model answering from 80 % where the bot would ask, set 36 in its training (cc09110, the code the set
 * was written on) 298/336 = 88.7 %, 16 confident misroutes, 4 asked with the right reading; round 32 (b467a7b) 298,
 * 16, 4; set 38 in the model's training 298, 17 (dns 28/35, east-west 24/30). Round 33 (tuned on it): 329/336, 2
 * confident misroutes (readers are clients, code-quoted pairs, the one pair asked, ports of ACL lines and JSON flow
 * records, somebody's API, missing svc.ns names, Helm releases, terse "where", lists with one item in scope, the
 * source seen asked after a path).
 * Floors: the measurement, rounded down. */
const FLOOR: Record<string, number> = {
  all: 97, // 329/336
  dns: 94, // 33/35
  'east-west': 100, // 30/30
  egress: 94, // 37/39
  help: 100, // 28/28
  inbound: 96, // 32/33
  'load-balancers': 100, // 33/33
  pod: 97, // 34/35
  policy: 100, // 32/32
  unknown: 100, // 31/31
  'what-is': 97, // 39/40
};
const MISROUTES = 2;

heldoutTest(39, FLOOR, MISROUTES, { coverage: [24, 24] });
