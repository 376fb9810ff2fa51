// Held-out set 7 (test/nlu/heldout-7.jsonl): on-call questions on the demo and many test fixtures, in three voices
// (an SRE typing fast on a phone, a developer new to Kubernetes describing symptoms, a network engineer thinking in
// IPs, ports, hops and NAT), with Teams markup, URLs, pasted command output and log lines, pod IPs, typos, namespaces
// in every form and out-of-scope or unclear requests; written without reading the parser, its corpus or the other
// held-out sets. Print-only: the table by family, the confident misroutes and every miss; no floors here.
import { loadLines, score } from './heldout-check';

const lines = loadLines('heldout-7.jsonl');

test('held-out set 7: score by family, every miss and confident misroute printed', async () => {
  expect(lines.length).toBeGreaterThanOrEqual(200);
  const { ok, misroutes } = await score('held-out 7', lines);
  console.log(`held-out 7: ${ok}/${lines.length} right, ${misroutes.length} confident misroutes`);
});
