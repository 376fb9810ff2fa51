// Held-out set 9 (test/nlu/heldout-9.jsonl): a week of an incident channel on the demo, netpol-e2e and many test
// fixtures, in every voice at once: terse phone shorthand, developers describing symptoms loosely, network engineers
// in IPs, ports, hops and NAT, pasted output (kubectl, curl, psql, Java, firewall log lines) followed by a question,
// Teams replies with quotes, greetings and signatures, second-language English, ticket titles and managers' full
// sentences. Written without reading the parser, its corpus or the other held-out sets. Print-only: the table by
// family, the confident misroutes and every miss; no floors here.
import { loadLines, score } from './heldout-check';

const lines = loadLines('heldout-9.jsonl');

test('held-out set 9: score by family, every miss and confident misroute printed', async () => {
  expect(lines.length).toBeGreaterThanOrEqual(200);
  const { ok, misroutes } = await score('held-out 9', lines);
  console.log(`held-out 9: ${ok}/${lines.length} right, ${misroutes.length} confident misroutes`);
});
