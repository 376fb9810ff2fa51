// Held-out set 83: 313 questions as on-call engineers type them, labelled from the snapshot data.
// Places: a zoo's feeding schedule, a car wash's payment terminals, a vineyard's irrigation sensors, an opera house's
// surtitle screens, a pet crematorium's booking form, a harbour's crane telemetry, a chess club's tournament app, a
// bakery chain's oven controllers, a hot-air balloon operator's flight log, a public swimming pool's turnstiles.
// Voices: a Juniper SRX admin, a Kubernetes beginner coming from Docker Compose, a security architect, an incident
// commander, an intern, a product manager, and writers whose first language is Swedish, Tagalog, Serbian, Swahili,
// Cantonese or Portuguese (Portugal).
// Shapes: plain, terse, incident, ticket, url, plural/group, pod-ip, by-ip, cidr, typo, teams-html, pasted-output
// (kubectl, oc, az, conntrack, dig, nslookup, curl, resolver errors), follow-up, two-questions, not-found, short-name,
// fqdn, azure-service, split-horizon, record-type, firewall-admin, non-native, change, cost, other-cloud, gibberish,
// off-topic.
// Snapshots: the demo (65), aks-lb (56), netpol-e2e (15) and every other fixture folder (7–9 each), each asked
// about its own feature (AGC, AGIC and its NSG, flat CNI NSGs, overlay, pod subnet, custom DNS, effective routes,
// firewall DNAT, IP-based pools at the SNAT limit, a customer NSG, an outbound prefix, NAT gateway, ASGs and service
// tags, an NVA behind an ILB, outbound none, a private subnet, UDR to a hub firewall, firewall policy rules, Virtual
// WAN, Front Door, ARO effective routes, EgressIP, a hub firewall in another subscription).
// Written without reading the parser, its corpus or the other held-out sets.
import { heldoutTest } from './heldout-check';

/** Unseen: first measured at 40e179b (the parser and model of round 67), before any change made after it was
 * written: 283/313 (90.4 %), 19 confident misroutes. Floors: the latest measure, rounded down.
 * Round 70 (tuned on it): 291/313 = 93.0 %, 11 confident misroutes.
 * The model retrained with sets 62–78 (and the fixes after round 70): 292/313 = 93.3 %, 12 confident misroutes
 * ("20.31.46.88 — nginx or the load balancer itself?" was asked, now answered as the way in; unseen sets 79 and 84
 * gained 4 lines each and lost 3 and 4 misroutes with it).
 * Round 82 (tuned on it): 313/313 = 100.0 %, 0 confident misroutes. */
// (every family: 100, a family's floor when none is set)
const FLOOR: Record<string, number> = { all: 100 };
const MISROUTES = 0;

heldoutTest(83, FLOOR, MISROUTES, { coverage: [26, 26] });
