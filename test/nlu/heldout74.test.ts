// Held-out set 74 (test/nlu/heldout-74.jsonl): 320 questions as on-call people type them in Teams, each labelled
// with what a correct bot must understand (family, status, subject or pair, port, address, client address, and
// what the answer must contain), the labels taken from the snapshot data only.
//
// Places: an aquarium's feeding cameras, a bike-sharing dock network, a choir's rehearsal app, a fire station's
// dispatch pager, a tea plantation's drying sensors, a bowling alley's lane booking, a museum's ticket kiosk, a
// dentist's appointment SMS, a horse stable's feed log, a cinema's projector scheduler.
// Voices: a Sophos firewall admin, a VMware admin new to Kubernetes, an accountant turned ops person, a partner's
// solutions architect, a platform engineer writing a runbook, an exhausted on-call engineer at 4 a.m. full of typos,
// and writers of English whose first language is Dutch, Italian, Arabic, Hindi, Mandarin or Mexican Spanish.
// Shapes: plain, terse, incident, ticket, url, plural/group, pod-ip, by-ip, cidr, typo, teams-html, pasted-output
// (kubectl, oc, az, ss, conntrack, dig, nslookup, traceroute, curl, NSG flow log, Sophos log), follow-up,
// two-questions, not-found, short-name, fqdn, azure-service, split-horizon, record-type, firewall-admin, non-native,
// change, cost, other-cloud, gibberish, off-topic.
// Snapshots: the demo (65), aks-lb (58), netpol-e2e (15) and every other fixture folder (6 to 9 each), each asked
// about its own feature: hub firewall and its NAT gateway, NAT gateway, UDR, Firewall Policy rules, firewall DNAT,
// Virtual WAN routing intent, NVA behind an internal LB, Application Gateway (AGIC) and its NSG, AGC, customer NSG,
// ASGs and service tags, flat Azure CNI with NSGs, pod subnet, overlay, custom DNS, outbound none, private subnet,
// LB outbound prefix, IP-based pools at the SNAT limit, effective routes (AKS and ARO), EgressIP, Front Door.
//
// Written without reading the parser, its corpus or the other held-out sets.
import { heldoutTest } from './heldout-check';

/** Unseen: first measured at 0ea4a28 (the parser and model of round 59), before any change to the parser made after it
 * was written: 297/320 (92.8 %), 11 confident misroutes. Floors: the latest measure, rounded down.
 * Round 60 (tuned on set 72, not on this one): 299/320 (93.4 %), 13 confident misroutes — two more right, and two
 * lines not understood before now answered in the wrong family (a pair said in Dutch-flavoured English, a pasted
 * traceroute).
 * Round 61 (tuned on set 73, not on this one): 301/320 (94.1 %), 12 confident misroutes.
 * Round 63 (tuned on it): 314/320 = 98.1 %, 0 confident misroutes.
 * Round 62 merged after it (tuned on set 75, and its model retrained): 313/320 (97.8 %), 0 confident misroutes — a
 * pair with a take-back ("the sqlapi VM — sorry, pod — talks to …") is now asked about: the retrained model reads
 * egress at 0.54 and disputes the pair. */
const FLOOR: Record<string, number> = {
  all: 97,
  egress: 100,
  inbound: 96,
  'east-west': 93,
  policy: 96,
  dns: 97,
  'what-is': 96,
  'load-balancers': 96,
  pod: 100,
  help: 100,
  unknown: 100,
};
const MISROUTES = 0;

heldoutTest(74, FLOOR, MISROUTES, { coverage: [26, 26] });
