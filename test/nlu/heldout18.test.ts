// Held-out set 18 (test/nlu/heldout-18.jsonl): a month of an incident channel in eight voices (phone shorthand,
// developers, network engineers, pasted output, Teams replies, second-language English, ticket titles, managers) on
// the demo and 22 fixtures: DNS paths (resolvers, CoreDNS upstreams, dnsPolicy None, host-network pods, private
// endpoint and ExternalName names, pasted nslookup/dig errors), NetworkPolicy listings and verdicts asked "why",
// NodePort and internal load balancers, Application Gateway, Application Gateway for Containers and Front Door, hub
// firewalls, NAT gateways with several IPs and prefixes, SNAT capacity, named ports, kube-system and openshift-*
// pods, IPs from flow logs, help and out-of-scope requests. Written without reading the parser, its corpus or the
// other held-out sets. Never tuned on: the floors guard what it measured unseen.
import { expectFloors, loadLines, score } from './heldout-check';

const lines = loadLines('heldout-18.jsonl');

test('held-out set 18: score by family, every miss and confident misroute printed', async () => {
  expect(lines.length).toBeGreaterThanOrEqual(200);
  const s = await score('held-out 18', lines);
  console.log(`held-out 18: ${s.ok}/${lines.length} right, ${s.misroutes.length} confident misroutes`);
  expectFloors(s, lines.length, FLOOR, MISROUTES);
});

/** Unseen: round 11 183/239 = 76.6 %, 16 confident misroutes; round 12 207/239 = 86.6 %, 11; round 13 216/239 =
 * 90.4 %, 10 (its unknown gain is partly the choices reply's wording, changed from set 17's labels). Floors: round 13,
 * rounded down. */
const FLOOR: Record<string, number> = {
  all: 90, // 216/239
  dns: 79, // 23/29
  'east-west': 83, // 20/24
  egress: 96, // 26/27
  help: 100, // 19/19
  inbound: 84, // 21/25
  'load-balancers': 100, // 22/22
  pod: 95, // 20/21
  policy: 85, // 23/27
  unknown: 95, // 22/23
  'what-is': 90, // 20/22
};
const MISROUTES = 10;
