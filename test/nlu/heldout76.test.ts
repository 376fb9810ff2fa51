// Held-out set 76 (test/nlu/heldout-76.jsonl): 319 questions as on-call people type them, each labelled from the
// snapshot data (family, status, subject or client/target, port, address, what the answer must contain).
// Written without reading the parser, its corpus or the other held-out sets.
//
// Places: a mountain rescue team's radio relay, a vineyard's irrigation controller, a tattoo studio's booking page,
// a container port's crane telemetry, a public swimming pool's turnstiles, a food bank's inventory, an airport's
// baggage belts, a chess club's online ladder, a laundry chain's washing machines, a puppet theatre's ticketing.
// Voices: a Check Point firewall admin, a networking student, a Windows Server admin, a release manager, a DevOps
// consultant billing by the hour, a night-shift NOC operator, and writers of English whose first language is
// Norwegian, Argentinian Spanish, Tamil, Hungarian, Swedish or Cantonese.
// Shapes: plain, terse, incident, ticket, url, plural/group, pod-ip, by-ip, cidr, typo, teams-html, pasted-output
// (oc / kubectl / conntrack / nslookup / curl / traceroute), follow-up (a quoted earlier answer), two-questions,
// not-found, short-name, fqdn, azure-service, split-horizon, record-type, firewall-admin, non-native, change, cost,
// other-cloud, gibberish, off-topic.
// Snapshots: the demo (69), aks-lb (58), netpol-e2e (14) and every other fixture folder (6–9 each), each asked about
// its own feature: NAT gateway, UDR to a hub firewall, firewall policy rules and DNAT, IP-based pools at the SNAT
// limit, an outbound prefix, the customer's NSG, AGIC with and without an NSG, AGC, Azure CNI with NSGs and ASGs,
// Virtual WAN routing intent, an NVA behind an internal LB, outbound none, a private subnet, a pod subnet, overlay,
// custom DNS, effective routes (AKS and ARO), Front Door, an OpenShift EgressIP and a hub with a NAT-gatewayed
// firewall.
import { heldoutTest } from './heldout-check';

/** Unseen: first measured at 381ec45 (the parser and model of round 61), before any change to the parser made after it
 * was written: 290/319 (90.9 %), 13 confident misroutes. Floors: the latest measure, rounded down.
 * Round 63 (tuned on set 74, not on this one): 292/319 (91.5 %), 11 confident misroutes.
 * Round 62 (tuned on set 75, not on this one) merged after it: 294/319 (92.2 %), 11 confident misroutes — five more
 * right, and a pair that was answered is now asked about ("the … relay (web) posts positions to api on 8080 — does that
 * detour via the NVA?": the retrained model reads egress at 0.68 and disputes the pair).
 * Round 64 (tuned on it): 309/319 = 96.9 %, 0 confident misroutes. */
const FLOOR: Record<string, number> = {
  all: 96,
  egress: 97,
  inbound: 93,
  'east-west': 100,
  policy: 94,
  dns: 96,
  'what-is': 97,
  'load-balancers': 100,
  pod: 93,
  help: 96,
  unknown: 100,
};
const MISROUTES = 0;

heldoutTest(76, FLOOR, MISROUTES, { coverage: [26, 26] });
