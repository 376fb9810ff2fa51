// Held-out set 31 (test/nlu/heldout-31.jsonl): 306 questions, the nine families and out-of-scope or ambiguous
// messages, on the demo, netpol-e2e and every fixture. Mostly new writers and situations: hospital IT under HIPAA (an
// EHR / HL7 integration), retail store operations (POS terminals), a research cluster admin, a live-video engineer
// (RTMP / SRT feeds), a managed-service provider juggling tenants, a developer advocate preparing a demo, blameless
// retrospective excerpts, heavy abbreviations ("pls chk egr ip 4 web"), Slack threads with timestamps and names,
// e-mails with signatures and legal disclaimers, quotes of the bot's previous answer with a follow-up on one part,
// one- and two-word questions, Linux networking jargon (kube-proxy, iptables, conntrack, IPVS, eBPF, Cilium,
// Calico), Windows node pools that do not exist, IPv6 addresses (none in the snapshots: not found), "explain like
// I'm five", machine-translated English, Portuguese / Italian / Dutch / French words, L1-to-L2 escalation
// templates, Given/When/Then test cases, pasted `kubectl describe`, `traceroute` / `mtr` and `curl -v` output, and
// things called by the wrong kind (a Service or route called a pod, a route called an ingress). Stressed shapes:
// outside clients by place or address on a LoadBalancer Service, an Ingress, Application Gateway, AGC, an OpenShift
// route and Front Door; load balancers and gateways as the subject; change tickets confirming an allow or a deny
// between two pods with a port (NetworkPolicy, NSG and ASG rules); what-is of NAT gateway, firewall, prefix, LB and
// EgressIP addresses; DNS paths in plain words; help questions; change requests that must not be answered.
// Written without reading the parser, its corpus or the other held-out sets.
import { heldoutTest } from './heldout-check';

/** Unseen: with several pairs and ";" chains each answered (3a037ab, the code when the set was written) 254/306 =
 * 83.0 %, 14 confident misroutes, 17 asked with the right reading; round 24 (e7d6cdc) 259/306 = 84.6 %, 14, 16; with
 * sets 28 and 29 in the model's training (1967783) 258/306, 14, 16; round 25 with set 30 in the model's training
 * 266/306 = 86.9 %, 13, 11. Round 26 (tuned on it): IPv6 addresses, chat shorthand, more Portuguese / Italian / Dutch
 * words, a client network said with its NAT, Front Door and a route named with its router's address as the way in,
 * an appliance load balancer's backends, "anything other than X … start with Y", hop N of a pasted traceroute, a
 * pasted describe's node address, move / migrate / switch requests; labels: the nginx controller's replicas as the
 * group (3 lines), "the LB in front of web: which nodes pass the health probe?" also inbound (set 20 labels the
 * shape inbound) — 297/306 = 97.1 %, 2 confident misroutes, with the committed model; with set 31 in the model's
 * training 302/306, 1. Floors: that figure, rounded down. */
const FLOOR: Record<string, number> = {
  all: 99, // 304/306 (round 32)
  dns: 96, // 30/31 (round 32)
  'east-west': 96, // 28/29
  egress: 100, // 32/32
  help: 100, // 27/27
  inbound: 100, // 33/33
  'load-balancers': 100, // 30/30
  pod: 100, // 32/32
  policy: 100, // 30/30
  unknown: 100, // 31/31
  'what-is': 100, // 31/31
};
// 0 since round 32: DNS said for a workload ("pls chk dns 4 api", "pls chk dns + egr 4 sqlapi") is its pods' resolver
// path, the Service's name answered on the way (and "dns + egr" answers both families)
const MISROUTES = 0;

heldoutTest(31, FLOOR, MISROUTES, { coverage: [24, 24] });
