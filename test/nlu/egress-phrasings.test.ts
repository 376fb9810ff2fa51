import { ask } from '../../src/answer';
import { parse } from '../../src/nlu/parse';
import { SnapshotInventory } from '../../src/inventory/snapshot';

const demo = SnapshotInventory.demo();

const PHRASINGS = [
  "what's the public IP of pod sqlapi",
  'egress ip for sqlapi-1-8jgx8 in project1',
  'which IP does sqlapi go out to the internet with?',
  'What is the outbound IP of sqlapi?',
  'sqlapi public ip',
  'egress sqlapi -n project1',
  'how does project1/sqlapi leave the cluster',
  'what source ip does the internet see from sqlapi',
  'SNAT ip for pod sqlapi in namespace project1',
  'which public address does sqlapi use to reach the internet',
  'outbound address of sqlapi-1-8jgx8 please',
  'what ip does sqlapi exit to the internet as',
];

test.each(PHRASINGS)('"%s" → egress of sqlapi-1-8jgx8 as 20.105.84.161', async (q) => {
  expect(parse(q).kind).toBe('egress');
  const r = await ask(q, demo);
  expect(r.status).toBe('answered');
  expect(r.hops[0].name).toBe('project1/sqlapi-1-8jgx8');
  expect(r.hops.at(-1)?.src).toBe('20.105.84.161');
});

test('partial names resolve to the running pod, never the completed deployer pod', async () => {
  const r = await ask('egress ip of server', demo);
  expect(r.hops[0].name).toBe('project1/server-1-ppl25');
});

test('namespace forms', () => {
  expect(parse('egress sqlapi -n project1').namespace).toBe('project1');
  expect(parse('public ip of sqlapi in project project1').namespace).toBe('project1');
  expect(parse('public ip of project1/sqlapi').namespace).toBe('project1');
});

test('a namespace that does not exist is said so', async () => {
  const r = await ask('egress sqlapi -n projekt1', demo);
  expect(r.status).toBe('not-found');
  expect(r.answer).toMatch(/no namespace "projekt1".*project1/);
});

test('nonsense is not guessed at', async () => {
  const r = await ask('make me a sandwich', demo);
  expect(r.status).toBe('not-understood');
});

test('an egress question without a pod asks which pod', async () => {
  const r = await ask('what is the egress ip?', demo);
  expect(r.status).toBe('not-understood');
  expect(r.answer).toMatch(/Which pod/);
});
