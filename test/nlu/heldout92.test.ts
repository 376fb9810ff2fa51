// Held-out set 92: 315 questions written blind (without reading the parser, its corpus or the other held-out sets),
// labelled from the snapshot data only.
//
// Places: a clock-repair shop's parts orders, a wildlife rescue's intake forms, a shipping canal's pilot roster, a
// surf school's wave forecasts, a model-railway club's layout controllers, a coffee roaster's drum sensors, a
// volunteer fire brigade's pager app, a bouldering gym's route setter tool, a fairground's ride sensors and a pharmacy
// chain's prescription lookup.
// Voices: a Juniper SRX admin, a C# developer, a product owner asking for a customer, a penetration tester with
// permission, an on-call database reliability engineer, a network student, and writers of English whose first
// language is Armenian, Kazakh, Thai, Zulu, Maltese or Belarusian.
// Shapes: plain, terse, incident, ticket, url, plural/group, pod-ip, by-ip, cidr, typo, teams-html, pasted-output
// (kubectl, nslookup, resolv.conf, az, curl, an Azure Firewall DNAT log line), follow-up, two-questions, not-found,
// short-name, fqdn, azure-service, split-horizon, record-type, firewall-admin, non-native, change, cost, other-cloud,
// gibberish, off-topic.
// Snapshots: the demo (66), aks-lb (56), netpol-e2e (14) and every other fixture folder (7–9 each), each asked about
// its own feature: hub firewall with a NAT gateway, NAT gateway, UDR to a firewall, firewall policy rules, DNAT,
// Virtual WAN routing intent, NVA behind an internal LB, AGIC, AGIC with an NSG, AGC, Front Door, EgressIP, custom
// DNS, effective routes (AKS and ARO), outbound none, private subnet, pod subnet, overlay, LB prefix, IP-based pools,
// a customer NSG on the subnet, NSGs with ASGs and service tags, Azure CNI with NSGs.
// Written without reading the parser, its corpus or the other held-out sets.
import { heldoutTest } from './heldout-check';

/** Unseen: first measured at 40fdff6, before any change made after it was written: 297/315 (94.3 %), 11 confident
 * misroutes. Floors: the latest measure, rounded down. Never tuned on: only measured. */
const FLOOR: Record<string, number> = {
  all: 94,
  dns: 96,
  'east-west': 96,
  egress: 92,
  help: 81,
  inbound: 93,
  'load-balancers': 96,
  pod: 96,
  policy: 94,
  unknown: 92,
  'what-is': 100,
};
const MISROUTES = 11;

heldoutTest(92, FLOOR, MISROUTES, { coverage: [26, 26] });
