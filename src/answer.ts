// The pipeline every front end shares: text → intent → family → resolve →
// facts → decide → narrate. It only walks the registry (families.ts).
import { isReply, type Ctx, type Family, type Noted } from './family';
import { familyOf, FAMILIES, type IntentKind } from './families';
import { help } from './help';
import type { Inventory } from './inventory/inventory';
import { INTENTS } from './nlu/intents';
import { parse, type Intent } from './nlu/parse';
import { result, type LookupFailure, type PathResult } from './path/result';
import { Trace } from './path/trace';

/** The help answer (welcome message, help card). */
export const helpAnswer = (inv: Inventory): Promise<PathResult> => answerWith(help, parse('help'), inv);

/** What a conversation remembers between questions (kept in bot state, per conversation). */
export interface Memory {
  intent?: IntentKind;
  namespace?: string;
  cluster?: string;
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
): Promise<PathResult> {
  const ctx: Ctx = { inv, trace: new Trace(), specs: INTENTS };
  const subjects = await family.resolve(intent, ctx);
  if (isReply(subjects)) return withErrors(subjects, ctx.trace.errors);
  const decision = family.decide(subjects, await family.facts(subjects, ctx));
  const r = withErrors(family.narrate(decision), ctx.trace.errors);
  r.warnings.unshift(...(subjects.notes ?? []).filter((n): n is string => !!n));
  return r;
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

const READ_ONLY =
  'I only read the cluster and the subscription, and change nothing. ' +
  'Ask me how traffic flows instead — "help" lists the questions I answer.';

export async function ask(
  text: string,
  inv: Inventory,
  memory: Memory = {},
  forcedIntent?: string,
): Promise<PathResult> {
  const intent = understand(text, memory, forcedIntent);
  if (intent.action) return result('unknown', 'not-understood', READ_ONLY);
  const family = familyOf(intent.kind);
  if (!family) {
    const examples = FAMILIES.filter((f) => f.spec.kind !== 'help')
      .slice(0, 4)
      .map((f) => `"${f.spec.examples[0]}"`)
      .join(', ');
    return result('unknown', 'not-understood', `I did not understand that question. Try ${examples}, or "help".`);
  }
  const r = await answerWith(family as Family<IntentKind, Noted, unknown, unknown>, intent, inv);
  r.memory = {
    intent: intent.kind === 'help' ? memory.intent : family.spec.kind,
    namespace: intent.namespace ?? answeredNamespace(r) ?? memory.namespace,
  };
  return r;
}
