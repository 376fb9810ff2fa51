// Held-out set 2 (test/nlu/heldout-2.jsonl): questions as on-call engineers write them, written before the
// parser changes and never used to tune it. Scored by family; every miss is printed; confident misroutes
// (answered, exit 0, with the wrong family or the wrong subject) are counted apart.
import { loadLines, score } from './heldout-check';

const lines = loadLines('heldout-2.jsonl');

test('held-out set 2: score by family, every miss printed, confident misroutes counted', async () => {
  expect(lines.length).toBeGreaterThanOrEqual(200);
  const { ok, byIntent, misroutes } = await score('held-out 2', lines);
  // what the entity-first parser reaches (baseline before it: 98/208, 25 confident misroutes); never raised above
  // what it does, never lowered to let a regression through
  expect(ok).toBeGreaterThanOrEqual(202);
  for (const [family, s] of byIntent) expect([family, s.ok]).toEqual([family, Math.max(s.ok, REACHED[family] ?? 0)]);
  // 2: "[aks-udr] can api reach web on 8080?" (the parse is right; the refused Service port ends the path at the
  // client) and "[aks-lb] are we close to SNAT port exhaustion?", labelled egress, now answered by the SNAT usage
  // answer of load-balancers on purpose (no pod is named); the set's labels are left as written
  expect(misroutes.length).toBeLessThanOrEqual(2);
});

/** Lines right per family at the end of issue 12 (of: dns 18, east-west 24, egress 31, help 6, inbound 27,
 * load-balancers 12, pod 22, policy 27, unknown 24, what-is 17). */
const REACHED: Record<string, number> = {
  dns: 16,
  'east-west': 24,
  egress: 30,
  help: 5,
  inbound: 27,
  'load-balancers': 12,
  pod: 21,
  policy: 26,
  unknown: 24,
  'what-is': 17,
};
