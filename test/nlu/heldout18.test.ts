// Held-out set 18 (test/nlu/heldout-18.jsonl): a month of an incident channel in eight voices (phone shorthand,
// developers, network engineers, pasted output, Teams replies, second-language English, ticket titles, managers) on
// the demo and 22 fixtures: DNS paths (resolvers, CoreDNS upstreams, dnsPolicy None, host-network pods, private
// endpoint and ExternalName names, pasted nslookup/dig errors), NetworkPolicy listings and verdicts asked "why",
// NodePort and internal load balancers, Application Gateway, Application Gateway for Containers and Front Door, hub
// firewalls, NAT gateways with several IPs and prefixes, SNAT capacity, named ports, kube-system and openshift-*
// pods, IPs from flow logs, help and out-of-scope requests. Written without reading the parser, its corpus or the
// other held-out sets, and measured unseen in rounds 11–13. In round 14 it was tuned on: it is training data of the
// family model (src/nlu/model.json) and its misses were fixed by their general causes, with corpus lines in other
// words, so it no longer measures unseen questions (its leave-one-set-out figure, a model that never saw it, is
// printed by model.test.ts). Its floors are the figures measured after round 14, rounded down.
import { heldoutTest } from './heldout-check';

/** Unseen: round 11 183/239 = 76.6 %, 16 confident misroutes; round 12 207/239 = 86.6 %, 11; round 13 216/239 =
 * 90.4 %, 10 (its unknown gain is partly the choices reply's wording, changed from set 17's labels). Round 14, with a
 * model that never saw the set (cross-validation): 234/239 = 97.9 %, 1 confident misroute; tuned: with the committed
 * model, 239/239 = 100 %, none (with the DNS, inbound and what-is answers changed alongside). Floors: tuned, round
 * 14. */
// (every family: 100, a family's floor when none is set)
const FLOOR: Record<string, number> = { all: 100 };
const MISROUTES = 0;

heldoutTest(18, FLOOR, MISROUTES);
