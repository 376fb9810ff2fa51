// Held-out set 12 (test/nlu/heldout-12.jsonl): a week of an incident channel on the demo, netpol-e2e and 20 test
// fixtures, in eight voices of equal share (26 lines each): phone shorthand, developers describing symptoms, network
// engineers in IPs, ports, hops and NAT, pasted output (kubectl/oc tables, curl, psql, nslookup, NSG flow-log and
// firewall log lines, events) followed by a question, Teams HTML with greetings and signatures, second-language
// English, ticket titles and managers' full sentences. Subjects beyond the usual pods: kube-system DaemonSet pods,
// coredns and router pods, node IPs, a Service without a selector, NodePorts, internal load balancer frontends, NAT
// gateway, firewall and public IP prefix addresses. Written without reading the parser, its corpus or the other
// held-out sets, and never tuned on: it measures unseen questions. Print-only: no floors.
import { loadLines, score } from './heldout-check';

const lines = loadLines('heldout-12.jsonl');

test('held-out set 12: score by family, every miss and confident misroute printed', async () => {
  expect(lines.length).toBeGreaterThanOrEqual(200);
  const s = await score('held-out 12', lines);
  console.log(`held-out 12: ${s.ok}/${lines.length} right, ${s.misroutes.length} confident misroutes`);
});
