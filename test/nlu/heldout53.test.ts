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
 * training (e0c4251) 275, 5; round 45 and the model retrained on its reading 277/293 = 94.5 %, 5.
 * Round 46 (tuned on it): 290/293 = 99.0 %, 0 confident misroutes (an office address browsing to a Service's LB, the
 * Internet let in or kept out by an NSG at a way in, a route host looked up from a pod with public DNS's answer, "looks
 * up just 'server'", a prefix frontend's range, a policy said before "are networkpolicies enforced?", what's-my-IP
 * services, "halp", "getting started guide", a pod's CPU level, "<url> which pod ends up serving this?", "from pod
 * x/a, does the short name … resolve?"). Floors: this measurement, rounded down.
 * The model retrained on round 46's reading with sets 52 and 53 in its training: 289/293, 0 (policy 31/33: "an NSG
 * rule blocking the internet in front of the app gateway subnet" is read as policy again). */
const FLOOR: Record<string, number> = {
  all: 98, // 289/293
  dns: 100, // 35/35
  'east-west': 100, // 27/27
  egress: 100, // 32/32
  help: 100, // 25/25
  inbound: 100, // 34/34
  'load-balancers': 100, // 26/26
  pod: 100, // 27/27
  policy: 93, // 31/33
  unknown: 100, // 27/27
  'what-is': 92, // 25/27
};
const MISROUTES = 0;

heldoutTest(53, FLOOR, MISROUTES, { coverage: [24, 24] });
