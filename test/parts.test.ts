// Several questions in one message (pairs, or commands chained with ";"): each is answered as its own question, in
// the order asked; the text, the card and the --json output carry every one, and no typed field at the top speaks
// for one alone.
import { join } from 'node:path';
import { ask, understandWith } from '../src/answer';
import { renderCard } from '../src/cards/card';
import { renderText } from '../src/cards/text';
import { SnapshotInventory } from '../src/inventory/snapshot';
import { mergeParts } from '../src/parts';
import { result } from '../src/path/result';

const fx = (name: string) =>
  SnapshotInventory.load(
    name === 'netpol-e2e' ? join(__dirname, 'nlu', 'fixtures', name) : join(__dirname, 'fixtures', name),
  );

test('two verdicts asked at once: both answered, each with its own verdict', async () => {
  const inv = fx('aks-natgw');
  const q = 'CHG approval: confirm web → db-0 on 5432 stays blocked and api → db-0 on 5432 is allowed';
  expect((await understandWith(q, inv)).kind).toBe('policy');
  const r = await ask(q, inv);
  expect(r.status).toBe('answered');
  expect(r.parts?.map((p) => [p.hops[0]?.name, p.hops.at(-1)?.name, p.verdict?.allowed])).toEqual([
    ['shop/web-7d4b9c8f6d-abcde', 'shop/db-0', false],
    ['shop/api-5f6d7c8b9-klmno', 'shop/db-0', true],
  ]);
  expect(r.answer).toMatch(
    /^2 pairs asked.*\n1\. web → db-0:5432: No: .*\nAll 2 replicas of web .*\n2\. api → db-0:5432: Yes: /,
  );
  expect([r.verdict, r.layers, r.seenAs]).toEqual([undefined, undefined, undefined]);
  // the text gives each pair's path; the card a section each
  expect(renderText(r)).toMatch(
    /Path 1 \(Denied[^\n]*\n {2}1\. pod +shop\/web-[\s\S]*Path 2 \(Allowed[^\n]*\n {2}1\. pod +shop\/api-/,
  );
  expect(JSON.stringify(renderCard(r))).toContain('2. api → db-0:5432');
});

test('the pairs of a change ticket, with their ports, in the order said', async () => {
  const r = await ask('* web -> db 5432: deny expected\n* api -> db 5432: allow expected\nconfirm', fx('aks-ipbased'));
  expect(r.parts?.map((p) => [p.intent, p.hops[0]?.name.split('-')[0], p.verdict?.allowed])).toEqual([
    ['policy', 'shop/web', false],
    ['policy', 'shop/api', true],
  ]);
  expect(r.followUps.length).toBeLessThanOrEqual(3);
});

test('more pairs than one card holds are offered as buttons, none answered', async () => {
  const inv = fx('netpol-e2e');
  const r = await ask('y/b → x/a on 80 and z/b → x/a on 80: which one is allowed?', inv);
  expect(r.parts?.map((p) => p.verdict?.allowed)).toEqual([true, false]);
  const many = ['x/a -> y/a', 'x/b -> y/b', 'x/c -> y/c', 'z/a -> y/a', 'z/b -> y/b'].map((x) => `policy ${x}:80`);
  const offered = await ask(many.join('; '), inv);
  expect([offered.status, offered.followUps.length]).toEqual(['not-understood', 4]);
});

test('a pair that could not be answered makes the reply say so, the others still answered', () => {
  const yes = result('policy', 'answered', 'Yes: x/b can reach x/a.', { title: 'Allowed' });
  const missing = result('policy', 'not-found', 'I found no pod "q" in namespace x.');
  const r = mergeParts(['x/b → x/a:80', 'x/q → x/a'], [yes, missing], 'pairs');
  expect(r.status).toBe('not-found');
  expect(r.answer.split('\n').slice(1)).toEqual([
    '1. x/b → x/a:80: Yes: x/b can reach x/a.',
    '2. x/q → x/a: I found no pod "q" in namespace x.',
  ]);
});

test('terse commands chained with ";" are each answered; a ";" inside a sentence is not a chain', async () => {
  const inv = fx('aks-udr');
  const r = await ask('pod db-0; pod api', inv);
  expect([r.status, r.parts?.map((p) => [p.intent, p.status])]).toEqual([
    'answered',
    [
      ['pod', 'answered'],
      ['pod', 'answered'],
    ],
  ]);
  expect(r.answer).toMatch(/^2 questions asked, each answered:\n1\. pod db-0: .*10\.244\.1\.9[\s\S]*\n2\. pod api: /);
  const mixed = await ask('egress api -n shop; whatis 10.244.1.9', inv);
  expect(mixed.parts?.map((p) => p.intent)).toEqual(['egress', 'what-is']);
  const sentence = await ask('web cannot reach db-0; is it the policy?', inv);
  expect(sentence.parts).toBeUndefined();
});

test('a chat-ops prefix before each chained command ("!pp egress web ; !pp path …") is not part of the ask', async () => {
  const r = await ask('!pp egress web ; !pp path web-7d4b9c8f6d-abcde -> api:8080', fx('aks-natgw'));
  expect(r.parts?.map((p) => p.intent)).toEqual(['egress', 'east-west']);
  expect(r.answer).toMatch(/^2 questions asked, each answered:\n1\. egress web: /);
});

test('what the whole message left out is said once, over the parts that were answered', async () => {
  const demo = SnapshotInventory.demo();
  const r = await ask('can sqlapi reach server and can foo reach bar and can server reach sqlapi?', demo);
  expect(r.parts).toHaveLength(2);
  expect(r.warnings.filter((w) => /Nothing in this cluster is named "foo" or "bar"/.test(w))).toHaveLength(1);
});
