// Held-out set 6 (test/nlu/heldout-6.jsonl): on-call questions on the demo and many test fixtures (Slack shorthand,
// managers' full sentences, pasted kubectl output and error lines, two workloads in either order, namespaces in every
// form, IPs and hostnames as subjects, help and out-of-scope requests), written without reading the parser, its
// corpus or the other held-out sets. Print-only: the table by family, the confident misroutes and every miss; the set
// is measured later, so no floors here.
import { loadLines, score } from './heldout-check';

const lines = loadLines('heldout-6.jsonl');

test('held-out set 6: score by family, every miss and confident misroute printed', async () => {
  expect(lines.length).toBeGreaterThanOrEqual(200);
  const { ok, misroutes } = await score('held-out 6', lines);
  console.log(`held-out 6: ${ok}/${lines.length} right, ${misroutes.length} confident misroutes`);
});
