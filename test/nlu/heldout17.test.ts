// Held-out set 17 (test/nlu/heldout-17.jsonl): a month of an incident channel in eight voices (phone shorthand,
// developers' symptoms, network engineers' IPs and ports, pasted output, Teams HTML with greetings and signatures,
// second-language English, ticket titles, managers' full sentences) on the demo and 21 test fixtures: DNS of every
// kind (resolvers, search domains, headless and private-endpoint names, pasted nslookup/dig failures), questions
// about NetworkPolicies themselves, NodePort and internal load balancers, Application Gateway and Front Door, a hub
// firewall, flow-log addresses, node IPs, SNAT ports and health probes, help and out-of-scope requests. Written
// without reading the parser, its corpus or the other held-out sets. Print-only: it measures, it sets no floor.
import { loadLines, score } from './heldout-check';

const lines = loadLines('heldout-17.jsonl');

test('held-out set 17: score by family, every miss and confident misroute printed', async () => {
  expect(lines.length).toBeGreaterThanOrEqual(200);
  const s = await score('held-out 17', lines);
  console.log(`held-out 17: ${s.ok}/${lines.length} right, ${s.misroutes.length} confident misroutes`);
});
