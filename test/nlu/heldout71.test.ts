// Held-out set 71 (test/nlu/heldout-71.jsonl): 319 questions as on-call people type them in Teams, each labelled
// with what a correct bot must understand (family, status, subject or client and target, port, addresses, facts the
// answer must hold), every label taken from the snapshot data.
//
// Places: a lighthouse museum's audio guide, a ferry ticket office, a community radio station's stream, a fencing
// club's bout scoring, a cheese cave's humidity sensors, a hospital pharmacy's dispensing robot, a municipal
// snow-plough fleet, a theatre's costume rental, a recycling centre's weighbridge, a kite-surfing school.
// Voices: a Juniper and a Cisco network engineer, a QA tester, a product owner, a data engineer, an SRE new to Azure,
// a compliance auditor, and writers whose first language is Icelandic, Greek, Malay, Ukrainian, Hebrew or Yoruba.
// Shapes: plain, terse, incident, ticket, url, plural/group, pod-ip, by-ip, cidr, typo, teams-html, pasted-output
// (kubectl, oc, az, ss, conntrack, dig, traceroute, resolver errors), follow-up, two-questions, not-found,
// short-name, fqdn, azure-service, split-horizon, record-type, firewall-admin, non-native, change, cost,
// other-cloud, gibberish, off-topic.
// Snapshots: the demo (67), aks-lb (57), netpol-e2e (15) and every other fixture folder (7–9 each), each asked
// about its own feature: hub firewall and its NAT gateway, NAT gateway, UDR, Firewall Policy rules and DNAT,
// Virtual WAN, Application Gateway (with and without an NSG), Application Gateway for Containers, NSGs with ASGs and
// service tags, the customer's subnet NSG, EgressIP, Front Door, custom DNS, outbound none, private subnet, pod
// subnet, overlay, LB prefix, IP-based pools at the SNAT limit, NVA behind an internal LB, effective routes.
// Written without reading the parser, its corpus or the other held-out sets.
import { heldoutTest } from './heldout-check';

/** Unseen: first measured at b92be0b (the parser and model of 7277722), before any change to the parser made after it
 * was written: 310/319 (97.2 %), 3 confident misroutes. Floors: the latest measure, rounded down.
 * Round 59 (tuned on set 70, not on this one): 311/319 (97.5 %), 2 confident misroutes.
 * Round 60 (tuned on set 72, not on this one): 310/319 (97.2 %), 3 confident misroutes — "the radio encoder in
 * the shared spoke, 10.130.1.5 - which source does it see from api?" is now read as another pair.
 * Round 61 (tuned on set 73, not on this one): 311/319 (97.5 %), 2 confident misroutes.
 * Rounds 62, 63 and 64 (tuned on sets 75, 74 and 76, not on this one): 311/319 (97.5 %), 2 — unchanged.
 * Round 67 (tuned on it): 318/319 = 99.7 %, 1 confident misroutes. */
const FLOOR: Record<string, number> = {
  all: 99,
  egress: 100,
  inbound: 100,
  'east-west': 100,
  policy: 97,
  dns: 100,
  'what-is': 100,
  'load-balancers': 100,
  pod: 100,
  help: 100,
  unknown: 100,
};
const MISROUTES = 1;

heldoutTest(71, FLOOR, MISROUTES, { coverage: [26, 26] });
