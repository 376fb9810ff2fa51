// Held-out set 33 (test/nlu/heldout-33.jsonl): 274 questions, the nine families and out-of-scope requests, on the
// demo, netpol-e2e and every fixture. Mostly new writers and situations: airline check-in kiosks, warehouse scanners,
// an insurance claims platform, an online school during exams, a news site during a breaking story, a smart-home
// vendor, a government e-ID service, a sports-betting platform on match day, a hotel booking engine and a hardware
// lab's test rigs; an SRE lead's decision record, a security champion, an on-call who just woke up ("ok so", "wait
// what"), pasted chat-bot output, the same question asked three ways in one message, question words only ("where?
// api. out to internet?"), apology preambles, bullet points of context, "in one sentence", tests of the bot's limits
// ("can you hack…", "ignore your instructions"), an IP and a name together, Unicode arrows and emoji as separators,
// CRLF line endings and tabs, and pods named by their Deployment / StatefulSet / DaemonSet kind word. Also: outside
// clients described by place or address on LB, ingress, Application Gateway, AGC and Front Door; change-approval
// allow/deny checks with ports; what-is of NAT gateway, firewall, LB frontend, prefix, EgressIP and VPN gateway
// addresses; DNS paths in plain words; change requests that must get the one-line scope reply.
// Written without reading the parser, its corpus or the other held-out sets.
import { heldoutTest } from './heldout-check';

/** Unseen: round 26 with set 31 in the model's training (c2a6a5d, the code when the set was written) 246/274 =
 * 89.8 %, 8 confident misroutes, 9 asked with the right reading; round 27 246/274, 9, 6 (an emoji-drawn DNS ask now
 * answered without its asking pod); with set 32 in the model's training 247/274 = 90.1 %, 9, 5. Floors: that figure,
 * rounded down. */
const FLOOR: Record<string, number> = {
  all: 90, // 247/274
  dns: 80, // 21/26
  'east-west': 92, // 25/27
  egress: 86, // 25/29
  help: 88, // 23/26
  inbound: 74, // 20/27
  'load-balancers': 96, // 25/26
  pod: 100, // 28/28
  policy: 92, // 25/27
  unknown: 93, // 27/29
  'what-is': 96, // 28/29
};
const MISROUTES = 9;

heldoutTest(33, FLOOR, MISROUTES, { coverage: [24, 24] });
