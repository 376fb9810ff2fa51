// Held-out set 5 (test/nlu/heldout-5.jsonl): on-call questions on the demo and every snapshot fixture — pasted log
// lines and alerts, terse chat, non-native English, two workloads named in every order, pods named by suffix, load
// balancers by name, help in many wordings, requests to change things — written without reading the parser, its
// corpus or the other held-out sets, and never used to tune it. Scored by family with the held-out checker; every
// miss and every confident misroute is printed. No score floor: the set is measured, not gated.
import { loadLines, score } from './heldout-check';

const lines = loadLines('heldout-5.jsonl');

test('held-out set 5: score by family, every miss printed, confident misroutes counted', async () => {
  expect(lines.length).toBeGreaterThanOrEqual(200);
  const { ok, byIntent, misroutes } = await score('held-out 5', lines);
  console.log(`held-out 5: ${ok}/${lines.length} right, ${misroutes.length} confident misroutes`);
  // the set itself: every family, help included, at least 15 lines each, and 20 replies that are not answers
  for (const family of ['egress', 'inbound', 'east-west', 'policy', 'dns', 'what-is', 'load-balancers', 'pod', 'help'])
    expect([family, (byIntent.get(family)?.n ?? 0) >= 15]).toEqual([family, true]);
  expect(byIntent.get('unknown')?.n ?? 0).toBeGreaterThanOrEqual(20);
});
