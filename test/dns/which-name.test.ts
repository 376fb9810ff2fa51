// A lookup with nothing to look up asks which name instead of answering something else; "how does DNS work" asks for
// the mechanism (the cluster's resolution path), never for a name called "work".
import { ask } from '../../src/answer';
import { SnapshotInventory } from '../../src/inventory/snapshot';

const demo = SnapshotInventory.demo();

test.each(['nslookup', 'dns lookup?', 'what does the name resolve to?'])('%s: which name?', async (q) => {
  const r = await ask(q, demo);
  expect(r.status).toBe('not-understood');
  expect(r.answer).toMatch(/^Which name\? For example: "/);
});

test.each(['how does dns work in this cluster?', 'where do dns queries go?'])('%s: the cluster path', async (q) => {
  const r = await ask(q, demo);
  expect(r.status).toBe('answered');
  expect(r.answer).toMatch(/send DNS queries to the cluster DNS Service openshift-dns\/dns-default at 172\.30\.0\.10/);
  expect(r.answer).not.toMatch(/"work"/);
});
