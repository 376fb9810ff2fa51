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
 * answered without its asking pod); with set 32 in the model's training 247/274 = 90.1 %, 9, 5. Round 28 (tuned on
 * it, the committed model unchanged): 273/274 = 99.6 %, 0, 1 — emoji read as words (globe, plug, magnifier, check
 * mark, cross, a robot asked alone), the pod that looks a name up said in brackets or as "it", the outside coming in
 * to a Service or route said as such (not found when there is none), "arriving to", someone on the internet hitting
 * a frontend, a client address to the app gateway, a port said last as a sentence of its own, an outside party named
 * that a workload calls or that sees its calls, ", and how …" joining two questions, "which of A or B" as both pairs,
 * "who is behind <address>", multiplied settings and "ignore your instructions" as change requests, a family's topic
 * asked of the bot and question words alone, a verb after "pod", "what are those two addresses", "the ingress
 * controller", and the load balancer list naming the Application Gateway with the pods it sends to. No label changed.
 * Floors: that figure, rounded down. */
const FLOOR: Record<string, number> = {
  all: 99, // 273/274
  dns: 100, // 26/26
  'east-west': 100, // 27/27
  egress: 96, // 28/29
  help: 100, // 26/26
  inbound: 100, // 27/27
  'load-balancers': 100, // 26/26
  pod: 100, // 28/28
  policy: 100, // 27/27
  unknown: 100, // 29/29
  'what-is': 100, // 29/29
};
const MISROUTES = 0;

heldoutTest(33, FLOOR, MISROUTES, { coverage: [24, 24] });
