// The checker shared by the held-out sets (test/nlu/heldout-*.jsonl): one line is a question as an on-call engineer
// writes it, with what the bot must understand. Scored by family; every miss is listed; confident misroutes
// (answered, exit 0, with the wrong family or the wrong subject) are counted apart.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ask, understandWith } from '../../src/answer';
import { SnapshotInventory } from '../../src/inventory/snapshot';
import type { PathResult } from '../../src/path/result';

interface Line {
  text: string;
  intent: string;
  snapshot: string;
  status: string;
  shape: string;
  subject?: string;
  group?: string[];
  client?: string;
  target?: string;
  port?: number;
  ip?: string;
  from?: string;
  has?: string[];
  mustNotSay?: string[];
  reply?: 'scope' | 'choices';
  mentions?: string[];
  alsoOk?: string[];
}

export const loadLines = (file: string): Line[] =>
  readFileSync(join(__dirname, file), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l));

const snapshots: Record<string, SnapshotInventory> = {};
const inventory = (name: string) =>
  (snapshots[name] ??=
    name === 'demo'
      ? SnapshotInventory.demo()
      : SnapshotInventory.load(
          name === 'netpol-e2e' ? join(__dirname, 'fixtures', name) : join(__dirname, '..', 'fixtures', name),
        ));

const shortOf = (name: string) => name.replace(/^\w+:/, '').split('/');

/** Who the answer is about: a wrong one here, on an answered question, is a confident misroute. */
function subjectErrors(l: Line, r: PathResult): string[] {
  const text = JSON.stringify([r.answer, r.hops, r.facts, r.title, r.sections]);
  const wrong: string[] = [];
  const twoParty = l.client !== undefined || l.target !== undefined;
  if (twoParty) {
    const first = r.hops[0]?.name;
    const last = r.hops[r.hops.length - 1]?.name;
    const ok = (hop: string | undefined, want?: string) => !want || hop === want || !!l.group?.includes(hop ?? '');
    if (!ok(first, l.client)) wrong.push(`client ${first} ≠ ${l.client}`);
    if (!ok(last, l.target)) wrong.push(`target ${last} ≠ ${l.target}`);
    return wrong;
  }
  for (const name of [...(l.subject ? [l.subject] : []), ...(l.group ?? [])]) {
    const [ns, short] = shortOf(name).length === 2 ? shortOf(name) : [undefined, shortOf(name)[0]];
    const found = name.startsWith('route:') || name.startsWith('service:') || name.startsWith('ingress:');
    const inText = found ? text.includes(short) : new RegExp(`\\b${short.replace(/\./g, '\\.')}\\b`).test(text);
    if (!inText || (ns && !text.includes(ns))) wrong.push(`subject ${name} not in the answer`);
  }
  for (const s of l.has ?? []) if (!text.includes(s)) wrong.push(`answer lacks ${s}`);
  // an egress answer for the Internet when an address was asked about answers another question
  if (['egress', 'policy', 'east-west', 'what-is', 'dns', 'inbound'].includes(l.intent) && l.ip && !text.includes(l.ip))
    wrong.push(`answer never says ${l.ip}`);
  return wrong;
}

function replyErrors(l: Line, r: PathResult): string[] {
  const wrong: string[] = [];
  const buttons = JSON.stringify(r.followUps);
  for (const s of l.mustNotSay ?? []) if (r.answer.toLowerCase().includes(s.toLowerCase())) wrong.push(`echoes ${s}`);
  if (l.reply === 'scope') {
    if (r.answer.trim().includes('\n')) wrong.push('scope answer is not one line');
    if (!r.followUps.some((f) => f.intent === 'help')) wrong.push('no help button');
  }
  if (l.reply === 'choices') {
    if (r.followUps.length < 2) wrong.push(`${r.followUps.length} buttons`);
    for (const m of l.mentions ?? []) if (!buttons.includes(m)) wrong.push(`no button about ${m}`);
  }
  return wrong;
}

/** A reply that asks (buttons, not an answer) offers the right reading: a button of the right family that names the
 * subject (or, for a pair, both parties) by its pod name, its workload or its namespace/name. */
function offersRight(l: Line, r: PathResult, intents: string[]): boolean {
  if (r.status === 'answered' || l.status !== 'answered') return false;
  const names = [l.subject, l.client, l.target].filter((n): n is string => !!n).map((n) => shortOf(n).pop()!);
  return r.followUps.some((f) => {
    if (!f.intent || !intents.includes(f.intent)) return false;
    const words = f.question.toLowerCase().split(/[\s/]+/);
    return names.every((n) => words.some((w) => w === n || (w.length >= 2 && n.startsWith(`${w}-`))));
  });
}

