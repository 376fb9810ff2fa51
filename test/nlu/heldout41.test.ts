// Held-out set 41 (test/nlu/heldout-41.jsonl): 293 questions, the nine families and out-of-scope requests, on the demo
// and every fixture (netpol-e2e included). Kept voices: phone, dev, network engineer, Teams HTML, pasted `kubectl`,
// `curl -v` and `az -o table` output, ESL, [INC…] tickets, chat threads where only the last line asks, auditor,
// change tickets, "I bet it's…" and answer-first asks. New writers and situations (more than half the lines): an SRE
// reading a Grafana panel aloud, someone answering a colleague's question in the same message ("Bob asks whether…"),
// rota handovers that list three things and ask one, the passive voice only, pods named by their node or by their
// age, `-l app=…` label selectors, "thx" / "ta" / "cheers" endings, rhetorical asides in parentheses, a tester's
// expected vs actual, alert titles then a question, stand-up updates, lab-notebook entries, kanban card titles,
// pairing navigators, pager ACKs, TODO notes, sticky notes, CAB minutes, status-page drafts and commit messages; a
// climbing gym's check-in kiosk, a citizen-science bird counter, theatre ticket scanners, a veterinary lab portal, a
// film festival's screener site, a harbour pilot roster, a snow-plough tracker, a bakery chain's ordering app, a quiz
// show's buzzer backend, a university's printing quota service, a library kiosk and a ski school. Shapes stressed:
// outside clients by place or address, the load balancer as the subject, change approvals on pod pairs with ports,
// what-is of NAT gateway, firewall, LB frontend, App Gateway and EgressIP addresses, DNS paths in plain words, help,
// change requests that must not be answered, negations, comparisons, two asks in one message, pod and node IPs.
// Written without reading the parser, its corpus or the other held-out sets.
import { heldoutTest } from './heldout-check';

/** Unseen: first measured at 725eb6b (the code the set was written on) 278/293 = 94.9 %, 7 confident misroutes; at
 * 6aace58 (the model alone answers from 50 %, path answers judge NSGs, left-out names) 278, 7; after round 34
 * (9ed8831) 278, 7; with set 40 in the model's training (ef06129) 278, 7.
 * Round 35 (tuned on it): 292/293, 0 confident misroutes — a numbered list on lines of its own, an egress call's "from"
 * party, a dismissed aside, an outside client over the VPN or posting, "come in", a pod said by its node, "on which"
 * relative clauses, "is <ip> the egress IP?", label selectors in arrows, the DNS pods, "from a business view", the NSG
 * rules that allow a pair. Floors: the measurement, rounded down. */
const FLOOR: Record<string, number> = {
  all: 99, // 292/293
  dns: 100, // 30/30
  'east-west': 100, // 28/28
  egress: 100, // 31/31
  help: 100, // 27/27
  inbound: 96, // 30/31
  'load-balancers': 100, // 28/28
  pod: 100, // 28/28
  policy: 100, // 30/30
  unknown: 100, // 28/28
  'what-is': 100, // 32/32
};
const MISROUTES = 0;

heldoutTest(41, FLOOR, MISROUTES, { coverage: [24, 24] });
