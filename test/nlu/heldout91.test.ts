// Held-out set 91: 318 questions as on-call people type them, each labelled from the snapshot data only.
// Places: a bell foundry's furnace monitors, an ice-hockey arena's scoreboard, a truffle farm's soil probes, a tram
// museum's ticket desk, a horse auction's bidding app, a greenhouse florist's irrigation, a kayak rental's booking
// page, a print-on-demand T-shirt shop, a rural clinic's telehealth video and a cider press's bottling tracker.
// Voices: a WatchGuard firewall admin, a Rust developer, a platform engineer writing runbooks, an auditor collecting
// evidence, an incident commander on a bridge call, an intern, and writers of English whose first language is Georgian,
// Malay, Urdu, Yoruba, Galician or Mongolian.
// Shapes: plain, terse, incident, ticket, url, plural, pod-ip, by-ip, cidr, typo, teams-html, pasted-output
// (oc/kubectl, ss, conntrack, nslookup, access-log and firewall-log lines), follow-up, two-questions, not-found,
// short-name, fqdn, azure-service, split-horizon, record-type, firewall-admin, non-native, change, cost, other-cloud,
// gibberish, off-topic.
// Snapshots: the demo (63), aks-lb (55), netpol-e2e (14) and 7–9 on every other fixture folder, each asked about its
// own feature (hub firewall, NAT gateway, UDR, Virtual WAN, AGIC, AGC, NSGs and ASGs, firewall DNAT and policy rules,
// EgressIP, Front Door, custom DNS, outbound none, private subnet, pod subnet, overlay, LB prefix, IP-based pools,
// effective routes, an NVA behind an internal LB).
// Written without reading the parser, its corpus or the other held-out sets.
import { heldoutTest } from './heldout-check';

/** Unseen: first measured at 40fdff6, before any change made after it was written: 307/318 (96.5 %), 5 confident
 * misroutes. Floors: the latest measure, rounded down.
 * Round 76 (tuned on it): 312/318 = 98.1 %, 0 confident misroutes. */
const FLOOR: Record<string, number> = {
  all: 98,
  dns: 96,
  'east-west': 100,
  egress: 100,
  help: 100,
  inbound: 93,
  'load-balancers': 100,
  pod: 96,
  policy: 97,
  unknown: 100,
  'what-is': 96,
};
const MISROUTES = 0;

heldoutTest(91, FLOOR, MISROUTES, { coverage: [26, 26] });
