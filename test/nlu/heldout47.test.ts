// Held-out set 47 (test/nlu/heldout-47.jsonl): 280 questions, the nine families and out-of-scope requests, on the
// demo and every fixture. Voices: phone, dev, network engineer, paste, Teams (HTML leftovers, mentions), ESL, ticket,
// manager, plus a new SRE reading the runbook aloud, a security reviewer asking what is open to the Internet, a vendor
// asking for our addresses, an auditor, and chat threads where only the last line asks. New situations: a hospital's
// blood-fridge alarms, a harbour crane scheduler, a citizen-science bird app, a theatre subtitle feed, a cycling race
// tracker, a self-storage gate, a school bus GPS feed, hotel minibar billing, city flood sensors, bakery ovens, an
// ice-rink scheduler, photo-finish uploads, escape rooms, fishing licences, balloon bookings, kiln loggers.
// Shapes stressed: NSGs on the way in (aks-lb-byo-nsg: is a port open to the Internet, can the office reach the LB,
// a pasted `az network nsg rule list -o table` and a Markdown rule table); outside clients by place; the load
// balancer as the subject; change tickets with an expected allow/deny; what-is of NAT gateway, firewall, prefix, LB
// and Front Door addresses; DNS in plain words; a pasted stack trace with "connection refused"; an on-call who knows
// only the node name; two questions where the second is the real one; replies to the bot's earlier answer; change
// requests that must get the scope reply; names and addresses that do not exist.
// Written without reading the parser, its corpus or the other held-out sets.
import { heldoutTest } from './heldout-check';

/** Unseen: first measured at 5e4793f (the code the set was written on) 254/280 = 90.7 %, 12 confident misroutes;
 * round 39 (6ba8bcd) 254, 12; set 45 in the model's training (e1a8d87) 256/280 = 91.4 %, 10. Round 40 (tuned on
 * it): 275/280 = 98.2 %, 1 confident misroute (a chain "feed → web → maps api" whose far "api" is read as ours).
 * Floors: the round 40 measurement, rounded down. */
const FLOOR: Record<string, number> = {
  all: 98, // 275/280
  dns: 100, // 27/27
  'east-west': 100, // 28/28
  egress: 89, // 26/29
  help: 100, // 26/26
  inbound: 93, // 29/31
  'load-balancers': 100, // 28/28
  pod: 100, // 28/28
  policy: 100, // 27/27
  unknown: 100, // 28/28
  'what-is': 100, // 28/28
};
const MISROUTES = 1;

heldoutTest(47, FLOOR, MISROUTES, { coverage: [24, 24] });
