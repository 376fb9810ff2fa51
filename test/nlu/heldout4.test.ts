// Held-out set 4 (test/nlu/heldout-4.jsonl): on-call questions on the demo and the test fixtures (other incidents,
// other fixtures than sets 2 and 3), written without reading the parser, its corpus or the other held-out sets, and
// never used to tune it. Scored by family with the held-out checker; every miss and every confident misroute is
// printed. No score floor yet: the set is measured, not gated.
import { loadLines, score } from './heldout-check';

const lines = loadLines('heldout-4.jsonl');

test('held-out set 4: score by family, every miss printed, confident misroutes counted', async () => {
  expect(lines.length).toBeGreaterThanOrEqual(220);
  const { ok, byIntent, misroutes } = await score('held-out 4', lines);
  console.log(`held-out 4: ${ok}/${lines.length} right, ${misroutes.length} confident misroutes`);
  // the set itself: every family, help included, and the replies that are not answers, at least 15 lines each
  for (const family of ['egress', 'inbound', 'east-west', 'policy', 'dns', 'what-is', 'load-balancers', 'pod', 'help'])
    expect([family, (byIntent.get(family)?.n ?? 0) >= 15]).toEqual([family, true]);
  expect(byIntent.get('unknown')?.n ?? 0).toBeGreaterThanOrEqual(15);
});
