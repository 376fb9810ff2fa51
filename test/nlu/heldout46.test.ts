// Held-out set 46 (test/nlu/heldout-46.jsonl): 294 questions, the nine families and out-of-scope requests, on the demo
// and every fixture, weighted to DNS path, inbound, NetworkPolicy verdicts with ports, east-west source IP and pod
// placement (30+ lines each). New writers: a network engineer who speaks in 5-tuples (src=… sport=… dst=… dport=…),
// a developer pasting `curl -v` or `openssl s_client` output and asking why, an on-call listing three suspects and
// asking about one, a colleague answering in the thread ("@Sam: the bot can tell you — …"), test-case titles
// ("should_egress_via_natgw"), "the other pod" after naming one, an auditor asking for evidence of one flow, ingress
// and egress words mixed up with one clear meaning, a Windows admin calling pods "servers", long apologies before the
// ask, and numbered steps where only step 3 asks. New situations: an orchestra's rehearsal booking, a ski-rental kiosk,
// dental X-ray uploads, bus ticket validators, city noise sensors, a bookshop's stock sync, a surf school's forecast
// page, brewery tank telemetry, pool lockers and a tattoo studio's booking widget. Also the load balancer as the
// subject ("who is behind 20.67.170.10"), change-approval tickets with an expected allow/deny, what-is of NAT gateway,
// firewall, prefix, internal-LB and EgressIP addresses, one-word asks that need a choice, and change requests that
// must get the scope reply. Written without reading the parser, its corpus or the other held-out sets.
import { heldoutTest } from './heldout-check';

/** Unseen: first measured at 83124e8 (the code the set was written on) 263/294 = 89.5 %, 14 confident misroutes; the
 * same at 22498a7 (round 37); set 43 in the model's training (04fb8f2) 265/294 = 90.1 %, 14. Round 38 (tuned on it): 282/294 = 95.9 %, 1 confident misroute; one label fixed ("how
 * does the nginx ingress controller find the web service by name": from ingress-nginx the short name web does not
 * resolve, so not found, as set 17 labels the same case). Floors: that measurement, rounded down. */
const FLOOR: Record<string, number> = {
  all: 95, // 282/294
  dns: 100, // 35/35
  'east-west': 90, // 29/32
  egress: 96, // 25/26
  help: 92, // 23/25
  inbound: 93, // 31/33
  'load-balancers': 100, // 25/25
  pod: 100, // 32/32
  policy: 93, // 30/32
  unknown: 92, // 25/27
  'what-is': 100, // 27/27
};
const MISROUTES = 1;

heldoutTest(46, FLOOR, MISROUTES, { coverage: [24, 24] });
