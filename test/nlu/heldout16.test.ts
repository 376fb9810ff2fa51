// Held-out set 16 (test/nlu/heldout-16.jsonl): on-call questions on the demo and many test fixtures in eight voices
// (phone shorthand, developers describing symptoms, network engineers in IPs/ports/NAT terms, pasted kubectl/az/oc
// output and error lines, Teams HTML, ticket titles, second-language English, managers' full sentences), written
// without reading the parser, its corpus or the other held-out sets, committed after round 11 and never tuned on.
// Print-only: the table by family, the confident misroutes and every miss. Before its figures are trusted, its
// `answered` labels on DNS questions about names outside the cluster and on questions that list the policies
// selecting a pod need checking against what those families can answer (their writer did not check them).
import { loadLines, score } from './heldout-check';

const lines = loadLines('heldout-16.jsonl');

test('held-out set 16: score by family, every miss and confident misroute printed', async () => {
  expect(lines.length).toBeGreaterThanOrEqual(200);
  const s = await score('held-out 16', lines);
  console.log(`held-out 16: ${s.ok}/${lines.length} right, ${s.misroutes.length} confident misroutes`);
});
