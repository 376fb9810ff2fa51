// Held-out set 40 (test/nlu/heldout-40.jsonl): 287 questions, the nine families and out-of-scope requests, on the
// demo and every fixture (netpol-e2e included). New writers and situations: a sports club's membership app, a print
// shop's job queue, an opera house's surtitle system, a city bike-lane counter, a mountain hut booking site, a seed
// bank's catalogue, tram depot tablets, a radio station's playout system, a coffee roaster's e-shop and a hackathon's
// demo cluster; a student intern asking for a report paragraph, a support engineer translating a customer's German or
// Spanish words, every name in quotes or backticks, full Kubernetes resource paths (`deployment.apps/web`, `svc/api`,
// `pod/db-0`, `route.route.openshift.io/…`), IP:port pairs only, a change manager's "what breaks if…" (a path question
// or, for a change, out of scope), an auditor's "show evidence that…", "still" / "again" / "now" after an incident,
// the ask in a P.S., checklists with [ ] boxes, and a product named next to a pod ("the Front Door in front of
// sqlapi", "the web pods behind the Application Gateway"). Also in the older voices (phone, dev, network engineer,
// pasted kubectl / az / curl output, Teams mentions, ESL, ITSM tickets, a chat thread whose last line asks):
// outside clients by place or address on Services, ingresses, AGIC, AGC and Front Door; the load balancer as the
// subject; change tickets confirming allow / deny with ports; what-is of NAT gateway, firewall, prefix, LB and Front
// Door addresses; DNS in plain words; help; change requests and other clouds answered with the scope reply; one-word
// asks that need a choice; names and addresses that do not exist.
// Written without reading the parser, its corpus or the other held-out sets.
import { heldoutTest } from './heldout-check';

/** Unseen: round 32 with set 38 in the model's training (08023b5, the code the set was written on) 261/287 = 90.9 %,
 * 3 confident misroutes, 6 asked with the right reading; round 33 (77a6eeb) 261, 3, 6; set 39 in the model's training
 * 263, 3 (what-is 27/29). Floors: the lowest of these, rounded down. */
const FLOOR: Record<string, number> = {
  all: 90, // 261/287
  dns: 96, // 27/28
  'east-west': 86, // 25/29
  egress: 83, // 25/30
  help: 85, // 24/28
  inbound: 89, // 26/29
  'load-balancers': 100, // 28/28
  pod: 90, // 27/30
  policy: 85, // 24/28
  unknown: 96, // 27/28
  'what-is': 93, // 27/29
};
const MISROUTES = 3;

heldoutTest(40, FLOOR, MISROUTES, { coverage: [24, 24] });
