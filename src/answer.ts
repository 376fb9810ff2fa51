// The pipeline every front end shares: text → intent → family → resolve →
// facts → decide → narrate. It only walks the registry (families.ts).
import { parseWatch } from './watch/command';
import { isHandOff, isReply, type Ctx, type Family, type HandOff, type Noted } from './family';
import { familyOf, type IntentKind } from './families';
import { help } from './help';
import type { Inventory } from './inventory/inventory';
import { findEntities } from './nlu/entities';
import { forReplica, forTarget, GROUP_LIMIT, isGrouped, mergeGroup, targetsOf } from './nlu/groups';
import { INTENTS } from './nlu/intents';
import { leftOut } from './nlu/left-out';
import { keepRange, parse, type Intent } from './nlu/parse';
import { readingsReply, scopeReply, unclearReply } from './nlu/replies';
import { reconsider } from './nlu/roles';
import { chainOf, mergeParts, pairQuestion, pairSaid, PART_LIMIT } from './parts';
import { result, type LookupFailure, type PathResult } from './path/result';
import { Trace } from './path/trace';

/** The help answer (welcome message, help card). */
export const helpAnswer = (inv: Inventory): Promise<PathResult> => answerWith(help, parse('help'), inv);

/** What a conversation remembers between questions (kept in bot state, per conversation). */
export interface Memory {
  intent?: IntentKind;
  namespace?: string;
  cluster?: string;
  /** the last question, for "refresh" */
  question?: string;
}

const FOLLOW_UP = /^\s*(and|what about|how about|same for|and for|also|now)\b/i;

/** The namespace the answer was about: the first pod hop's, else the remembered one. */
const answeredNamespace = (r: PathResult): string | undefined =>
  r.hops.find((h) => h.kind === 'pod')?.name.split('/')[0] || undefined;

/** Run one family's steps; failed lookups of every step end in the result's errors. */
async function answerWith<K extends IntentKind, S extends Noted, F, D>(
  family: Family<K, S, F, D>,
  intent: Intent,
  inv: Inventory,
  handed = false,
): Promise<PathResult> {
  const ctx: Ctx = { inv, trace: new Trace(), specs: INTENTS };
  const subjects = await family.resolve(intent, ctx);
  if (isReply(subjects)) return withErrors(subjects, ctx.trace.errors);
  // a question handed on is never handed on again
  if (isHandOff(subjects)) return handed ? unclearReply(intent) : handOff(subjects, intent, inv);
  const steps = async (s: S) => family.narrate(family.decide(s, await family.facts(s, ctx)));
  let r: PathResult;
  if (isGrouped(subjects)) {
    // every replica answered; the note "they share this answer unless…" is replaced by the check itself
    const pods = subjects.group.slice(0, GROUP_LIMIT);
    const results = await Promise.all(pods.map((pod) => steps(forReplica(subjects, pod))));
    r = mergeGroup(pods, results, subjects.group.length, subjects.scope);
    subjects.notes = subjects.shared ?? [];
  } else if (targetsOf(subjects)) {
    const targets = targetsOf(subjects)!;
    const pods = targets.slice(0, GROUP_LIMIT);
    const results = await Promise.all(pods.map((pod) => steps(forTarget(subjects as never, pod) as S)));
    r = mergeGroup(pods, results, targets.length);
  } else r = await steps(subjects);
  withErrors(r, ctx.trace.errors);
  r.warnings.unshift(...[...(intent.notes ?? []), ...(subjects.notes ?? [])].filter((n): n is string => !!n));
  return r;
}

/** Another family answers, with the note why. */
function handOff(h: HandOff, intent: Intent, inv: Inventory): Promise<PathResult> {
  const family = familyOf(h.handOff) as Family<IntentKind, Noted, unknown, unknown>;
  const notes = [...(intent.notes ?? []), h.note];
  return answerWith(family, { ...intent, ...h.read, kind: h.handOff, notes }, inv, true);
}

function withErrors(r: PathResult, errors: LookupFailure[]): PathResult {
  const seen = new Set(r.errors.map((e) => `${e.lookup}\n${e.reason}`));
  r.errors.push(...errors.filter((e) => !seen.has(`${e.lookup}\n${e.reason}`)));
  return r;
}

/** How the text is read, with the conversation's memory and a button's intent. */
function understand(text: string, memory: Memory, forcedIntent?: string): Intent {
  const intent = parse(text);
  // card buttons name their intent: no guessing from the words
  if (forcedIntent && familyOf(forcedIntent)) {
    intent.kind = forcedIntent as IntentKind;
    intent.action = false;
  }
  intent.defaultNamespace = memory.namespace;
  const subjects = intent.names.length + intent.ips.length;
  const short = subjects <= 2 && text.split(/\s+/).length <= 5;
  if (intent.kind === 'unknown' && memory.intent && subjects && (FOLLOW_UP.test(text) || short)) {
    intent.kind = memory.intent; // "and what about server?" repeats the last question about a new subject
  }
  return intent;
}

