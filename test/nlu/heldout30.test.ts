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
 * (afa17a7) the same; round 24 (e7d6cdc) 298/335, 9, 9. Round 25 (tuned on it): 333/335 = 99.4 %, 0 confident
 * misroutes, 0 asked with the right reading (a port after the target whatever follows, "X blocked from Y", a source
 * address as the client, addresses asked as quiz, claim or ownership, permission / alert / data-residency asks out
 * of scope, the bot as "this thing", words of Spanish and French, speech-to-text slips, "share a node", how a pod
 * looks names up, "ILB", "the LB called X", an AKS frontend's resource name, "the router for X", a Service's pods on
 * their port from another namespace, an outsider at an address calling a host of ours); with set 30 in the model's
 * training 334/335, 0. Floors: round 25's figure, rounded down.
 * Relabelled: "how does x/b find s-y-a? which IP comes back?" is not-found (the short name of a Service in namespace
 * y does not resolve from x: no IP comes back, the bot offers s-y-a.y), as sets 17, 44 and 46 label that shape. */
const FLOOR: Record<string, number> = {
  all: 99, // 333/335
  dns: 94, // 32/34
  'east-west': 100, // 32/32
  egress: 100, // 36/36
  help: 100, // 31/31
  inbound: 100, // 35/35
  'load-balancers': 100, // 31/31
  pod: 100, // 33/33
  policy: 100, // 33/33
  unknown: 100, // 34/34
  'what-is': 100, // 36/36
};
const MISROUTES = 0;

heldoutTest(30, FLOOR, MISROUTES, { coverage: [24, 24] });
