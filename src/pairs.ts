// Several pairs asked in one message ("path web -> api:8080; path api -> db-0:5432", "confirm api → db-0 is allowed
// and web → db-0 stays blocked"): each pair is answered as its own question, and the answers are put together in
// the order the message asked them.
import type { IntentKind } from './families';
import type { Intent } from './nlu/parse';
import type { PathResult, Section } from './path/result';

type Pair = NonNullable<Intent['pairs']>[number];

/** More pairs than this in one message are offered as buttons instead (one card stays readable). */
export const PAIR_LIMIT = 4;

const said = (x: Pair) => `${x.client} → ${x.target}${x.port ? `:${x.port}` : ''}`;

/** The question one pair is, as its card button asks it. */
export const pairQuestion = (kind: IntentKind, x: Pair): string =>
  `${kind === 'policy' ? 'policy' : 'path'} ${x.client} -> ${x.target}${x.port ? `:${x.port}` : ''}`;

/** One pair on the card: what was asked, its answer's first sentence, its path. */
function sectionOf(x: Pair, r: PathResult, i: number): Section {
  const hops = r.hops.map((h) => `${h.kind} ${h.name}${h.ip ? ` (${h.ip})` : ''}`);
  const first = r.answer.match(/^.{20,}?[.!?](?=\s|$)/)?.[0] ?? r.answer.split('\n')[0];
  return { title: `${i + 1}. ${said(x)}`, subtitle: first, lines: hops };
}

const unique = <T>(xs: T[], key: (x: T) => string = String) => {
  const seen = new Set<string>();
  return xs.filter((x) => !seen.has(key(x)) && !!seen.add(key(x)));
};

/**
 * One result for all the pairs: every answer in the text, numbered; a card section per pair; the first pair's path
 * and facts as the typed ones; each pair's whole result under `parts`. Answered only when every pair is: a pair that
 * could not be answered makes the whole reply say so (its status), with the others' answers still given.
 */
export function mergePairs(pairs: Pair[], results: PathResult[]): PathResult {
  // a verdict, layers or source address at the top would speak for the first pair alone: they stay in `parts`
  const first: PathResult = { ...results[0] };
  for (const typed of ['verdict', 'layers', 'seenAs', 'clientIp'] as const) delete first[typed];
  const failed = results.find((r) => r.status !== 'answered');
  const each = results.map((r, i) => `${i + 1}. ${said(pairs[i])}: ${r.answer}`).join('\n');
  const titles = results.map((r, i) => r.title ?? said(pairs[i]));
  return {
    ...first,
    status: failed?.status ?? 'answered',
    answer: `${pairs.length} pairs asked, each answered:\n${each}`,
    title: titles.join(' · '),
    warnings: unique(results.flatMap((r) => r.warnings)),
    verify: unique(results.flatMap((r) => r.verify)),
    errors: unique(
      results.flatMap((r) => r.errors),
      (e) => `${e.lookup}\n${e.reason}`,
    ),
    followUps: unique(
      results.flatMap((r) => r.followUps),
      (f) => f.question,
    ).slice(0, 3),
    sections: results.map((r, i) => sectionOf(pairs[i], r, i)),
    parts: results,
  };
}
