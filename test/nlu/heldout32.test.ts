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
 * model's training 253/288 = 87.8 %, 5, 9 (two lines a model at least 90 % sure now overrules). Floors: that figure,
 * rounded down. */
const FLOOR: Record<string, number> = {
  all: 87, // 253/288
  dns: 90, // 27/30
  'east-west': 79, // 23/29
  egress: 86, // 26/30
  help: 85, // 23/27
  inbound: 90, // 27/30
  'load-balancers': 89, // 26/29
  pod: 82, // 23/28
  policy: 86, // 25/29
  unknown: 96, // 26/27
  'what-is': 93, // 27/29
};
const MISROUTES = 5;

heldoutTest(32, FLOOR, MISROUTES, { coverage: [24, 24] });
