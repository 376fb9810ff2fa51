// Held-out set 38 (test/nlu/heldout-38.jsonl): 295 questions, the nine families and out-of-scope requests, on the demo
// and every fixture. Half the lines come from writers and places no earlier set had: a vet clinic's booking app, a
// school district's timetable, bike-share docks, a recycling plant's weighbridge, concert wristbands, a translation
// agency's upload portal, a flight school's simulator scheduling, vineyard irrigation telemetry, a newsroom paywall, a
// court's e-filing, a marina, a climbing gym, a swimming pool, a rowing club, a choir, a tailor, a florist, a brewery,
// a bakery chain, beekeepers, a dog groomer, a dental lab, a planetarium, a zoo, a ferry operator, a library and a
// mountain-rescue callout app; a finance controller reconciling the invoice ("why do we pay for …"), a trainee in
// full formal sentences, an engineer thinking aloud over several short lines, a quote of the bot's previous answer
// with a follow-up, a greeting and sign-off around a one-line ask, workloads named by container image, by label
// ("app=web") or by a Service port name, "is it still X?", three subjects in one ask, "both" / "all", British
// idioms, a rubber-duck explanation ending in a question, hedged questions ("I might be wrong but …") and which of
// two readings was taken. Also the known weak spots: outside clients by place or address reaching a Service, route,
// Application Gateway, AGC or Front Door; the load balancer as the subject; change approvals with ports; what-is of
// NAT gateway, firewall, LB-frontend and prefix addresses; DNS in plain words; help; change requests (scope);
// negations; two asks in one message; pod and node IPs as subjects; names and addresses that do not exist.
// Written without reading the parser, its corpus or the other held-out sets, and not run through the bot.
import { heldoutTest } from './heldout-check';

/** Unseen: round 31 with set 35 in the model's training (40cdb08, a commit after the one the set was written on) 261/295
 * = 88.5 %, 15 confident misroutes, 5 asked with the right reading. Floors: this measurement, rounded down. */
const FLOOR: Record<string, number> = {
  all: 88, // 261/295
  dns: 86, // 25/29
  'east-west': 85, // 24/28
  egress: 84, // 28/33
  help: 96, // 27/28
  inbound: 93, // 28/30
  'load-balancers': 89, // 26/29
  pod: 83, // 25/30
  policy: 82, // 24/29
  unknown: 96, // 28/29
  'what-is': 86, // 26/30
};
const MISROUTES = 15;

heldoutTest(38, FLOOR, MISROUTES, { coverage: [24, 24] });
