// Held-out set 14 (test/nlu/heldout-14.jsonl): a week of an incident channel in eight voices in equal parts (phone
// shorthand, developers describing symptoms, network engineers in IPs/ports/NAT, pasted command output and log lines,
// Teams messages with greetings and signatures, second-language English, ticket titles, managers' full sentences),
// on the demo, netpol-e2e and 20 test fixtures; written without reading the parser, its corpus, its model or the
// other held-out sets. Print-only: the score by family, the confident misroutes and every miss.
import { loadLines, score } from './heldout-check';

const lines = loadLines('heldout-14.jsonl');

test('held-out set 14: score by family, every miss and confident misroute printed', async () => {
  expect(lines.length).toBeGreaterThanOrEqual(200);
  const s = await score('held-out 14', lines);
  console.log(`held-out 14: ${s.ok}/${lines.length} right, ${s.misroutes.length} confident misroutes`);
});
