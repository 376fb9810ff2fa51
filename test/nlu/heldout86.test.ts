// Held-out set 86 (test/nlu/heldout-86.jsonl): 314 questions as on-call engineers type them in Teams, each labelled
// with what a correct bot must understand (family, status, subject or pair, port, address, client address, strings the
// answer must carry), every label read from the snapshot data.
//
// Places: a cable car operator's cabin sensors, a bookbinder's order queue, a dairy cooperative's tanker trucks, a
// university's study-room booking, an indoor farm's LED controllers, a racecourse's tote board, a water park's locker
// system, a monastery brewery's web shop, a cargo airline's container tracking, a public bath's sauna booking.
// Voices: a Cisco Meraki admin, an embedded firmware engineer, a penetration tester, a team lead back from leave, a
// Windows server admin, a technical writer, and writers of English whose first language is Dutch, Korean, Romanian,
// Hebrew, Thai or Italian.
// Shapes: plain, terse, incident, ticket, url, plural, pod-ip, by-ip, cidr, typo, teams-html, pasted-output (oc,
// kubectl, az, ss, conntrack, dig, nslookup, curl, traceroute, NSG flow log and Azure Firewall log lines), follow-up,
// two-questions, not-found, short-name, fqdn, azure-service, split-horizon, record-type, firewall-admin, non-native,
// change, cost, other-cloud, gibberish, off-topic.
// Snapshots: the demo (64), aks-lb (58), netpol-e2e (14) and every other fixture folder (6–10 each), each asked about
// its own feature: hub firewall with a NAT gateway, NAT gateway, UDR to Azure Firewall, Firewall Policy rules, DNAT,
// NVA behind an internal LB, Virtual WAN routing intent, Application Gateway (AGIC, with an NSG), Application Gateway
// for Containers, subnet and ASG/service-tag NSGs, Front Door, custom DNS, outbound none, private subnet, pod subnet,
// overlay, LB prefix, IP-based pools at the SNAT limit, effective routes (AKS and ARO), OpenShift EgressIP.
//
// Written without reading the parser, its corpus or the other held-out sets.
import { heldoutTest } from './heldout-check';

/** Unseen: first measured at 2fddab0, before any change made after it was written: 302/314 (96.2 %), 5 confident
 * misroutes. Floors: the latest measure, rounded down.
 * Round 72 (tuned on it): 312/314 = 99.4 %, 0 confident misroutes. */
const FLOOR: Record<string, number> = {
  all: 99,
  dns: 100,
  'east-west': 100,
  egress: 100,
  help: 96,
  inbound: 96,
  'load-balancers': 100,
  pod: 100,
  policy: 100,
  unknown: 100,
  'what-is': 100,
};
const MISROUTES = 0;

heldoutTest(86, FLOOR, MISROUTES, { coverage: [26, 26] });
