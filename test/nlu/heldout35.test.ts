// Held-out set 35 (test/nlu/heldout-35.jsonl): 269 questions, the nine families and out-of-scope requests, on the demo
// and every fixture. Most lines come from writers and situations earlier sets did not have: a pharmaceutical lab's
// validated (GxP) systems (validation records, IQ/OQ protocols, deviations), a stock exchange's market-data feed, a
// broadcaster's playout, farm field sensors, a shipping port's crane telemetry, a charity's telethon night, a dating
// app, a library system, city parking meters, an e-sports final; a network architect drawing a migration plan, a
// FinOps analyst who only asks which resource does the NAT, a DBA pasting connection strings, a support engineer
// quoting the customer, a trainee reading runbook steps, someone answering their own question wrongly and asking
// for confirmation, the namespace typed first ("shop: web egress?"), Azure portal URLs and resource IDs, Java /
// .NET / Python exceptions and a PostgreSQL log line with a short ask, counted lists, past-tense incident questions
// (answered for now), the port first ("5432 from api to db"), Japanese and Polish speakers writing English, smart
// quotes and non-breaking spaces, "asap" / "pls reply in thread", "<->" and "=>" between pods, plain "why"
// questions. Shapes stressed: outside clients described by place or address on a Service, Ingress, Application
// Gateway, AGC and Front Door; the load balancer as the subject; CAB and audit tickets confirming an allow or a
// deny with ports; what-is of NAT gateway, firewall, LB frontend, prefix, NVA and EgressIP addresses; DNS asked in
// plain words; capability questions; change requests and other clouds that must get the scope reply; names and
// addresses that do not exist. Written without reading the parser, its corpus or the other held-out sets.
import { heldoutTest } from './heldout-check';

/** Unseen: round 27 with set 32 in the model's training (9129e4a, the code when the set was written; the same on
 * 0605e30) 251/269 = 93.3 %, 7 confident misroutes, 3 asked with the right reading; round 28 (0501436) 252/269, 7, 3;
 * with set 33 in the model's training (15225e6) 252/269, 7, 4 (east-west 20/26: a pair now asked); with set 34
 * (c5a6407) 253/269, 7, 1. Round 30 (tuned on it): 269/269 with 0 confident misroutes (ASCII arrows "=>" and "<->",
 * a port said first or as "Port is N", "A vs B to C" compared, the LBs named each listed, a SQL connection string's
 * "tcp:" host, "is X ok?" asked back, a list counted inline, "who can reach X", "does the pod think", an arrow from an
 * outsider to a frontend). Floors: round 30's figures. */
// (every family: 100, a family's floor when none is set)
const FLOOR: Record<string, number> = { all: 100 };
const MISROUTES = 0;

heldoutTest(35, FLOOR, MISROUTES, { coverage: [24, 24] });
