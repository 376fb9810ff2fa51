// Leave-one-set-out cross-validation of the family model: for each held-out set, a model trained on every other
// labelled file, the set scored through the whole pipeline (the checker of heldout-check.ts) with the rules alone and
// with rules and model combined. It is the honest estimate of unseen questions the thresholds are chosen on.
import { join } from 'node:path';
import { train, useModel } from '../../src/nlu/classify';
import { THRESHOLDS, type Thresholds } from '../../src/nlu/combine';
import { examples, type Example } from '../../src/nlu/training';
import { loadLines, score } from './heldout-check';

export interface Fold {
  set: number;
  n: number;
  rules: Figures;
  combined: Figures;
}
interface Figures {
  ok: number;
  misroutes: number;
  offered: number;
  /** families under 95 % */
  weak: string[];
  /** what the checker printed: the misroutes and the misses */
  printed: string[];
}

async function quietly(set: number): Promise<Figures> {
  const log = console.log;
  const printed: string[] = [];
  console.log = (text: string) => printed.push(...text.split('\n'));
  try {
    const s = await score(`held-out ${set}`, loadLines(`heldout-${set}.jsonl`));
    const weak = [...s.byIntent].filter(([, f]) => f.ok / f.n < 0.95).map(([k, f]) => `${k} ${f.ok}/${f.n}`);
    return { ok: s.ok, misroutes: s.misroutes.length, offered: s.offered ?? 0, weak, printed };
  } finally {
    console.log = log;
  }
}

let cached: Example[] | undefined;
/** Every labelled line read once (the features of about 3,000 questions take a few seconds). */
export const allExamples = async (): Promise<Example[]> => (cached ??= await examples(join(__dirname, '..', '..')));

/** One row per held-out set: rules alone, and combined with a model that never saw the set. */
export async function crossValidate(
  // sets 7–36, 38–48 and 50–55
  sets = [
    ...Array.from({ length: 30 }, (_, i) => i + 7),
    38,
    39,
    40,
    41,
    42,
    43,
    44,
    45,
    46,
    47,
    48,
    50,
    51,
    52,
    53,
    54,
    55,
  ],
  t: Thresholds = THRESHOLDS,
): Promise<Fold[]> {
  const all = await allExamples();
  const saved = { ...THRESHOLDS };
  Object.assign(THRESHOLDS, t);
  const folds: Fold[] = [];
  try {
    for (const set of sets) {
      const file = `heldout-${set}.jsonl`;
      useModel(null);
      const rules = await quietly(set);
      useModel(train(all.filter((e) => e.file !== file)));
      const combined = await quietly(set);
      folds.push({ set, n: all.filter((e) => e.file === file).length, rules, combined });
    }
  } finally {
    Object.assign(THRESHOLDS, saved);
    useModel(undefined);
  }
  return folds;
}

const pct = (a: number, n: number) => `${((100 * a) / n).toFixed(1)} %`;

/** The table of the report: per set, right, confident misroutes, asked with the right reading. */
export function table(folds: Fold[]): string {
  const cell = (f: Figures, n: number) => `${f.ok}/${n} = ${pct(f.ok, n)}, ${f.misroutes} mis, ${f.offered} asked`;
  const sum = (pick: (f: Fold) => Figures) =>
    folds.reduce(
      (a, f) => ({
        ok: a.ok + pick(f).ok,
        misroutes: a.misroutes + pick(f).misroutes,
        offered: a.offered + pick(f).offered,
        weak: [],
        printed: [],
      }),
      { ok: 0, misroutes: 0, offered: 0, weak: [] as string[], printed: [] as string[] },
    );
  const n = folds.reduce((a, f) => a + f.n, 0);
  return [
    '| set | rules alone | rules + model | families < 95 % (combined) |',
    '|---|---|---|---|',
    ...folds.map(
      (f) => `| ${f.set} | ${cell(f.rules, f.n)} | ${cell(f.combined, f.n)} | ${f.combined.weak.join(', ')} |`,
    ),
    `| all | ${cell(
      sum((f) => f.rules),
      n,
    )} | ${cell(
      sum((f) => f.combined),
      n,
    )} | |`,
  ].join('\n');
}
