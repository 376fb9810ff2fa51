// Held-out set 73: 317 questions as on-call people type them, labelled from the snapshot data only (pods, Services,
// routes, nodes, public IPs, load balancers, firewalls, NAT gateways, NSGs, DNS servers of each snapshot).
// Written without reading the parser, its corpus or the other held-out sets.
//
// Places: a planetarium's show schedule, a farmers' market's stall payments, a lifeguard roster, a craft brewery's
// fermentation tanks, a pottery kiln scheduler, a climbing gym's check-in, a veterinary clinic's X-ray archive, a ski
// lift pass system, a blood-donation van, a translation agency's job queue.
// Voices: a MikroTik and an Arista network engineer, an SAP basis admin, a game developer, a student intern, a data
// protection officer, a night-shift NOC operator, firewall admins; English written by people whose first language is
// Polish, Turkish, Indonesian, Japanese, Brazilian Portuguese or Korean.
// Shapes: plain, terse commands, incident and ticket messages, URLs, plural/group, pod IPs, addresses, CIDRs, typos,
// Teams HTML (<p>, <at>, &nbsp;, <code>), pasted output (oc, kubectl -o name, az, ss, conntrack, dig, nslookup,
// traceroute, an Azure Firewall log line), follow-ups, two questions in one, names that exist nowhere (not found),
// short pod names, FQDNs, Azure services, split-horizon DNS, record types, firewall admins' questions, non-native
// English; out of scope: changes, costs, other clouds, gibberish, off-topic; names alone (buttons).
// Snapshots: the demo (65), aks-lb (57), netpol-e2e (13) and every other fixture folder (6-10 each), each asked about
// its own feature: NAT gateway, UDR to a hub firewall, firewall policy rules, IP-based pools at the SNAT limit, outbound
// prefix, Virtual WAN routing intent, hub firewall with a NAT gateway, NVA behind an internal LB, outbound none,
// private subnet, effective routes (AKS and ARO), EgressIP, Front Door, AGIC (with and without an NSG), AGC, firewall
// DNAT, a customer NSG, flat Azure CNI with NSGs, ASGs and service tags, pod subnet, custom DNS, overlay.
import { heldoutTest } from './heldout-check';

/** Unseen: first measured at 9961202 (the parser and model of 7277722), before any change to the parser made after it
 * was written: 298/317 (94.0 %), 9 confident misroutes. Floors: the latest measure, rounded down.
 * Round 59 (tuned on set 70, not on this one): 298/317 (94.0 %), 9 confident misroutes.
 * Round 60 (tuned on set 72, not on this one): 298/317 (94.0 %), 8 confident misroutes.
 * Round 61 (tuned on it): 316/317 = 99.7 %, 0 confident misroutes. */
const FLOOR: Record<string, number> = {
  all: 99,
  egress: 100,
  inbound: 100,
  'east-west': 100,
  policy: 100,
  dns: 100,
  'what-is': 100,
  'load-balancers': 96,
  pod: 100,
  help: 100,
  unknown: 100,
};
const MISROUTES = 0;

heldoutTest(73, FLOOR, MISROUTES, { coverage: [26, 26] });
