// Held-out set 51 (test/nlu/heldout-51.jsonl): 281 questions as on-call people write them in Teams, about 25
// snapshots (the demo and aks-lb most, netpol-e2e, and the NAT gateway, UDR/firewall, hub-spoke, Azure CNI, custom
// DNS, AGIC/AGC, Front Door, EgressIP, effective-routes fixtures). Voices: incident commanders, DBAs, network
// engineers from on-prem, junior devs, security auditors, managers, vendors and people writing in French, German,
// Portuguese, Spanish or Turkish, for invented places (a planetarium's ticket kiosks, a fishing co-op's auction, a
// courier depot, a dairy co-op, an elections office, a museum audio guide, a tyre shop, a seed bank, a ferry
// operator, a ski lift, a marathon's timing mats, a chess federation). Shapes: Teams markup, typos, all lower case,
// URLs, pod IPs, pasted kubectl / az / resolver / flow-log output, tickets, arrows, thread follow-ups, run-on
// messages; DNS with record types, FQDNs, short names, search lists, split horizon and private zones; 10 names that
// do not exist; 26 out-of-scope lines (changes, costs, other clouds, gibberish, bare names). Labels come from the
// fixture data. Written without reading the parser, its corpus or the other held-out sets (the README's example
// phrasings were read, not copied).
import { heldoutTest } from './heldout-check';

/** Unseen: first measured at 73a18e4 (the code the set was written on) 248/281 = 88.3 %, 12 confident misroutes;
 * round 43 (a31ea38) 248, 12; the model retrained on round 43's reading 252/281 = 89.7 %, 10. Floors: the lowest
 * measurement, rounded down.
 * Round 44 (tuned on it): 268/281 = 95.4 %, 5 confident misroutes (a word that is no name never looked up: "every
 * node", "a jump host", "list pods in …", "of the whole …"; a namespace said where a pod is expected is its pods;
 * "list pods in namespace shop" answered; "anything in the way?" and "could X open a connection to Y" are verdicts;
 * "https to <ip>", "api's http port", "→ db-0 postgres" say the port; "the short name api" is looked up; French,
 * German, Portuguese and Turkish cue words); the model retrained on round 44's reading 266/281 = 94.7 %, 5 (east-west
 * 26/27, load-balancers 21/26). Floors: the lowest since round 44, rounded down. */
const FLOOR: Record<string, number> = {
  all: 94, // 266/281
  dns: 94, // 32/34
  'east-west': 96, // 26/27
  egress: 100, // 30/30
  help: 96, // 25/26
  inbound: 93, // 28/30
  'load-balancers': 80, // 21/26
  pod: 92, // 25/27
  policy: 96, // 26/27
  unknown: 96, // 25/26
  'what-is': 100, // 28/28
};
const MISROUTES = 5;

heldoutTest(51, FLOOR, MISROUTES, { coverage: [24, 24] });
