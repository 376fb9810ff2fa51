// Held-out set 53 (test/nlu/heldout-53.jsonl): 293 questions over 25 snapshots (demo and aks-lb most, every fixture
// family from NAT gateway and hub firewall to AGIC, Gateway API, Front Door, custom DNS, NSG/ASG and the netpol e2e
// pods). Voices: an on-call engineer paged at 3 a.m., a consultant in formal English, a mainframe veteran (LPARs,
// RACF, SMF records), an SOC analyst quoting firewall and flow logs, a team lead pasting a ticket, an emoji-and-"pls"
// developer, non-native English, someone who asks two things at once or corrects themselves mid-message, Teams HTML,
// follow-ups in a thread; places invented for it (a beekeeping co-op's shop, a glacier research station, a ferry
// booking partner, an opera's surtitle feed, ski-lift scanners, a mountain rescue dispatch, a tattoo studio, an
// auction house, a vineyard's sensors, a seed bank). Shapes: URLs with path and port, IP-only and CIDR questions,
// outside clients named by address, record types, resolvers, search domains, split horizon, NSG verdicts, pasted
// logs, plural/app names, not-found subjects, change requests, costs, other clouds and gibberish.
// Written without reading the parser, its corpus or the other held-out sets.
import { heldoutTest } from './heldout-check';

/** Unseen: first measured at 13b13c8 (the code the set was written on) 271/293 = 92.5 %, 5 confident misroutes;
 * round 44 and the model retrained on its reading (d1aa12b) 275/293 = 93.9 %, 5; sets 50 and 51 in the model's
 * training (e0c4251) 275, 5; round 45 and the model retrained on its reading 277/293 = 94.5 %, 5. Floors: the lowest
 * measurement, rounded down. */
const FLOOR: Record<string, number> = {
  all: 92, // 271/293
  dns: 91, // 32/35
  'east-west': 96, // 26/27
  egress: 96, // 31/32
  help: 92, // 23/25
  inbound: 94, // 32/34
  'load-balancers': 96, // 25/26
  pod: 81, // 22/27
  policy: 87, // 29/33
  unknown: 96, // 26/27
  'what-is': 92, // 25/27
};
const MISROUTES = 5;

heldoutTest(53, FLOOR, MISROUTES, { coverage: [24, 24] });
