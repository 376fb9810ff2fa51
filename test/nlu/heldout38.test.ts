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
 * = 88.5 %, 15 confident misroutes, 5 asked with the right reading; with set 36 in the model's training and the model
 * answering from 80 % (bab99d5) 262/295, 15. Round 32 (tuned on it): names listed for one ask answered each, DNS said
 * for a workload is its pods' resolver, images naming their pods, verdict words ("would anything block it", "does it
 * affect", "confirm X reaches Y", "and …" under a quoted verdict), whoever is at an address that opens ours is the
 * client, "just the X → Y leg" of a chain, DNS by "works as a name" / "that lookup", lbi-/lbe-/lb- names, an address,
 * frontend or node on the bill asked about, a node by its address, allow-list / forced tunnel, an address labelled in
 * brackets, telnet:// URLs, a team's namespace, the bot's last answer — 294/295 = 99.7 %, 0 confident misroutes, with
 * the committed model (the pod "listening on the postgres port" is still not found). Floors: that figure, rounded
 * down. Round 34 (tuned on set 40): 295/295 (a pod named by the port it listens on). */
// (every family: 100, a family's floor when none is set)
const FLOOR: Record<string, number> = { all: 100 };
const MISROUTES = 0;

heldoutTest(38, FLOOR, MISROUTES, { coverage: [24, 24] });
