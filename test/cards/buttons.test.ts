// Every button on every card answers: the corpus's cards are rendered, each Action.Submit (and each choice behind
// "More…") is pressed as Teams would send it, and a reply that is not found, not understood or failed fails.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ask } from '../../src/answer';
import { renderCard } from '../../src/cards/card';
import { SnapshotInventory } from '../../src/inventory/snapshot';

const demo = SnapshotInventory.demo();
const aks = SnapshotInventory.load(join(__dirname, '..', 'fixtures', 'aks-lb'));

const QUESTIONS = readFileSync(join(__dirname, '..', 'nlu', 'corpus.jsonl'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l) as { text: string; snapshot: string });

interface Press {
  title: string;
  value: { question: string; intent?: string; full?: boolean };
}

/** What pressing each button sends: Action.Submit data, and each choice of a "More…" choice set merged in. */
function presses(card: any): Press[] {
  const out: Press[] = [];
  for (const a of card.actions ?? []) {
    if (a.type === 'Action.Submit') out.push({ title: a.title, value: a.data });
    if (a.type === 'Action.ShowCard')
      for (const input of (a.card.body ?? []).filter((b: any) => b.type === 'Input.ChoiceSet'))
        for (const c of input.choices)
          out.push({ title: c.title, value: { ...a.card.actions[0].data, [input.id]: c.value } });
  }
  return out;
}

test('every follow-up button on every corpus card returns an answer', async () => {
  const seen = new Map<string, string>();
  const broken: string[] = [];
  for (const q of QUESTIONS) {
    const inv = q.snapshot === 'demo' ? demo : aks;
    const r = await ask(q.text, inv);
    for (const p of presses(renderCard(r, { question: q.text, source: inv.source }))) {
      if (p.value.full) continue;
      const key = `${q.snapshot}: ${p.value.question}${p.value.intent ? ` [${p.value.intent}]` : ''}`;
      if (seen.has(key)) continue;
      const a = await ask(p.value.question, inv, {}, p.value.intent);
      const ok = a.status === 'answered';
      seen.set(key, ok ? 'ok' : `${a.status}: ${a.answer}`);
      if (!ok) broken.push(`"${q.text}" → ${p.title} → ${seen.get(key)}`);
    }
  }
  expect(broken).toEqual([]);
  expect(seen.size).toBeGreaterThan(20);
});

test('"Did you mean …?" and namespace suggestions are buttons that answer', async () => {
  for (const [question, title] of [
    ['public ip of pod sqlpai', 'Did you mean sqlapi?'],
    ['egress of sqlapi -n project2', 'Did you mean project1?'],
    // no name a typo away: a workload sharing a part of the name ("api")
    ['public ip of pod ratingapi', 'Did you mean sqlapi?'],
  ]) {
    const card = renderCard(await ask(question, demo), { question, source: demo.source });
    const press = presses(card).find((p) => p.title === title);
    expect(press).toBeDefined();
    expect((await ask(press!.value.question, demo, {}, press!.value.intent)).status).toBe('answered');
  }
});

test('the load balancer list offers every load balancer; SNAT details differ from the plain list', async () => {
  const lbs = renderCard(await ask('which load balancers are there?', demo), { question: 'x' });
  const asked = presses(lbs).map((p) => p.value.question);
  for (const lb of ['aro2-p8bjm', 'aro2-p8bjm-internal', 'aro2-p8bjm-internal-lb', 'aro2-p8bjm-public-lb'])
    expect(asked.some((a) => a.endsWith(` ${lb} do`) || a.endsWith(` ${lb}`))).toBe(true);
  expect((lbs.actions as unknown[]).length).toBeLessThanOrEqual(5);
  const egress = presses(renderCard(await ask("what's the public IP of pod sqlapi?", demo), { question: 'x' }));
  const snat = egress.find((p) => /^SNAT details/.test(p.title))!;
  const all = egress.find((p) => p.title === 'All load balancers')!;
  const [one, four] = await Promise.all([snat, all].map((p) => ask(p.value.question, demo, {}, p.value.intent)));
  expect(one.answer).toMatch(/^1 load balancer/);
  expect(four.answer).toMatch(/^4 load balancers/);
});
