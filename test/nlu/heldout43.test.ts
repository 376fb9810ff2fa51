// Held-out set 43 (test/nlu/heldout-43.jsonl): 300 questions, the nine families and out-of-scope requests, on the
// demo and every fixture (netpol-e2e included). Kept voices: phone, dev, neteng, ESL, Teams HTML, tickets, managers,
// auditors, change tickets, self-answered "…, right?", Given/When/Then. New writers and situations (over half the
// lines): a car-park barrier system, a choir's rehearsal app, a lost-property desk, a tide-gauge network, a chess-club
// ladder, laundrette payment terminals, bus-shelter displays, a language school's placement test, a glacier station,
// a vintage-car auction, a darts league, a fishing-licence portal, escape rooms, canal-lock bookings, a pier arcade,
// mountain rescue, a typing tutor, a model-railway club, falconry, beach sensors, organ tuning, a kiln scheduler, a
// parish clerk and a sound engineer; pasted `kubectl get events` lists, conntrack, tcpdump, `ss` and access-log lines;
// a DBA naming pods by port ("the 5432 box"), autocorrect damage ("egress UP if pod web"), spoken punctuation
// ("question mark", "period"), smartwatch replies, "(edited)" tags and ~~strikethrough~~ fixes, a haiku, a CSV row,
// a spreadsheet cell, a commit message, a PR description, a search URL; the bot's earlier answer quoted wrongly, the
// status-page one-liner, a security reviewer's flow list with one "(?)", "vs" between two pods, negative asks ("which
// IP does web NOT use"), a long weekend preamble before the ask. Shapes stressed: outside clients by place or address
// on a Service, route, Application Gateway, AGC and Front Door; the load balancer as the subject; change tickets
// confirming allow/deny with ports; what-is of NAT gateway, firewall, LB frontend, prefix and Front Door addresses;
// DNS paths in plain words; help; change requests that must get the scope reply; names and addresses that do not exist.
// Written without reading the parser, its corpus or the other held-out sets.
import { heldoutTest } from './heldout-check';

/** Unseen: first measured at 3e46422 (the code the set was written on) 280/300 = 93.3 %, 7 confident misroutes
 * (pod 24/28, east-west 26/28); round 35 (15003a3) 280, 7; set 41 in the model's training (8e5882f) 280, 9 (east-west
 * 24/28, pod 26/28); round 36 (e1e27c9) 280, 9; set 42 in the model's training (e97cb71) 280, 7 (help 29/31).
 * Round 37 (tuned on it): 295/300 = 98.3 %, 1 confident misroute ("!pp egress web ; !pp path …": a chat prefix before
 * each chained command). Floors: this measurement, rounded down. */
const FLOOR: Record<string, number> = {
  all: 98, // 295/300
  dns: 96, // 27/28
  'east-west': 96, // 27/28
  egress: 96, // 29/30
  help: 100, // 31/31
  inbound: 100, // 29/29
  'load-balancers': 100, // 33/33
  pod: 96, // 27/28
  policy: 96, // 27/28
  unknown: 100, // 35/35
  'what-is': 100, // 30/30
};
const MISROUTES = 1;

heldoutTest(43, FLOOR, MISROUTES, { coverage: [24, 24] });
