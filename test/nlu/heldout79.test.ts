/**
 * Held-out set 79 (test/nlu/heldout-79.jsonl, 313 lines): questions as on-call people write them in Teams, each
 * labelled with what a correct bot must understand (family, status, subject or parties, port, addresses, facts the
 * snapshot data proves).
 *
 * Places: a ferry operator's boarding gates, a cheese dairy's cold rooms, a public library's e-book lending, a
 * veterinary clinic's x-ray archive, a ski lift's gate counters, a water utility's pump telemetry, a music festival's
 * wristband scanners, a dental practice's appointment system, a toy store's webshop, school weather stations.
 * Voices: a Cisco ASA veteran, a QA tester, a cloud architect, a product owner, an operations manager reading a
 * dashboard, a Kubernetes newcomer from VMware, writers of English whose first language is Finnish, Korean, Greek,
 * Romanian, Indonesian or Egyptian Arabic.
 * Shapes: plain, terse, incident, ticket, url, plural/group, pod-ip, by-ip, cidr, typo, teams-html, pasted-output
 * (kubectl, oc, dig, nslookup, ss, conntrack, nmap, traceroute, curl, NSG flow log, Azure Firewall log), follow-up,
 * two-questions, not-found, short-name, fqdn, azure-service, split-horizon, record-type, firewall-admin, non-native,
 * change, cost, other-cloud, gibberish, off-topic.
 * Snapshots: the demo (65), aks-lb (56), netpol-e2e (12) and every other fixture folder (6 to 9 each), asked about
 * its own feature: hub firewall and its NAT gateway, NAT gateway, UDR, Firewall Policy rules and DNAT, NVA behind an
 * internal LB, Virtual WAN routing intent, Application Gateway (AGIC, with and without an NSG), AGC, NSGs with ASGs
 * and service tags, a BYO subnet NSG, flat Azure CNI, pod subnet, overlay, custom DNS, outbound none, private
 * subnet, LB prefix, IP-based pools at the SNAT limit, effective routes (AKS and ARO), EgressIP, Front Door.
 *
 * Written without reading the parser, its corpus or the other held-out sets.
 */
import { heldoutTest } from './heldout-check';

/** Unseen: first measured at 83f5e4a (the parser and model of round 64), before any change to the parser made after it
 * was written: 299/313 (95.5 %), 6 confident misroutes. Floors: the latest measure, rounded down.
 * Rounds 65, 66 and 67 (tuned on sets 77, 78, 71 and 37, not on this one), and the load balancers' answer counting a
 * prefix's addresses (1f14e31, prompted by this set's miss): 302/313 (96.5 %), 5 confident misroutes.
 * Rounds 68–70 (tuned on sets 80–83, not on this one), the model retrained with sets 62–78 and the fixes after:
 * 306/313 (97.8 %), 2 confident misroutes. */
const FLOOR: Record<string, number> = {
  all: 97,
  egress: 100,
  inbound: 100,
  'east-west': 89,
  policy: 100,
  dns: 96,
  'what-is': 100,
  'load-balancers': 100,
  pod: 96,
  help: 96,
  unknown: 96,
};
const MISROUTES = 2;

heldoutTest(79, FLOOR, MISROUTES, { coverage: [26, 26] });
