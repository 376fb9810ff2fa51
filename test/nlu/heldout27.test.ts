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
 * training 268/312 = 85.9 %, 13, 11. Floors: that figure, rounded down. */
const FLOOR: Record<string, number> = {
  all: 85, // 268/312
  dns: 85, // 24/28
  'east-west': 96, // 28/29
  egress: 86, // 40/46
  help: 77, // 21/27
  inbound: 83, // 26/31
  'load-balancers': 89, // 26/29
  pod: 80, // 25/31
  policy: 74, // 23/31
  unknown: 90, // 27/30
  'what-is': 93, // 28/30
};
const MISROUTES = 13;

heldoutTest(27, FLOOR, MISROUTES, { coverage: [24, 24] });
