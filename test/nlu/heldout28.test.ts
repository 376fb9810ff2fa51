// Held-out set 28 (test/nlu/heldout-28.jsonl): 284 questions, the nine families and out-of-scope requests, on the demo,
// every fixture and netpol-e2e. More than half come from writers the earlier sets did not have: a Windows/.NET
// developer ("the SQL box", connection strings, IIS), a network engineer thinking in layers and firewalls (L3/L4,
// 5-tuple, return traffic, asymmetric routing), an SRE relaying a bridge call ("Bob says …"), a new grad, a security
// reviewer's threat model (STRIDE, trust boundary, blast radius), a data-protection officer (GDPR, does data leave the
// region), automation fragments in key: value form, chatops chains ("egress api -n shop; egress web -n shop"), a
// frustrated user correcting an earlier answer ("no, I asked about the api pod, not web"), a pasted error plus "why?",
// Markdown tables and numbered lists, typos in every other word, emoji one-liners, and a vendor's support engineer
// asking the customer's bot. Kept voices: phone, dev, neteng, paste, teams (mentions, `&nbsp;`, `<p>`), esl, ticket,
// manager, runbook, auditor, thread, comparison, negation, approval of an expected allow / deny between two pods.
// Shapes: outside clients by place or address on a Service, ingress host, route, Application Gateway, AGC and Front
// Door; load balancers and their frontends as the subject; what-is of NAT gateway, firewall, prefix, LB and NVA
// addresses; DNS paths in plain words; help; change requests and other asks that get the scope reply; names and
// addresses that do not exist. Written without reading the parser, its corpus or the other held-out sets.
import { heldoutTest } from './heldout-check';

/** Unseen: round 21 with its fixes (35b5fc8) 240/284 = 84.5 %, 14 confident misroutes, 9 asked with the right
 * reading; a sure model answering where it disputes the rules (01d2c9b) 246, 15, 5; help from 70 % (ac49b7d) the
 * same; round 22's rules (9c771cb) 251, 11, 6; with set 26 in the model's training (df4f85e, the code before the set
 * was measured) 249/284 = 87.7 %, 12, 7; round 23's rules (5f8cd87, tuned on set 27) 251, 12, 7; with set 27 in the
 * model's training 254/284 = 89.4 %, 9, 6. Floors: that figure, rounded down. */
const FLOOR: Record<string, number> = {
  all: 97, // 276/284 (round 32)
  dns: 92, // 26/28
  'east-west': 96, // 25/26
  egress: 96, // 32/33
  help: 96, // 24/25
  inbound: 96, // 28/29 (round 28)
  'load-balancers': 92, // 26/28
  pod: 85, // 24/28 (round 32)
  policy: 100, // 29/29
  unknown: 100, // 30/30
  'what-is': 96, // 27/28
};
// several pairs offered as buttons (2df7eab, made from this set's misses): 254/284 with 5; round 24 (tuned on it: ports
// in key: value fragments and table rows, change requests, the LB in front of NVAs) with each pair answered: 268, 4
const MISROUTES = 4;

heldoutTest(28, FLOOR, MISROUTES, { coverage: [24, 24] });
