/**
 * Held-out set 78: 320 questions as on-call people type them, with what a correct bot must understand
 * (family, status, subject or pair, port, address, client address, strings the answer must contain).
 *
 * Places: a lighthouse museum's ticket desk, a dog grooming salon's booking page, a craft brewery's fermentation
 * sensors, a planetarium's show scheduler, a bike-sharing dock network, a hospital pharmacy's dispensing robots, a
 * florist's delivery vans, a climbing gym's membership scanners, a recycling plant's sorting line and a theatre's
 * ticket resale. Voices: a Fortinet FortiGate admin, a data engineer, a platform team lead, a service desk agent
 * escalating a ticket, an IT auditor, a network architect from a telco, and writers of English whose first language
 * is Italian, Polish, Hindi, Japanese, Dutch or Turkish.
 *
 * Shapes: plain, terse, incident, ticket, url, plural/group, pod-ip, by-ip, cidr, typo, teams-html, pasted-output
 * (kubectl, az, conntrack, dig, nslookup, curl, a FortiGate log line), follow-up (with the quoted answer), two
 * questions, not-found, short-name, fqdn, azure-service, split-horizon, record-type, firewall-admin, non-native,
 * change, cost, other-cloud, gibberish, off-topic.
 *
 * Snapshots: the demo (65), aks-lb (57), netpol-e2e (16) and every other fixture folder (6 to 12 each), each asked
 * about its own feature: hub firewall with a NAT gateway, NAT gateway, UDR to a firewall, firewall policy rules and
 * DNAT, Virtual WAN routing intent, Application Gateway (with and without its NSG), Application Gateway for
 * Containers, NSGs with ASGs and service tags, the customer's subnet NSG, EgressIP, Front Door, custom DNS,
 * outbound none, a private subnet, pod subnet, overlay, LB prefix, IP-based pools, an NVA behind an ILB and
 * effective routes (AKS and ARO).
 *
 * Written without reading the parser, its corpus or the other held-out sets.
 */
import { heldoutTest } from './heldout-check';
/** Unseen: first measured at 83f5e4a (the parser and model of round 64), before any change to the parser made after it
 * was written: 298/320 (93.1 %), 5 confident misroutes. Floors: the latest measure, rounded down.
 * Round 66 (tuned on it): 311/320 = 97.2 %, 0 confident misroutes. */
const FLOOR: Record<string, number> = {
  all: 97,
  egress: 100,
  inbound: 84,
  'east-west': 100,
  policy: 97,
  dns: 96,
  'what-is': 100,
  'load-balancers': 96,
  pod: 97,
  help: 100,
  unknown: 100,
};
const MISROUTES = 0;
heldoutTest(78, FLOOR, MISROUTES, { coverage: [26, 26] });
