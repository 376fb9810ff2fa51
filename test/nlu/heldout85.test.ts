// Held-out set 85: 318 questions as on-call people type them, each labelled with what a correct bot must
// understand (family, status, subject or client/target, port, address, outside client, facts the answer must hold).
// Places: a tidal power station's turbine logs, a hat maker's web shop, a sled-dog kennel's GPS collars, a
// shipyard's welding robots, a notary's document vault, a potato farm's storage climate, a carnival's ride
// tickets, a jazz club's ticket app, a language school's exam portal, a volcano observatory's seismograph feed.
// Voices: a Ubiquiti UniFi admin, an Ansible automation engineer, a data scientist, a service desk agent, a new
// graduate hire, a head of infrastructure writing to the vendor, firewall admins, and writers of English whose
// first language is Polish, Vietnamese, Turkish, Finnish, Indonesian or Greek.
// Shapes: plain, terse, incident, ticket, url, plural/group, pod-ip, by-ip, cidr, typo, Teams HTML, pasted output
// (kubectl, az, calico flow log, nslookup, access log, policy YAML), follow-up (a quoted earlier answer),
// two questions, not found, short names, FQDNs, Azure services and service tags, split horizon, record types,
// firewall admins, non-native English, changes, costs, other clouds, gibberish and off-topic.
// Snapshots: the demo (ARO), aks-lb, netpol-e2e and every other fixture folder (hub firewall, NAT gateway, UDR,
// firewall policy and DNAT, Virtual WAN, NVA behind an ILB, LB prefix, IP-based pools, private subnet, outbound
// none, effective routes on AKS and ARO, EgressIP, Front Door, AGIC with and without NSG, AGC, Azure CNI with
// NSGs and ASGs, pod subnet, custom DNS, overlay, BYO NSG), each with questions about its own feature.
// Written without reading the parser, its corpus or the other held-out sets.
import { heldoutTest } from './heldout-check';

/** Unseen: first measured at 2fddab0, before any change made after it was written: 307/318 (96.5 %), 4 confident
 * misroutes.
 * Round 71 (tuned on it): 317/318 = 99.7 %, 1 confident misroutes.
 * Floors: the latest measure, rounded down. */
const FLOOR: Record<string, number> = {
  all: 99,
  dns: 100,
  'east-west': 100,
  egress: 100,
  help: 100,
  inbound: 100,
  'load-balancers': 100,
  pod: 100,
  policy: 97,
  unknown: 100,
  'what-is': 100,
};
const MISROUTES = 1;

heldoutTest(85, FLOOR, MISROUTES, { coverage: [26, 26] });
