// Held-out set 55 (test/nlu/heldout-55.jsonl): 300 questions, about every family (dns 37, inbound 35, policy 35,
// egress 33, what-is 28, unknown 28, load-balancers 27, pod 27, east-west 26, help 24; 10 not-found) on 25
// snapshots (demo and aks-lb most; netpol-e2e, the NSG, AGIC/AGC, Front Door, custom-DNS, firewall, NVA, EgressIP
// and effective-routes fixtures). Voices: an on-call engineer woken at 3 a.m., a consultant writing formal English,
// a mainframe veteran, an SOC analyst quoting firewall and flow logs, a team lead pasting Jira/INC tickets, a
// developer writing in emoji and abbreviations, non-native English, people correcting themselves mid-message,
// asking two things at once, naming apps by what they do (a lottery results feed, an auction house's bidding
// engine, wind-farm telemetry, a dental X-ray archive, a theme park's queue-time app, a university library's
// e-book proxy, a courier bike fleet, a church choir's stream, a zoo's feeding schedule, a seed bank's sensors).
// Shapes: teams, typo, incident, url, plural, pod-ip, ip-only, change, cost, other-cloud, ticket, pasted-output,
// pasted-log, terse, non-native, follow-up, record-type, split-horizon, private-zone, nsg, not-found.
// Labels come from the fixture data. Written without reading the parser, its corpus or the other held-out sets.
import { heldoutTest } from './heldout-check';

/** Unseen: first measured at dd7a66d: 284/300 = 94.7 %, 11 confident misroutes. */
const FLOOR: Record<string, number> = {
  all: 94,
  egress: 93,
  inbound: 91,
  'east-west': 100,
  policy: 88,
  dns: 89,
  'what-is': 100,
  'load-balancers': 96,
  pod: 92,
  help: 100,
  unknown: 100,
};
const MISROUTES = 11;

heldoutTest(55, FLOOR, MISROUTES, { coverage: [24, 24] });
