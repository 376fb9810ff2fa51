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
 * 88.4 %, 10 confident misroutes, 12 asked with the right reading. Round 29 (tuned on it): 249 → 271/276 with 2
 * confident misroutes (mixed German and French words, the reason "before they allow it" dropped, slash commands, an
 * outside caller reaching our frontend is inbound, a port said first, "X/Y" acronyms, "send its lookups", a node
 * address lists its pods). Floors: that figure, rounded down; egress was 26/29 at the start of the round already (the
 * model asks on the head-end line), and stays there. Round 34 (tuned on set 40): 276/276, 0 confident misroutes ("did
 * the egress IP change …? what is it now?" answers what it is now, then what changed). Floors raised to it. */
// (every family: 100, a family's floor when none is set)
const FLOOR: Record<string, number> = { all: 100 };
const MISROUTES = 0;

heldoutTest(34, FLOOR, MISROUTES, { coverage: [24, 24] });
