// Held-out set 84 (test/nlu/heldout-84.jsonl): 320 questions as on-call people type them, each labelled with what a
// correct bot must understand (family, status, subject or pair, port, addresses, strings the answer must hold), the
// labels taken from the snapshot data only. Written without reading the parser, its corpus or the other held-out sets.
//
// Places: an observatory's telescope queue (demo, aro-afd, aro-egressip), a funeral home's livestream (aks-lb and its
// CNI/NSG variants), a skate park's CCTV viewer (AGIC, AGIC with NSG, AGC), a seed bank's freezer alarms (NAT gateway,
// private subnet), a ferry terminal's car-park barriers (UDR to the hub firewall, firewall policy, DNAT, NVA behind an
// ILB), a choir's rehearsal planner (netpol-e2e), a wind farm's turbine SCADA (Virtual WAN hub, hub-spoke firewall), a
// vet clinic's pharmacy (Azure CNI with NSGs, ASGs and service tags, custom DNS), a laundry chain's machine app
// (IP-based pools, LB prefix, outbound none), a mountain rescue's radio gateway (effective routes, forced tunnelling).
// Voices: a Check Point admin, a frontend developer, a network operations centre lead, an SRE on their first on-call,
// a consultant writing a migration report, a cloud FinOps analyst, and writers whose first language is Swiss German,
// Bengali, Czech, Gulf Arabic, Hungarian or Bulgarian.
// Shapes: plain, terse, incident, ticket, url, plural, pod-ip, by-ip, cidr, typo, teams-html, pasted-output (kubectl,
// nslookup, dig, curl, traceroute, conntrack, ss, az, firewall log), follow-up, two-questions, not-found, short-name,
// fqdn, azure-service, split-horizon, record-type, firewall-admin, non-native, change, cost, other-cloud, gibberish,
// off-topic.
// Snapshots: demo 65, aks-lb 58, netpol-e2e 13, and 6 to 10 on every other fixture folder (metrics excluded).
import { heldoutTest } from './heldout-check';

/** Unseen: first measured at 40e179b (the parser and model of round 67), before any change made after it was
 * written: 301/320 (94.1 %), 8 confident misroutes. Floors: the latest measure, rounded down.
 * Rounds 68–70 (tuned on sets 80–83, not on this one), the model retrained with sets 62–78 and the fixes after:
 * 305/320 (95.3 %), 4 confident misroutes. */
const FLOOR: Record<string, number> = {
  all: 95,
  dns: 100,
  'east-west': 96,
  egress: 90,
  help: 100,
  inbound: 82,
  'load-balancers': 96,
  pod: 100,
  policy: 92,
  unknown: 100,
  'what-is': 100,
};
const MISROUTES = 4;

heldoutTest(84, FLOOR, MISROUTES, { coverage: [26, 26] });
