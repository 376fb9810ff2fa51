// Held-out set 11 (test/nlu/heldout-11.jsonl): a week of an incident channel on the demo, netpol-e2e and 20 test
// fixtures, in eight voices of about equal share: phone shorthand, developers describing symptoms, network engineers
// in IPs, ports, hops and NAT, pasted output (kubectl/oc, curl, psql, nslookup, NSG and firewall log lines) followed
// by a question, Teams HTML with greetings and signatures, second-language English, ticket titles and managers' full
// sentences. Incidents: DNS failures, TLS errors that are network problems, deployments that broke allowlists, node
// pool upgrades, policy rollouts, cross-namespace calls, on-prem and spoke links, a LoadBalancer stuck pending.
// Written without reading the parser, its corpus or the other held-out sets. Print-only: the table by family, the
// confident misroutes and every miss.
import { loadLines, score } from './heldout-check';

const lines = loadLines('heldout-11.jsonl');

test('held-out set 11: score by family, every miss and confident misroute printed', async () => {
  expect(lines.length).toBeGreaterThanOrEqual(200);
  const { ok, misroutes } = await score('held-out 11', lines);
  console.log(`held-out 11: ${ok}/${lines.length} right, ${misroutes.length} confident misroutes`);
});
