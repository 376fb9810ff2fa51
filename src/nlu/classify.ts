// A second opinion on the family, learned from the labelled questions (test/nlu/*.jsonl, `npm run train`):
// multinomial logistic regression over the words and word pairs of the normalised text, where each name the parser
// found is replaced by what it matched ("web" → _pod_, "10.0.0.10" → _privip_), so it learns wording, not the
// fixtures' names. Hand-written (about 100 lines) rather than taken from npm: the text classifiers there are
// unmaintained or large (`natural` brings dictionaries and stemmers we do not need), and the bot runs in a tight
// memory budget. Training is deterministic: a fixed shuffle, a fixed number of passes, weights rounded.
import { isPrivateIp } from '../path/ip';
import committed from './model.json';
import type { Intent } from './parse';
import { labelsAnAddress } from './score';
import { escapeRe } from '../regex';

/** The model as shipped: one row of weights (×100, one per class) per feature. */
export interface Model {
  classes: string[];
  features: string[];
  weights: string[];
}

const TOKEN: Record<string, string> = {
  pod: '_pod_',
  workload: '_pod_',
  'pod-ip': '_podip_',
  service: '_svc_',
  route: '_host_',
  ingress: '_host_',
  host: '_host_',
  namespace: '_ns_',
  node: '_node_',
};

/** The text with every name replaced by its type, then split in words (arrows and question marks are words). */
function typedWords(text: string, intent: Intent): string[] {
  const entities = (intent.entities ?? []).filter((e) => !labelsAnAddress(e, intent));
  const podIps = new Set(entities.filter((e) => e.kind === 'pod-ip').map((e) => e.text));
  const ipType = (ip: string) => (podIps.has(ip) ? '_podip_' : isPrivateIp(ip) ? '_privip_' : '_pubip_');
  let t = ` ${text.replace(/→/g, ' -> ')} `.replace(
    /\b(\d{1,3}(?:\.\d{1,3}){3})(\/\d{1,2})?(:\d{1,5})?\b/g,
    (_, ip: string, cidr?: string, port?: string) => ` ${ipType(ip)}${cidr ? ' _cidr_' : ''}${port ? ' _port_' : ''} `,
  );
  const named = [
    ...entities.filter((e) => e.kind !== 'pod-ip').map((e) => ({ text: e.text, token: TOKEN[e.kind] })),
    ...intent.marked.map((m) => ({ text: m, token: m.includes('.') ? '_domain_' : '_name_' })),
  ].sort((a, b) => b.text.length - a.text.length);
  for (const n of named) {
    const forms = n.text.includes('/') ? [n.text, n.text.split('/').pop()!] : [n.text];
    for (const f of forms) t = t.replace(new RegExp(`(?<![\\w.-])${escapeRe(f)}(?![\\w-]|\\.[a-z0-9])`, 'g'), n.token);
  }
  return (t.replace(/\b\d+\b/g, '_num_').match(/[a-z0-9_'-]+|\?|->/g) ?? []).map((w) => w.replace(/^'+|'+$/g, ''));
}

/** The features of a question: words, word pairs, and the words of the sentence that asks (marked q:). */
export function featuresOf(intent: Intent): string[] {
  const words = typedWords(intent.text, intent);
  const out = new Set<string>(['_bias_']);
  words.forEach((w, i) => {
    out.add(w);
    out.add(`${words[i - 1] ?? '^'} ${w}`);
  });
  if (intent.asking) for (const w of typedWords(intent.asking, intent)) out.add(`q:${w}`);
  return [...out];
}

/** Trains the model: logistic regression by stochastic gradient descent, features seen in at least two lines. */
export function train(examples: { x: string[]; y: string }[], passes = 12, l2 = 0.01): Model {
  const classes = [...new Set(examples.map((e) => e.y))].sort();
  const seenIn = new Map<string, number>();
  for (const e of examples) for (const f of e.x) seenIn.set(f, (seenIn.get(f) ?? 0) + 1);
  const features = [...seenIn].filter(([, n]) => n >= 2).map(([f]) => f);
  features.sort();
  const index = new Map(features.map((f, i) => [f, i]));
  const K = classes.length;
  const w = new Float64Array(features.length * K);
  const rows = examples.map((e) => ({
    x: e.x.map((f) => index.get(f)).filter((i): i is number => i !== undefined),
    y: classes.indexOf(e.y),
  }));
  // a fixed shuffle (a linear congruential sequence): the order of the files does not bias the last passes
  let seed = 12345;
  const order = rows.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    const j = seed % (i + 1);
    [order[i], order[j]] = [order[j], order[i]];
  }
  for (let pass = 0; pass < passes; pass++) {
    const rate = 0.5 / (1 + pass);
    for (const r of order.map((i) => rows[i])) {
      const p = softmax(r.x, w, K);
      for (let k = 0; k < K; k++) {
        const g = p[k] - (k === r.y ? 1 : 0);
        for (const i of r.x) w[i * K + k] -= rate * (g + l2 * w[i * K + k]);
      }
    }
  }
  const kept = features
    .map((f, i) => ({ f, row: [...w.subarray(i * K, i * K + K)].map((v) => Math.round(v * 100)) }))
    // a feature that moves no family's score by more than 0.02 changes no decision: kept out, the model stays small
    .filter(({ row }) => row.some((v) => Math.abs(v) > 2));
  return { classes, features: kept.map((k) => k.f), weights: kept.map((k) => k.row.join(' ')) };
}

function softmax(x: number[], w: Float32Array | Float64Array, K: number): number[] {
  const s = new Array<number>(K).fill(0);
  for (const i of x) for (let k = 0; k < K; k++) s[k] += w[i * K + k];
  const max = Math.max(...s);
  const e = s.map((v) => Math.exp(v - max));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / sum);
}

/** A model ready to score: its weights unpacked once. */
interface Loaded {
  classes: string[];
  index: Map<string, number>;
  w: Float32Array | Float64Array;
}
const load = (m: Model): Loaded => ({
  classes: m.classes,
  index: new Map(m.features.map((f, i) => [f, i])),
  // weights are rounded to 0.01: single precision holds them exactly enough and halves the memory the bot keeps
  w: Float32Array.from(m.weights.flatMap((r) => r.split(' ').map((v) => +v / 100))),
});

let current: Loaded | undefined;
let replaced = false;
/** Scores with another model (cross-validation), or none (the rules alone); undefined: the committed one again. */
export function useModel(m: Model | null | undefined): void {
  replaced = m !== undefined;
  current = m ? load(m) : undefined;
}

/** Each family's probability, highest first; empty when no model is loaded. */
export function classify(intent: Intent): { kind: string; p: number }[] {
  if (!replaced && !current && (committed as Model).classes.length) current = load(committed as Model);
  if (!current) return [];
  const { classes, index, w } = current;
  const x = featuresOf(intent)
    .map((f) => index.get(f))
    .filter((i): i is number => i !== undefined);
  const p = softmax(x, w, classes.length);
  return classes.map((kind, k) => ({ kind, p: p[k] })).sort((a, b) => b.p - a.p);
}
