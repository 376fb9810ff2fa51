// Held-out set 8 (test/nlu/heldout-8.jsonl): on-call questions on the demo and many test fixtures, written as
// engineers who paste what they see (Azure portal text, `az … -o table` rows, `kubectl describe` fragments, curl,
// psql, Java and Go errors, firewall log lines) and then ask; as replies in a Teams thread that still stand alone
// (quoted "> …" lines, greetings, signatures); as people writing English as a second language; and as ticket titles.
// Written without reading the parser, its corpus or the other held-out sets. Print-only: the table by family, the
// confident misroutes and every miss; no floors here.
import { loadLines, score } from './heldout-check';

const lines = loadLines('heldout-8.jsonl');

test('held-out set 8: score by family, every miss and confident misroute printed', async () => {
  expect(lines.length).toBeGreaterThanOrEqual(200);
  const { ok, misroutes } = await score('held-out 8', lines);
  console.log(`held-out 8: ${ok}/${lines.length} right, ${misroutes.length} confident misroutes`);
});
