// Held-out set 49 (test/nlu/heldout-49.jsonl): 277 questions, the nine families and out-of-scope requests, on the
// demo, netpol-e2e and every fixture (aks-agic-nsg included). Voices kept from earlier sets: phone, dev, neteng,
// paste, teams, ESL, ticket, manager. New writers and situations: a DBA who thinks in connection strings and JDBC
// URLs, a frontend developer who knows only the URL or an env var, a procurement officer, an intern reading the wiki
// aloud, an SRE handing over at shift end, a network engineer comparing with the on-prem F5 (VIP, pool, AFM, LTM), a
// security champion's threat model, a manager forwarding a customer's angry e-mail, a question in the middle of a
// postmortem, a Windows admin in RDP/VM words, a support agent's ticket macro, an architect's "client → LB → pod"
// arrows, a chaos engineer's game-day hypothesis, a mainframe engineer's VTAM/LPAR words, sticky notes, calendar
// invites, notebook cells, a release-train risk, a legal-hold evidence pack, chat threads where only the last line
// asks; vineyard frost sensors, cinema ticket kiosks, marathon bib-chip readers, dental-lab scan uploads, harbour
// ferry screens, an e-voting pilot, a toy shop's click-and-collect, a museum audio guide, an airport baggage
// reconcile feed, brewery tank sensors, a hospice nurse-call app, tram passenger counters, a tote board, a pier
// arcade, a paint mixer, a lighthouse webcam, an organ-donor registry. Shapes stressed: outside clients named by
// place or address (office, partner DC, a user in Japan) through a LoadBalancer, ingress-nginx, Application Gateway
// with and without a subnet NSG, AGC and Front Door; the customer's NSG on the node subnet; the load balancer as the
// subject; change tickets with an expected allow/deny; what-is of NAT-gateway, firewall, prefix, LB and Front Door
// addresses; DNS in plain words; help; change requests that must get the scope reply; negations, comparisons, two
// asks in one message; pod and node IPs as subjects; workloads as groups of replicas; names that do not exist.
// Written without reading the parser, its corpus or the other held-out sets.
import { heldoutTest } from './heldout-check';

/** Unseen: first measured at 9c8e12f (the code the set was written on) 254/280 = 90.7 %, 12 confident misroutes;
 * set 47 in the model's training (3f0c3f7) 255, 11; round 41 (140ec71) 256, 11; set 48 in the model's training
 * (814b971) 257/280 = 91.8 %, 11.
 * Round 42 (tuned on it): 266/280 = 95.0 %, 3 confident misroutes (a NetworkPolicy named that the cluster lacks,
 * "just the path", a load balancer's traffic policy, "what is this tool for?", a value to write for our pods on a
 * form, the owner of a connection string looks its host up, "not web, db-0." takes web back; one label: "who is
 * behind <IP>" may answer with the load balancers, as sets 24–26 label it); the model retrained on round 42's reading
 * (set 49 left out of its training) 263/280 = 93.9 %, 4; round 43 (a31ea38) 267/280, 2; the model retrained on its
 * reading 266/280 = 95.0 %, 2 (policy 24/27: a line the retrained model reads the other way); the model retrained on
 * round 50's reading 269/280, 3 (egress 27/29: "Data Source=tcp:partnerdb.example.net … what address does the remote
 * SQL box see us coming from?" taken as east-west by the model, 91 % sure, over the rules' egress). Floors: the lowest
 * family figures since round 42, rounded down. */
const FLOOR: Record<string, number> = {
  all: 93, // 263/280
  dns: 84, // 22/26
  'east-west': 96, // 26/27
  egress: 93, // 27/29
  help: 96, // 26/27
  inbound: 86, // 26/30
  'load-balancers': 96, // 27/28
  pod: 96, // 27/28
  policy: 88, // 24/27
  unknown: 96, // 27/28
  'what-is': 96, // 29/30
};
const MISROUTES = 4;

heldoutTest(49, FLOOR, MISROUTES, { coverage: [24, 24] });
