// Held-out set 34 (test/nlu/heldout-34.jsonl): 276 questions, the nine families and out-of-scope requests, on the demo,
// every fixture and netpol-e2e. New writers and situations: a fintech's fraud-scoring team, a university HPC admin, a
// game studio's live-ops on launch night, public transport ticketing, a hospital pharmacy, connected-car telemetry,
// energy metering, food delivery at lunch rush, museum and concert ticket sales, a SaaS vendor collecting the IPs a
// customer must allow-list, a technical writer documenting the network for a wiki, an auditor's follow-up questions.
// New shapes: OCR'd screenshot text (odd line breaks, l/I swaps in names), replies written under quoted "> " lines,
// acronym-only network engineers (SNAT, PIP, ILB, UDR, NVA, NATGW, OB rule), German-English and French-English,
// "- [ ]" checklists, reversed order ("5432, db-0, from api: ok?"), button labels typed back, slash commands
// ("/pp egress db-0"), a Markdown heading then a question, over-polite chat-assistant prompts, "explain like I'm …",
// "same question but for web", ticket numbers, dates, versions and port-forward pairs that look like addresses,
// "thx!! 🙏" and long e-mail signatures with phone numbers, answerable hypotheticals and before/after asks; outside
// clients named by place on a Service, ingress host, AGIC, AGC and Front Door; change approvals naming allow/deny pairs;
// what-is of NAT gateway, firewall, prefix, Application Gateway and LB frontend addresses; change requests, costs,
// upgrades and other clouds that must get the one-line scope reply. Written without reading the parser, its corpus or
// the other held-out sets.
import { heldoutTest } from './heldout-check';

/** Unseen: round 27 with set 32 in the model's training (ae64552, the code when the set was written) 244/276 =
 * 88.4 %, 10 confident misroutes, 12 asked with the right reading. Floors: that figure, rounded down. */
const FLOOR: Record<string, number> = {
  all: 88, // 244/276
  dns: 88, // 24/27
  'east-west': 85, // 23/27
  egress: 93, // 27/29
  help: 88, // 24/27
  inbound: 89, // 25/28
  'load-balancers': 92, // 25/27
  pod: 77, // 21/27
  policy: 85, // 24/28
  unknown: 100, // 27/27
  'what-is': 82, // 24/29
};
const MISROUTES = 10;

heldoutTest(34, FLOOR, MISROUTES, { coverage: [24, 24] });
