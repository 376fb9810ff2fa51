// Held-out set 50 (test/nlu/heldout-50.jsonl): 266 questions, the nine families and out-of-scope requests, on the
// demo and every fixture. Writers and places new to the sets: a beach lifeguard tower's camera feed, bakery order
// tablets, a research ship's uplink, e-book loans, zoo collars, turbine telemetry, a ski school's bookings, a
// pharmacy robot, a car-park payment machine, conference badge scanners, a hospital lab results portal, a rowing
// club; an SRE lead on a bridge call, a data scientist who knows only notebooks, QA engineers with failing test cases
// (Given/When/Then, TC ids), mobile developers quoting app errors, compliance officers asking for evidence, vendors'
// field engineers on site, night-shift operators reading a dashboard, contractors in their first week, product owners
// forwarding a customer's screenshot, runbook steps, "same here" replies in a thread, pasted `az network nsg rule
// list` tables and `az network application-gateway show` output. Shapes: outside clients named by place or by
// address reaching a Service, Ingress, HTTPRoute, Application Gateway and Front Door; NSG verdicts on the way in
// (customer NSG on the node subnet, NSG on the gateway subnet); the load balancer as the subject; change tickets
// expecting an allow or a deny between two pods with ports (NetworkPolicy, NSG and ASG rules); what-is of NAT
// gateway, firewall, prefix, gateway and LB frontend addresses; DNS in plain words; help asked as "do you do X";
// change requests, cost and other clouds that must not be answered; pods, nodes and Services that do not exist.
// Written without reading the parser, its corpus or the other held-out sets.
import { heldoutTest } from './heldout-check';

/** Unseen: first measured at 140ec71 (the code the set was written on) 250/266 = 94.0 %, 6 confident misroutes;
 * set 48 in the model's training (814b971) 251, 6; round 42 (47cc6c1) 251/266 = 94.4 %, 6; the model retrained on
 * round 42's reading 250/266, 6 (egress 27/28). Floors: the lowest measurement, rounded down.
 * Round 43 (tuned on it): 260/266 = 97.7 %, 0 confident misroutes (the asker of a lookup said beside a Service name,
 * the cluster DNS offered as a choice of resolver, an address got for a dotted name, "runs in X and reads from Y",
 * an unknown StatefulSet pod drawn with an arrow, a Service not exposed naming its pods, someone outside reaching
 * a public address on a port, an Application Gateway's address as the way in); the model retrained on round 43's
 * reading 260, 0; round 44 and the model retrained on its reading 260/266, 0 (pod 24/27). Floors: these, rounded
 * down. */
const FLOOR: Record<string, number> = {
  all: 97, // 260/266
  dns: 100, // 26/26
  'east-west': 96, // 24/25
  egress: 96, // 27/28
  help: 100, // 25/25
  inbound: 100, // 27/27
  'load-balancers': 100, // 26/26
  pod: 88, // 24/27
  policy: 96, // 25/26
  unknown: 96, // 28/29
  'what-is': 100, // 27/27
};
const MISROUTES = 0;

heldoutTest(50, FLOOR, MISROUTES, { coverage: [24, 24] });
