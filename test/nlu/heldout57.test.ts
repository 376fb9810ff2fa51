// Held-out set 57 (test/nlu/heldout-57.jsonl): 277 questions as on-call engineers, network engineers thinking in
// Cisco / Palo Alto terms (ACL, VIP, SNAT pool, zones), auditors, product managers, new joiners who guess names,
// non-native speakers (German, Spanish, Hindi, Portuguese word order) and managers forwarding customer email write
// them in Teams, about invented places (a tide-gauge network, a bookmaker tote board, an opera surtitle system, a
// seed bank, a beekeepers' co-op, a mushroom farm, a marathon timing vendor, a ski-rental kiosk, a lighthouse museum,
// a planetarium, a brewery, a cattle auction). Shapes: Teams HTML, typos, incidents, URLs, plurals, pod IPs, CIDRs,
// pasted kubectl / NSG flow-log / nslookup / dig / psql / getaddrinfo output, tickets, follow-ups, a correction
// mid-message, change requests, other clouds, costs, licensing, HR, weather, sports and gibberish; 25 snapshots
// (demo and aks-lb most), 11 names that do not exist. Labels come from the fixture data.
// Written without reading the parser, its corpus or the other held-out sets.
import { heldoutTest } from './heldout-check';

/** Unseen: first measured at b5c8d99 (262/277 = 94.6 %, 5 confident misroutes), before any tuning on this set;
 * round 49 (049ef05, the model not retrained) 262, 5; the model retrained on round 49's reading 262/277, 6 ("what
 * does the SQL box see as source address for the API calls" answered, not asked back). Floors: the lowest, rounded
 * down. */
const FLOOR: Record<string, number> = {
  all: 94,
  egress: 100,
  inbound: 87,
  'east-west': 91,
  policy: 87,
  dns: 100,
  'what-is': 100,
  'load-balancers': 95,
  pod: 92,
  help: 92,
  unknown: 100,
};
const MISROUTES = 6;

heldoutTest(57, FLOOR, MISROUTES, { coverage: [24, 24] });
