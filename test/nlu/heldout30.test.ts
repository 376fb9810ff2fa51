// Held-out set 30 (test/nlu/heldout-30.jsonl): 335 questions, the nine families and out-of-scope requests, on the
// demo and every fixture, more than half from writers and situations earlier sets did not have: an IoT fleet
// operator (devices over MQTT/8883, firmware pulls), a SOC analyst triaging an IOC list of addresses, a carrier
// engineer (CGNAT, source NAT, hairpin), a legal / data-residency reviewer, a chaos-experiment plan, a status-page
// draft ending in a question, what someone sees in the Azure portal or a Grafana panel, pasted Azure Monitor alerts
// (JSON and e-mail), PagerDuty payloads, KQL results, tcpdump and NSG flow-log lines, an `az` AuthorizationFailed
// error, Terraform plan and Helm values excerpts, Azure resource IDs, speech-to-text slips ("egg rest", "pot",
// "cube control"), German, Spanish and French mixed in, quizzes, "true or false", hypotheses to confirm, load-test
// engineers, a mainframe team allow-listing one source IP, answers asked in a format ("just the IP", "as a table",
// "json pls"), a contractor in week one, a service-mesh wrong assumption and references to time ("since the 02:00
// deploy"); plus the usual phone, dev, network engineer, Teams markup and ticket voices. Shapes: outside clients
// described by place, the load balancer as the subject, change approvals stating an expected allow or deny, public
// IPs of NAT gateways, firewalls, prefixes and LB frontends, DNS paths in plain words, help, change requests and
// other asks that must get the scope reply, names and addresses that do not exist.
// Written without reading the parser, its corpus or the other held-out sets.
import { heldoutTest } from './heldout-check';

/** Unseen: round 23 with set 27 in the model's training and the review mends (adddc97, the code when the set was
 * written) 294/335 = 87.8 %, 11 confident misroutes, 10 asked with the right reading; with several pairs each answered
 * (afa17a7) the same; round 24 (e7d6cdc) 298/335 = 89.0 %, 9; with sets 28 and 29 in the model's training (1967783)
 * 298/335, 9, 9. Floors: that figure, rounded down. */
const FLOOR: Record<string, number> = {
  all: 88, // 298/335
  dns: 88, // 30/34
  'east-west': 84, // 27/32
  egress: 97, // 35/36
  help: 93, // 29/31
  inbound: 88, // 31/35
  'load-balancers': 93, // 29/31
  pod: 90, // 30/33
  policy: 78, // 26/33
  unknown: 91, // 31/34
  'what-is': 83, // 30/36
};
const MISROUTES = 9;

heldoutTest(30, FLOOR, MISROUTES, { coverage: [24, 24] });