/** How a question is understood against an inventory: parse, entities, then roles (what `parse` prints). */
export async function understandWith(
  text: string,
  inv: Inventory,
  memory: Memory = {},
  forcedIntent?: string,
): Promise<Intent> {
  const intent = understand(text, memory, forcedIntent);
  // entities first: what the names are in this inventory, then who asks what
  if (intent.kind !== 'help') await findEntities(intent, inv);
  if (!forcedIntent && !intent.action) reconsider(intent);
  keepRange(intent);
  const missed = leftOut(intent);
  if (missed.length) intent.notes = [...(intent.notes ?? []), ...missed];
  // several pairs of one family, few enough to answer each: the family is known, each pair is its subject
  const [kind] = intent.close ?? [];
  if (intent.pairs && intent.pairs.length <= PART_LIMIT && intent.close?.length === 1 && familyOf(kind)) {
    intent.kind = kind as IntentKind;
  }
  return intent;
}

/** "refresh", "refresh: <question>": the question (or the last one) again, its Azure data re-read first. */
const REFRESH = /^\s*refresh(?:\s*:\s*|\s+|$)/i;

export async function ask(
  text: string,
  inv: Inventory,
  memory: Memory = {},
  forcedIntent?: string,
): Promise<PathResult> {
  const refresh = REFRESH.exec(text);
  const question = refresh ? text.slice(refresh[0].length) || memory.question || '' : text;
  if (!question.trim())
    return result('unknown', 'not-understood', 'Refresh what? Ask a question first, or say "refresh <question>".');
  if (!inv.answering) return answer(question, inv, memory, forcedIntent);
  const { value, dataAge, notReread } = await inv.answering(() => answer(question, inv, memory, forcedIntent), {
    refresh: !!refresh,
  });
  if (dataAge !== undefined) value.dataAge = dataAge;
  return notReread ? withErrors(value, notReread) : value;
}

/** One message answered; `part`: it is one part of a message already split, never split again. */
async function answer(
  text: string,
  inv: Inventory,
  memory: Memory,
  forcedIntent?: string,
  part = false,
): Promise<PathResult> {
  // the bot takes watch commands before questions; anywhere else (the CLI) they cannot post anything
  if (parseWatch(text)) return watchElsewhere();
  const chain = forcedIntent || part ? undefined : chainOf(text, VERBS);
  if (chain) return answerParts(chain, chain, 'questions', { text, inv, memory });
  const intent = await understandWith(text, inv, memory, forcedIntent);
  if (intent.action || intent.outOfScope) return scopeReply();
  // "is web allowed to reach db-0 — no wait, api": which party was taken back is not known, so it is asked
  if (intent.readings && (intent.kind === 'policy' || intent.kind === 'east-west'))
    return readingsReply(intent.kind, intent.readings);
  if (!part && intent.questions && intent.questions.length >= 2 && intent.questions.length <= PART_LIMIT)
    return answerParts(intent.questions, intent.questions, 'questions', { text, inv, memory, notes: intent.notes });
  const family = familyOf(intent.kind);
  if (!family) return unclearReply(intent);
  if (intent.pairs) {
    const { kind } = family.spec;
    const questions = intent.pairs.map((x) => pairQuestion(kind, x));
    const said = { text, inv, memory, notes: intent.notes };
    return answerParts(intent.pairs.map(pairSaid), questions, 'pairs', said, kind);
  }
  const r = await answerWith(family as Family<IntentKind, Noted, unknown, unknown>, intent, inv);
  r.memory = {
    intent: intent.kind === 'help' ? memory.intent : family.spec.kind,
    namespace: intent.namespace ?? answeredNamespace(r) ?? memory.namespace,
    question: text,
  };
  return r;
}

/** The help's commands ("egress", "path", "lbs", …): a message of several, chained with ";", answers each. */
const VERBS = INTENTS.map((i) => i.command.split(' ')[0]).filter((v) => v !== 'help');

/** Each question answered on its own (with the family a pair's is known to be), then put together. */
async function answerParts(
  asked: string[],
  questions: string[],
  noun: 'pairs' | 'questions',
  { text, inv, memory, notes }: { text: string; inv: Inventory; memory: Memory; notes?: string[] },
  kind?: IntentKind,
): Promise<PathResult> {
  const results = await Promise.all(questions.map((q) => answer(q, inv, memory, kind, true)));
  const r = mergeParts(asked, results, noun);
  // what the whole message left out ("nothing is named foo") is not in any part's answer
  r.warnings.unshift(...(notes ?? []).filter((n) => !r.warnings.includes(n)));
  r.memory = { ...results[0].memory, question: text };
  return r;
}

const watchElsewhere = (): PathResult =>
  result(
    'unknown',
    'not-understood',
    'Watching is for a chat: in Teams, on a live cluster, the bot posts a card when a watched fact changes. ' +
      'Here, compare two snapshot folders with `packet-path diff OLD NEW`.',
    { title: 'Watching needs the bot in a chat', verify: ['packet-path diff OLD NEW'] },
  );
