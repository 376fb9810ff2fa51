// Held-out set 48 (test/nlu/heldout-48.jsonl): 290 questions, the nine families and out-of-scope requests, on the
// demo and every fixture, in the usual voices (phone, dev, network engineer, paste, Teams mentions, ESL, ITSM tickets,
// managers) and new writers: a customer success manager relaying a customer, a capacity planner, an SRE on a train
// with bad signal, a network engineer who thinks in firewall zones (trust/untrust), a developer who knows only the
// Helm release, a release manager in a change freeze, a pair debugging out loud ("A: … B: …"), translators relaying
// Japanese and Spanish colleagues, a status-page writer filling a blank, an auditor asking for proof, an on-call
// reading an alert e-mail; services such as an e-scooter fleet, courier parcel lockers, a blood-donor app, stadium
// turnstiles, pharmacy e-prescriptions through Front Door, library self-checkout, a ferry car-deck scanner, an exam
// results portal, a garden centre stock feed, a radio telescope relay, a food bank rota and a mountain hut tablet.
// Shapes: outside clients by place or address (office, partner DC, a user in Japan) through the customer's subnet NSG
// on aks-lb-byo-nsg, App Gateway, AGC, Front Door, node ports and an internal load balancer; the load balancer as the
// subject; change tickets with an expected allow/deny; public IPs of NAT gateways, firewalls, prefixes and LB
// frontends; DNS in plain words; help and change requests; names and addresses that do not exist.
// Written without reading the parser, its corpus or the other held-out sets.
import { heldoutTest } from './heldout-check';

/** Unseen: first measured at 5cc11ea (the code the set was written on) 272/290 = 93.8 %, 9 confident misroutes;
 * round 40 (9c8e12f) 273, 9; set 47 in the model's training (3f0c3f7) 271/290 = 93.4 %, 9 (help and inbound a line
 * fewer each). Round 41 (tuned on it): 288/290 = 99.3 %, 1 confident misroute (the model, sure of egress, overrules
 * the pair's evidence on "web to api … forced through the VPN gateway like the internet stuff?"); "hey bot, scooter
 * fleet on-call here" still asks. Floors: round 41's measurement, rounded down. */
const FLOOR: Record<string, number> = {
  all: 99, // 288/290
  dns: 100, // 29/29
  'east-west': 96, // 27/28
  egress: 100, // 31/31
  help: 96, // 26/27
  inbound: 100, // 31/31
  'load-balancers': 100, // 29/29
  pod: 100, // 29/29
  policy: 100, // 28/28
  unknown: 100, // 28/28
  'what-is': 100, // 30/30
};
const MISROUTES = 1;

heldoutTest(48, FLOOR, MISROUTES, { coverage: [24, 24] });
