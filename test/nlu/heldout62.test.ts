// Held-out set 62 (test/nlu/heldout-62.jsonl): 316 questions as on-call people write them in Teams, about new places
// (a harbour pilot dispatch desk, a bell foundry's casting log, a thermal spa's booking app, sheepdog trial scoring, a
// fossil museum's audio guide, a tea auction, a hop farm's irrigation, a canoe rental, bridge toll gantries, a
// taxidermy workshop). Voices: a Cisco ASA / Palo Alto admin, a SOC 2 auditor collecting evidence, a data scientist, a
// product owner, a first-week on-call developer, a release manager during a freeze, finance asking about the bill,
// writers of English whose first language is Portuguese / Turkish / Vietnamese / German. Shapes: plain, terse,
// incident, ticket, url, plural/group, pod-ip, by-ip, cidr, typo, teams-html (`<p>`, `<at>`, `&nbsp;`, `<br>`,
// `<blockquote>`), pasted-output (`kubectl get pods`, `kubectl describe svc`, `az network nic
// show-effective-route-table`, `nslookup`, `mtr`, `ss -tnp`, `conntrack -L`, Azure Firewall log and NSG flow-log
// lines), follow-up, two-questions, not-found, short-name, fqdn, azure-service, split-horizon, record-type,
// firewall-admin, non-native, change, cost, other-cloud, gibberish, off-topic. Snapshots: the demo and aks-lb most,
// netpol-e2e and every other fixture at least three times. Labels come from the fixture data. Written without
// reading the parser, its corpus or the other held-out sets.
import { heldoutTest } from './heldout-check';

/** Unseen: first measured at 934c65c (the parser and model of 5c3d700, with the load balancer list's address
 * reading), before any tuning on this set: 299/316 (94.6 %), 9 confident misroutes; with round 54 (tuned on set 61)
 * and the model retrained with sets 60 and 61: 301/316 (95.3 %), 7 (help 26/27 → 25/27: "can you check network
 * policies for me?" is no longer the help card); round 55 (tuned on this set): 311/316, 1. Floors: round 55's
 * figures, rounded down. */
const FLOOR: Record<string, number> = {
  all: 98,
  egress: 100,
  inbound: 96,
  'east-west': 100,
  policy: 96,
  dns: 100,
  'what-is': 100,
  'load-balancers': 96,
  pod: 96,
  help: 96,
  unknown: 100,
};
const MISROUTES = 1;

heldoutTest(62, FLOOR, MISROUTES, { coverage: [24, 24] });
