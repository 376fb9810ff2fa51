// Held-out set 27 (test/nlu/heldout-27.jsonl): 312 questions, the nine families and out-of-scope requests, on the demo
// and every fixture, more than half from writers earlier sets did not have: a compliance officer mapping data flows
// ("DF-31: …", "for the data flow register"), an SRE from another cloud who says NAT instance, elastic IP, ELB/NLB,
// target groups, security group, VPC, Route 53 and Cloud NAT for the Azure things, a capacity planner (SNAT headroom,
// scale-out by two nodes), a data engineer whose job runs in a pod, a mobile-app backend developer, a CTO in one line,
// a helpdesk agent relaying a customer's words, a network engineer in CLI shorthand ("api>db:5432?", "src? db-0 ->
// internet", "10.110.0.68 = ?"), a sleepy writer correcting themselves mid-message ("… no wait, i mean server"), two
// questions in one message where the second is out of scope, negations ("which pods can NOT reach x/a"), comparisons
// ("is web's egress IP the same as api's?", "same node as …"), a long log with the question in the middle, PR-review
// and change-approval wording, and things named by their role ("the database", "the frontend", "the public LB", "the
// ingress controller"). Outside clients by place (an office, a partner's DC, a user in Japan or Brazil, a hub VM, a
// jumpbox) on a LoadBalancer Service, a route, Front Door, Application Gateway, AGC and a node port; what-is of NAT
// gateway, firewall, LB-frontend, prefix, App Gateway subnet and EgressIP addresses; NSG/ASG verdicts on a cluster
// without a policy engine; names, hosts, load balancers and addresses that do not exist. Also phone, dev, neteng, paste,
// teams, ESL, ticket, manager, runbook, auditor, vendor, thread and dictation voices.
// Written without reading the parser, its corpus or the other held-out sets.
import { heldoutTest } from './heldout-check';

/** Unseen: round 21 with its fixes (35b5fc8, the code before the set was written) 263/312 = 84.3 %, 14 confident
 * misroutes, 12 asked with the right reading; a sure model answering where it disputes the rules (01d2c9b) 265, 14;
 * help from 70 % (ac49b7d) 265, 14; round 22's rules (9c771cb, tuned on set 26) 264, 14; with set 26 in the model's
 * training 268/312 = 85.9 %, 13, 11. Round 23 (tuned on it): 305/312 = 97.8 %, 0, 3 — a name or address taken back
 * mid-message ("… no wait, i mean server, not sqlapi") replaced by the correction; "web>api:8080" as an arrow; other
 * clouds' words (ELB, security group, elastic IP, NAT instance, VPC, target group) for ours, another cloud said as
 * background not out of scope; the writer as the far end ("we are the partner at …": "our API" is theirs); pasted
 * `-o name` pod lines; the pod that looks a name up ("how does the api pod find the database"), "who answers that
 * lookup", "the nameserver the server pod uses"; the bot's scope and reach; "the frontend" as the web tier; negated
 * reach ("which pods can NOT reach x/a"); a namespace kept out of a pod; a place's machine or person with its
 * address as the client; "scale-out" as a noun; a pod's memory use out of scope; "x/a" kept in its buttons.
 * Floors: that figure, rounded down. */
const FLOOR: Record<string, number> = {
  all: 97, // 305/312
  dns: 100, // 28/28
  'east-west': 100, // 29/29
  egress: 97, // 45/46
  help: 96, // 26/27
  inbound: 96, // 30/31
  'load-balancers': 100, // 29/29
  pod: 96, // 30/31
  policy: 96, // 30/31
  unknown: 96, // 29/30
  'what-is': 96, // 29/30
};
const MISROUTES = 0;

heldoutTest(27, FLOOR, MISROUTES, { coverage: [24, 24] });
