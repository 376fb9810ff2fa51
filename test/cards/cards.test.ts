// Cards: golden files per family, the Adaptive Cards renderer accepts every
// card we send, Teams' 28 KB limit holds on large clusters, and user text
// cannot inject markdown.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { SIZES, writeSynthetic } from '../../bench/synthetic';
import { ask } from '../../src/answer';
import { replyActivity } from '../../src/bot/reply';
import { familyOf, FAMILIES, renderCard } from '../../src/cards/card';
import type { Inventory } from '../../src/inventory/inventory';
import { SnapshotInventory } from '../../src/inventory/snapshot';

// adaptivecards 3 ships as a browser bundle; its parser works in Node
const AC = require('adaptivecards/dist/adaptivecards.js');

const demo = SnapshotInventory.demo();
// a relative folder: the source shown on the card (and kept in the golden) is the same on every machine
const aks = SnapshotInventory.load(relative(process.cwd(), join(__dirname, '..', 'fixtures', 'aks-lb')));

const GOLDEN: [string, string, Inventory][] = [
  ['egress', "what's the public IP of pod sqlapi?", demo],
  ['inbound', 'how does traffic reach route sqlapilb?', demo],
  ['east-west', 'what source IP does the SQL server see from the API pod?', demo],
  ['policy', 'can web reach db on 5432', aks],
  ['what-is', 'what is 20.105.84.161?', demo],
  ['load-balancers', 'which load balancers are there?', demo],
  ['pod', 'where is pod sqlapi?', demo],
  ['help', 'help', demo],
  ['error', 'public ip of pod sqlpai', demo],
  ['choice', 'where is pod s -n project1', demo],
];

/** Problems the Adaptive Cards 1.5 renderer reports for a card (unknown elements, bad values…). */
export function rendererProblems(card: object): string[] {
  const ctx = new AC.SerializationContext(AC.Versions.v1_5);
  const c = new AC.AdaptiveCard();
  c.parse(card, ctx);
  const problems: string[] = [];
  for (let i = 0; i < ctx.eventCount; i++) problems.push(ctx.getEventAt(i).message);
  for (const e of c.validateProperties().validationEvents) problems.push(e.message);
  return problems;
}

describe('golden cards', () => {
  test.each(GOLDEN)('%s', async (name, question, inv) => {
    const r = await ask(question, inv);
    const card = renderCard(r, { question, source: inv.source });
    expect(familyOf(r)).toBe(name === 'policy' ? 'east-west' : name);
    const file = join(__dirname, 'golden', `${name}.golden.json`);
    if (process.env.UPDATE_GOLDEN || !existsSync(file)) writeFileSync(file, JSON.stringify(card, null, 2) + '\n');
    expect(card).toEqual(JSON.parse(readFileSync(file, 'utf8')));
  });

  test('every family has a golden card', () => {
    const covered = new Set(GOLDEN.map(([n]) => (n === 'policy' ? 'east-west' : n)));
    expect([...covered].sort()).toEqual(Object.keys(FAMILIES).sort());
  });
});

const QUESTIONS = readFileSync(join(__dirname, '..', 'nlu', 'corpus.jsonl'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l) as { text: string; snapshot: string });

test('every card for the corpus is valid Adaptive Card 1.5 for the renderer, fully bound, under 28 KB', async () => {
  for (const q of QUESTIONS) {
    const r = await ask(q.text, q.snapshot === 'demo' ? demo : aks);
    const activity = replyActivity(r, { question: q.text, source: 'test' });
    const card = activity.attachments![0].content as { version: string };
    const json = JSON.stringify(card);
    expect({ q: q.text, problems: rendererProblems(card) }).toEqual({
      q: q.text,
      problems: [],
    });
    expect(card.version).toBe('1.5');
    expect(json).not.toMatch(/\$\{|\$data|\$when|\$part/);
    expect(Buffer.byteLength(JSON.stringify(activity))).toBeLessThan(28 * 1024);
  }
});

describe.each([
  ['70 nodes', SIZES.medium],
  ['5,000 pods', SIZES.large],
])('large cluster (%s): cards stay under Teams’ 28 KB and summarize long lists', (_label, size) => {
  let inv: Inventory;
  let names: ReturnType<typeof writeSynthetic>;
  beforeAll(() => {
    const dir = mkdtempSync(join(tmpdir(), 'synthetic-'));
    names = writeSynthetic(dir, size);
    inv = SnapshotInventory.load(dir);
  });
  test.each([
    'which load balancers are there?',
    'public ip of POD',
    'how does traffic reach service LBSVC -n LBNS',
    'what is LBIP',
    'where is pod POD',
  ])('%s', async (template) => {
    const q = template
      .replace('POD', names.pod)
      .replace('LBSVC', names.lbService!.name)
      .replace('LBNS', names.lbService!.namespace)
      .replace('LBIP', names.lbService!.ip);
    const r = await ask(q, inv);
    expect(r.status).toBe('answered');
    const activity = replyActivity(r, { question: q });
    expect(Buffer.byteLength(JSON.stringify(activity))).toBeLessThan(28 * 1024);
    expect(rendererProblems(activity.attachments![0].content)).toEqual([]);
    if (/load balancers/.test(q))
      expect(JSON.stringify(activity.attachments![0].content)).toContain('"title":"Show all"');
  });
});

test('markdown in what a user typed is shown as text, not rendered', async () => {
  const r = await ask('public ip of pod [click](https://evil.example) **now**', demo);
  const card = JSON.stringify(renderCard(r, { question: 'x' }));
  expect(card).not.toMatch(/[^\\]\[click\]\(https/);
  expect(card).not.toMatch(/[^\\]\*\*now/);
});

test('a verdict left open ("Not sure": a firewall on the way not read) shows a warning box, not a blank one', async () => {
  const hub = SnapshotInventory.load(join(__dirname, '..', 'fixtures', 'hub-spoke-firewall'));
  const r = await ask('can api reach 8.8.8.8 on 443?', hub);
  const card = renderCard(r);
  const boxes = JSON.stringify(card);
  expect(boxes).toContain('⚠️ Not sure: see what was not checked');
  expect(boxes).toContain('"style":"warning"');
  expect(rendererProblems(card)).toEqual([]);
});
