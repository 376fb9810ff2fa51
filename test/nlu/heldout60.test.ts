// Held-out set 60 (test/nlu/heldout-60.jsonl): 315 questions as on-call people write them in Teams, about new places
// (a violin maker's workshop, a tram depot's signalling, a seed bank's freezer monitors, a circus ticket office, a
// falconry centre, a cheese cave's aging sensors, a ski jump's wind meters, a rowing club, a hot-air balloon launch, a
// clock tower restoration, a velodrome app, marathon bib scanners). Voices: a tired on-call dev in lowercase
// fragments, Cisco ASA / Juniper SRX / Sophos firewall admins, a security reviewer asking for evidence, a support desk
// agent relaying a customer, a finance person without network words, an intern, a platform team lead, writers of
// English whose first language is Italian / Swedish / Turkish / Vietnamese / Arabic / Czech, people pasting
// `kubectl`, `oc`, `curl -v`, `dig`, `nslookup`, `traceroute`, `tcpdump`, `az network lb list`, NSG flow-log and Azure
// Firewall log lines, Teams HTML (`<p>`, `<at>packet-path</at>`, `&nbsp;`). Shapes: plain, terse, incident, ticket,
// url, plural/group, pod-ip, by-ip, cidr, typo, teams-html, pasted-output, follow-up, two-questions, not-found,
// short-name, fqdn, azure-service, split-horizon, record-type, firewall-admin, non-native, change, cost, other-cloud,
// gibberish, off-topic. Snapshots: the demo and aks-lb most, every other snapshot fixture (hub-spoke firewall, NAT
// gateway, CNI pod subnet and overlay, custom DNS, AGIC with and without NSG, AGC, NSG/ASG, UDR with and without a
// firewall policy, NVA behind an ILB, private subnet, outbound none, effective routes on AKS and ARO, IP-based pools,
// LB prefix, BYO NSG, ARO EgressIP, Front Door) and netpol-e2e. Labels come from the fixture data. Written without
// reading the parser, its corpus or the other held-out sets.
import { heldoutTest } from './heldout-check';

/** Unseen: first measured at 6d8a01c (the parser of 60e020c), before any tuning on this set: 297/315 (94.3 %), 7
 * confident misroutes; rounds 51 and 52 (tuned on sets 58 and 59) and the model retrained on their reading with sets
 * 56–59 in its training 300/315 (95.2 %), 6; round 53 (tuned on this set): 313/315, 1. */
const FLOOR: Record<string, number> = {
  all: 99,
  egress: 100,
  inbound: 96,
  'east-west': 100,
  policy: 100,
  dns: 96,
  'what-is': 100,
  'load-balancers': 100,
  pod: 100,
  help: 100,
  unknown: 100,
};
const MISROUTES = 1;

heldoutTest(60, FLOOR, MISROUTES, { coverage: [24, 24] });
