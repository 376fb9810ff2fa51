// Held-out set 18 (test/nlu/heldout-18.jsonl): a month of an incident channel in eight voices (phone shorthand,
// developers, network engineers, pasted output, Teams replies, second-language English, ticket titles, managers) on
// the demo and 22 fixtures: DNS paths (resolvers, CoreDNS upstreams, dnsPolicy None, host-network pods, private
// endpoint and ExternalName names, pasted nslookup/dig errors), NetworkPolicy listings and verdicts asked "why",
// NodePort and internal load balancers, Application Gateway, Application Gateway for Containers and Front Door, hub
// firewalls, NAT gateways with several IPs and prefixes, SNAT capacity, named ports, kube-system and openshift-*
// pods, IPs from flow logs, help and out-of-scope requests. Written without reading the parser, its corpus or the
// other held-out sets. Print-only: the figures are read from the output, no floor beyond the set's size.
import { loadLines, score } from './heldout-check';

const lines = loadLines('heldout-18.jsonl');

test('held-out set 18: score by family, every miss and confident misroute printed', async () => {
  expect(lines.length).toBeGreaterThanOrEqual(200);
  const s = await score('held-out 18', lines);
  console.log(`held-out 18: ${s.ok}/${lines.length} right, ${s.misroutes.length} confident misroutes`);
});
