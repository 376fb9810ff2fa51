// Held-out set 10 (test/nlu/heldout-10.jsonl): another week of an incident channel on the demo, netpol-e2e and many
// test fixtures, in eight voices of about equal share: phone shorthand, developers describing symptoms, network
// engineers in IPs, ports, hops and NAT, pasted output (kubectl, az, curl, psql, firewall, traceroute, conntrack)
// followed by a question, Teams HTML with greetings and signatures, second-language English, ticket titles and
// managers' full sentences. Less obvious objects as subjects: kube-system and openshift-* pods, DaemonSet pods, node
// IPs, internal load balancers, NAT gateway and firewall IPs, route tables. Written without reading the parser, its
// corpus or the other held-out sets. Print-only: the table by family, the confident misroutes and every miss.
import { loadLines, score } from './heldout-check';

const lines = loadLines('heldout-10.jsonl');

test('held-out set 10: score by family, every miss and confident misroute printed', async () => {
  expect(lines.length).toBeGreaterThanOrEqual(200);
  const { ok, misroutes } = await score('held-out 10', lines);
  console.log(`held-out 10: ${ok}/${lines.length} right, ${misroutes.length} confident misroutes`);
});