/** What is wrong with the bot's reading of one line, and whether it is a confident misroute. */
async function check(l: Line): Promise<{ wrong: string[]; misroute: boolean; offered: boolean }> {
  const p = await understandWith(l.text, inventory(l.snapshot));
  const r = await ask(l.text, inventory(l.snapshot));
  const wrong: string[] = [];
  const intents = [l.intent, ...(l.alsoOk ?? [])];
  if (!intents.includes(p.kind)) wrong.push(`intent ${p.kind} ≠ ${l.intent}`);
  if (r.status !== l.status) wrong.push(`status ${r.status} ≠ ${l.status}`);
  if (l.port && p.port !== l.port) wrong.push(`port ${p.port} ≠ ${l.port}`);
  if (l.ip && !p.ips.includes(l.ip) && p.destination !== l.ip) wrong.push(`ip ${p.ips} ≠ ${l.ip}`);
  if (l.from && p.clientIp !== l.from) wrong.push(`from ${p.clientIp} ≠ ${l.from}`);
  const subject = r.status === 'answered' && l.status === 'answered' ? subjectErrors(l, r) : [];
  wrong.push(...subject, ...replyErrors(l, r));
  const misroute =
    r.status === 'answered' && (l.status !== 'answered' || !intents.includes(r.intent) || subject.length > 0);
  return { wrong, misroute, offered: wrong.length > 0 && offersRight(l, r, intents) };
}

interface Score {
  ok: number;
  byIntent: Map<string, { n: number; ok: number }>;
  misroutes: string[];
  /** misses that asked with buttons, one of them the right reading (a safe failure) */
  offered?: number;
}

/** Scores every line by family and prints the table, the confident misroutes and every miss. */
export async function score(name: string, lines: Line[]): Promise<Score> {
  const byIntent = new Map<string, { n: number; ok: number }>();
  const misses: string[] = [];
  const misroutes: string[] = [];
  let offered = 0;
  for (const l of lines) {
    const { wrong, misroute, offered: safe } = await check(l);
    if (safe) offered++;
    const s = byIntent.get(l.intent) ?? { n: 0, ok: 0 };
    s.n++;
    if (wrong.length === 0) s.ok++;
    else misses.push(`[${l.snapshot}] ${l.text} — ${wrong.join('; ')}`);
    if (misroute) misroutes.push(`[${l.snapshot}] ${l.text}`);
    byIntent.set(l.intent, s);
  }
  const ok = [...byIntent.values()].reduce((a, s) => a + s.ok, 0);
  const pct = (a: number, n: number) => `${((100 * a) / n).toFixed(1)} %`;
  const table = [...byIntent]
    .sort()
    .map(([k, s]) => `${k.padEnd(15)} ${String(s.ok).padStart(3)}/${String(s.n).padEnd(3)} ${pct(s.ok, s.n)}`);
  console.log(
    [
      `${name}: ${ok}/${lines.length} = ${pct(ok, lines.length)}`,
      ...table,
      `confident misroutes: ${misroutes.length}`,
      ...misroutes.map((m) => `  ${m}`),
      `asked, right reading offered: ${offered}`,
      `misses:`,
      ...misses.map((m) => `  ${m}`),
    ].join('\n'),
  );
  return { ok, byIntent, misroutes, offered };
}

const FAMILIES = ['egress', 'inbound', 'east-west', 'policy', 'dns', 'what-is', 'load-balancers', 'pod', 'help'];

/** The set itself: at least `perFamily` lines in every family (help included), `unknown` replies that are not answers. */
export function expectCoverage(s: Score, perFamily: number, unknown: number): void {
  for (const family of FAMILIES)
    expect([family, (s.byIntent.get(family)?.n ?? 0) >= perFamily]).toEqual([family, true]);
  expect(s.byIntent.get('unknown')?.n ?? 0).toBeGreaterThanOrEqual(unknown);
}

/** Floors: the measured score rounded down to the whole percent, so any lost line fails; and the misroutes allowed. */
export function expectFloors(s: Score, total: number, floor: Record<string, number>, misroutes: number): void {
  const pct = (a: number, n: number) => (100 * a) / n;
  expect(pct(s.ok, total)).toBeGreaterThanOrEqual(floor.all);
  for (const [family, f] of s.byIntent)
    expect([family, pct(f.ok, f.n) >= (floor[family] ?? 100)]).toEqual([family, true]);
  expect(s.misroutes.length).toBeLessThanOrEqual(misroutes);
}

/**
 * One held-out set's test: at least 200 lines, the score by family with every miss printed, the set's own counts
 * (`coverage`: labelled lines per family and non-answers, not the parser's score) and the floors.
 */
export function heldoutTest(
  n: number,
  floor: Record<string, number>,
  misroutes: number,
  o: { coverage?: [perFamily: number, unknown: number]; timeout?: number } = {},
): void {
  test(
    `held-out set ${n}: score by family, every miss and confident misroute printed`,
    async () => {
      const lines = loadLines(`heldout-${n}.jsonl`);
      expect(lines.length).toBeGreaterThanOrEqual(200);
      const s = await score(`held-out ${n}`, lines);
      console.log(`held-out ${n}: ${s.ok}/${lines.length} right, ${s.misroutes.length} confident misroutes`);
      if (o.coverage) expectCoverage(s, ...o.coverage);
      expectFloors(s, lines.length, floor, misroutes);
    },
    o.timeout,
  );
}
