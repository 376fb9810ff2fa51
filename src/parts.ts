// Several questions in one message, each answered as its own question and put together in the order asked: pairs
// ("path web -> api:8080; path api -> db-0:5432", "confirm api → db-0 is allowed and web → db-0 stays blocked") and
// terse commands chained with ";" ("egress api -n shop; egress web -n shop").
import type { IntentKind } from './families';
import type { Intent } from './nlu/parse';
import type { PathResult, Section } from './path/result';

type Pair = NonNullable<Intent['pairs']>[number];

/** More questions than this in one message are not answered at once (one card stays readable). */
export const PART_LIMIT = 4;

export const pairSaid = (x: Pair): string => `${x.client} → ${x.target}${x.port ? `:${x.port}` : ''}`;

/** The question one pair is, as its card button asks it. */
export const pairQuestion = (kind: IntentKind, x: Pair): string =>
  `${kind === 'policy' ? 'policy' : 'path'} ${x.client} -> ${x.target}${x.port ? `:${x.port}` : ''}`;

/** "egress api -n shop; egress web -n shop": each part starts with a command word (`verbs`, from the help's
 * commands); undefined when the message is not such a chain. */
export function chainOf(text: string, verbs: string[]): string[] | undefined {
  const command = (s: string) => verbs.includes(s.split(/\s+/)[0].toLowerCase());
  // a chat-ops prefix before each command ("!pp egress web ; !pp path …") is the bot's name, not part of the ask
  const unprefixed = (s: string) => {
    const rest = s.replace(/^[!/][\w-]+\s+/, '');
    return rest !== s && command(rest) ? rest : s;
  };
  const parts = text
    .split(';')
    .map((s) => unprefixed(s.trim()))
    .filter(Boolean);
  return parts.length >= 2 && parts.length <= PART_LIMIT && parts.every(command) ? parts : undefined;
}

/** One part on the card: what was asked, its answer's first sentence, its path. */
function sectionOf(asked: string, r: PathResult, i: number): Section {
  const hops = r.hops.map((h) => `${h.kind} ${h.name}${h.ip ? ` (${h.ip})` : ''}`);
  const first = r.answer.match(/^.{20,}?[.!?](?=\s|$)/)?.[0] ?? r.answer.split('\n')[0];
  return { title: `${i + 1}. ${asked}`, subtitle: first, lines: hops };
}

const unique = <T>(xs: T[], key: (x: T) => string = String) => {
  const seen = new Set<string>();
  return xs.filter((x) => !seen.has(key(x)) && !!seen.add(key(x)));
};

/**
 * One result for all the parts: every answer in the text, numbered; a card section each; the first part's path and
 * facts as the typed ones; each part's whole result under `parts`. Answered only when every part is: a part that
 * could not be answered makes the whole reply say so (its status), with the others' answers still given.
 */
export function mergeParts(asked: string[], results: PathResult[], noun: 'pairs' | 'questions'): PathResult {
  // a verdict, layers or source address at the top would speak for the first part alone: they stay in `parts`
  const first: PathResult = { ...results[0] };
  for (const typed of ['verdict', 'layers', 'seenAs', 'clientIp'] as const) delete first[typed];
  const failed = results.find((r) => r.status !== 'answered');
  const each = results.map((r, i) => `${i + 1}. ${asked[i]}: ${r.answer}`).join('\n');
  return {
    ...first,
    status: failed?.status ?? 'answered',
    answer: `${asked.length} ${noun} asked, each answered:\n${each}`,
    title: results.map((r, i) => r.title ?? asked[i]).join(' · '),
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
    sections: results.map((r, i) => sectionOf(asked[i], r, i)),
    parts: results,
  };
}
