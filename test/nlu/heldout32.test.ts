// Held-out set 32 (test/nlu/heldout-32.jsonl): 288 questions, the nine families and out-of-scope requests, on the demo
// and every fixture, in the usual voices (phone, dev, neteng, paste, teams, esl, ticket, manager, runbook, thread) and,
// for more than half the lines, new writers and situations: a bank's mobile-app on-call during a payment outage, an
// e-commerce team in a Black-Friday surge, a telecom core engineer, an executive on a bridge, a voice assistant
// relaying ("hey bot, …"), asks written as JSON, YAML or SQL, a GitHub issue template, code-review comments, ASCII
// diagrams, PowerShell, nmap, Hubble and Istio output pasted, Kubernetes short names (po, svc, netpol), pod names in
// capitals, truncated or with a wrong hash suffix, "the second web pod", db primary/replica words, sarcasm, very formal
// letters, Hinglish and Spanglish, numbered lists of three asks about one subject, follow-ups that name their subject
// again, SLA deadlines and two teams' conflicting claims. Shapes stressed: outside clients described by place or by
// address reaching a Service, Ingress, route, Application Gateway, AGC or Front Door; the load balancer as the subject;
// change approvals confirming an allow or a deny with ports; what-is of NAT gateway, firewall, LB frontend, prefix and
// EgressIP addresses; DNS in plain words; help and capability questions; change requests that must not be answered.
// Written without reading the parser, its corpus or the other held-out sets.
import { heldoutTest } from './heldout-check';

/** Unseen: round 25 with set 30 in the model's training (ced08f5, the code when the set was written) 254/288 =
 * 88.2 %, 3 confident misroutes, 10 asked with the right reading; round 26 the same (254, 3, 10); with set 31 in the
 * model's training 253/288 = 87.8 %, 5, 9 (two lines a model at least 90 % sure now overrules).
 * Round 27 (tuned on it): 281/288 = 97.6 %, 1 confident misroute (a line the model, 90 % sure, overrules); with set 32
 * in the model's training 283/288, 1. Floors: that figure, rounded down. */
const FLOOR: Record<string, number> = {
  all: 98, // 283/288
  dns: 93, // 28/30
  'east-west': 96, // 28/29
  egress: 100, // 30/30
  help: 100, // 27/27
  inbound: 96, // 29/30
  'load-balancers': 100, // 29/29 (round 32)
  pod: 100, // 28/28
  policy: 100, // 29/29
  unknown: 100, // 27/27
  'what-is': 100, // 29/29
};
const MISROUTES = 1;

heldoutTest(32, FLOOR, MISROUTES, { coverage: [24, 24] });
