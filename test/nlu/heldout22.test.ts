// Held-out set 22 (test/nlu/heldout-22.jsonl): 269 questions, the nine families and out-of-scope requests, in eight
// voices (phone, dev, neteng, paste, teams, esl, ticket, manager) on the demo and every fixture: a new team
// onboarding, a chaos test, a canary without a service mesh, vendor webhooks calling in through Application Gateway,
// AGC, Front Door and load balancer addresses, batch and export jobs calling out, a pod in CrashLoopBackOff or with a
// failing readiness probe, `kubectl port-forward` confusion, SRE handovers, IPv4-only notes; pasted Prometheus alert
// text, Azure Monitor alert payloads, `oc describe`, `oc get pods`, `kubectl exec … curl`, `getent`, resolv.conf,
// application gateway and nginx access logs, JDBC and psql errors, and Slack threads pasted into Teams; messages with
// two asks where the second is the real one; names and addresses that do not exist. Written without reading the
// parser, its corpus or the other held-out sets. Measured unseen, then tuned on (it joined the training data and the
// cross-validation folds).
import { heldoutTest } from './heldout-check';

/** Unseen: round 16 (1ebb5df, tuned on set 20: the code before the set was written) 240/269 = 89.2 %, 7 confident
 * misroutes, 9 asked with the right reading; round 17 (tuned on set 21) the same 240/269, 7 (inbound 29 → 28,
 * policy 20 → 21).
 * Tuned: round 18 (its misses fixed as rules for their class, the set in the training data) 268/269 = 99.6 %, 0
 * confident misroutes (left: an address of the subnet delegated to Application Gateway for Containers is not named as
 * AGC's). Cross-validation (a model that never saw the set): 268/269 with none, the rules alone 260/269 with 3.
 * Floors: the tuned figure, rounded down. */
const FLOOR: Record<string, number> = {
  all: 99, // 268/269 (unseen 240/269)
  dns: 100, // 26/26 (unseen 23/26)
  'east-west': 100, // 26/26 (unseen 25/26)
  egress: 100, // 30/30 (unseen 28/30)
  help: 100, // 23/23 (unseen 19/23)
  inbound: 100, // 31/31 (unseen 28/31)
  'load-balancers': 100, // 25/25 (unseen 25/25)
  pod: 100, // 30/30 (unseen 29/30)
  policy: 100, // 26/26 (unseen 21/26)
  unknown: 100, // 25/25 (unseen 20/25)
  'what-is': 96, // 26/27 (unseen 22/27)
};
const MISROUTES = 0;

heldoutTest(22, FLOOR, MISROUTES, { coverage: [23, 23] });
