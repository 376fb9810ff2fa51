// Held-out set 44 (test/nlu/heldout-44.jsonl): 283 questions, the nine families and out-of-scope requests, on the
// demo and every fixture. Voices: phone, dev, neteng, paste, teams, esl, ticket, manager, plus new writers: a
// platform engineer's Terraform plan comment, a support agent's bullet summary of a phone call, someone asking through
// a colleague's laptop, a screenshot described in words, an engineer who mixes two clusters' names, a question inside
// a git diff, a pod given by IP and namespace only, "the same as yesterday but for api", the future tense ("will web
// still go out via the firewall after the change?" — a path question today), change-approval tickets with an
// expected allow/deny, chat threads where only the last line asks. Situations: marathon timing mats, a hospital
// car-park app, a recycling-centre booking site, a ferry's onboard wifi portal, school canteen payments, drone
// delivery, a bell-ringers' rota, a cinema projector scheduler, zoo feeding-time alerts, a lifeguard roster.
// Shapes stressed: outside clients by place and address on LB Services, Ingress, Application Gateway, AGC, Front Door
// and an internal LB; the load balancer as the subject; what-is of NAT gateway, firewall, prefix, App Gateway and
// EgressIP addresses; DNS in plain words; "do you do X" help; change requests, costs and other clouds (scope);
// negation, comparison and two asks in one message; names and addresses that do not exist.
// Written without reading the parser, its corpus or the other held-out sets.
import { heldoutTest } from './heldout-check';

/** Unseen: first measured at 13087ea (the code the set was written on) 268/283 = 94.7 %, 7 confident misroutes. Two
 * DNS lines are not fully blind: the writer checked a fact with a question worded close to them. The same at 22498a7
 * (round 37) and 04fb8f2 (set 43 in the model's training). Round 38 (tuned on
 * it): 276/283 = 97.5 %, 1 confident misroute; one label fixed ("how does y/b resolve s-x-a": a short name resolves
 * only in the asker's namespace, so not found, as set 17 labels the same case). Floors: that measurement, rounded
 * down. */
const FLOOR: Record<string, number> = {
  all: 97, // 276/283
  dns: 100, // 27/27
  'east-west': 96, // 27/28
  egress: 100, // 31/31
  help: 100, // 28/28
  inbound: 85, // 23/27
  'load-balancers': 92, // 26/28
  pod: 100, // 30/30
  policy: 100, // 27/27
  unknown: 100, // 29/29
  'what-is': 100, // 28/28
};
const MISROUTES = 1;

heldoutTest(44, FLOOR, MISROUTES, { coverage: [24, 24] });
