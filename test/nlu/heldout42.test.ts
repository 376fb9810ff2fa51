// Held-out set 42 (test/nlu/heldout-42.jsonl): 269 questions, the nine families and out-of-scope requests, on the
// demo and every fixture (netpol-e2e included), in the voices phone, dev, network engineer, paste, teams, ESL, ticket,
// manager, runbook, auditor, vendor and a chat thread whose last line asks. New writers and situations: an allotment
// society's plot booking, a rowing club's boat log, a planetarium's show scheduler, a pet-adoption shelter, a crossword
// app, a tyre-fitting chain, municipal pool turnstiles, a wedding-photo gallery, beekeepers' hive sensors, a comic
// shop's pre-orders, a lido's wristbands, an escape room, a food bank; pasted `dig` / `nslookup` output then a
// question, a support engineer quoting a customer's wrong words ("the cluster's firewall IP" for a load balancer or a
// NAT gateway; "your app gateway IP" for the egress address), single hosts written as /32, times with time zones,
// "is it normal that…", a wrong namespace with the right pod (not found) and `web/shop` written the other way round,
// "Goal / Context / Question" templates, a trainee asking the same thing twice in one message, made-up flags on terse
// commands (`egress web --verbose`, `lbs --all-regions`). Shapes stressed: outside clients by place reaching a
// Service, route, App Gateway, AGC or Front Door; the load balancer as the subject; change approvals naming an
// expected allow/deny with ports; what-is of NAT gateway, firewall, LB frontend, prefix and Front Door addresses; DNS
// asked in plain words; help; change requests and other clouds (scope reply); two asks in one message; pod and node
// IPs as subjects; workload names meaning every replica.
// Written without reading the parser, its corpus or the other held-out sets.
import { heldoutTest } from './heldout-check';

/** Unseen: first measured at 6aace58 (the code the set was written on) 257/269 = 95.5 %, 6 confident misroutes; after
 * round 34 (9ed8831) 257, 6; with set 40 in the model's training (ef06129) 257, 7 (egress 27/28, inbound 26/27);
 * round 35 (9c814d9) 257, 7; set 41 in the model's training (8e5882f) 258/269 = 95.9 %, 7.
 * Round 36 (tuned on it): 269/269, 0 confident misroutes (one label fix: "what's running on 10.224.0.5?" also takes
 * the pods on that node, as set 34 labels "what's running on 10.224.0.4?"). Floors: the measurement. */
// (every family: 100, a family's floor when none is set)
const FLOOR: Record<string, number> = { all: 100 };
const MISROUTES = 0;

heldoutTest(42, FLOOR, MISROUTES, { coverage: [24, 24] });
