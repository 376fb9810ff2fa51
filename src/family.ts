// The shape of a question family. A family is one folder under src/ holding
// its spec (how it is asked), resolve (entities → subjects), facts (the
// read-only lookups, through the trace), decide (pure rules → a typed
// decision) and narrate (decision → PathResult). The pipeline (answer.ts)
// walks the registry (families.ts) and calls these steps in this order.
import type { IntentKind } from './families';
import type { Inventory } from './inventory/inventory';
import type { Intent } from './nlu/parse';
import type { PathResult } from './path/result';
import type { Trace } from './path/trace';

/** A trigger phrase; a pair carries a weight other than 1 (for phrases that settle the question). */
export type Trigger = RegExp | readonly [RegExp, number];

export interface IntentSpec<K extends IntentKind = IntentKind> {
  kind: K;
  title: string;
  triggers: readonly Trigger[];
  examples: readonly string[];
  /** terse form for power users */
  command: string;
}

/** The card template that draws a family's answers (src/cards/templates/<card>.json). */
export type CardFamily = 'egress' | 'inbound' | 'east-west' | 'what-is' | 'load-balancers' | 'pod' | 'help';

/** What every step may use: the inventory, the per-question trace, and the registry's specs. */
export interface Ctx {
  inv: Inventory;
  trace: Trace;
  specs: readonly IntentSpec[];
}

/** Subjects may carry notes on how the question was read ("3 replicas…"): shown first among the warnings. */
export interface Noted {
  notes?: (string | undefined)[];
}

export interface Family<K extends IntentKind, S extends Noted, F, D> {
  spec: IntentSpec<K>;
  card: CardFamily;
  /** the question's entities → the subjects it is about, or a reply saying why not (not found, ambiguous…) */
  resolve(intent: Intent, ctx: Ctx): Promise<S | PathResult | HandOff>;
  /** read what the rules need; every lookup goes through ctx.trace, a failure becomes an entry in errors */
  facts(subjects: S, ctx: Ctx): Promise<F>;
  /** pure: the rules, returning a typed decision (no words for people) */
  decide(subjects: S, facts: F): D;
  /** pure: the decision in words, hops and typed fields */
  narrate(decision: D): PathResult;
}

/** The question turned out to be another family's ("what source IP does api have calling 20.67.170.10", our own load
 * balancer's IP, is a path inside the cluster, not egress): answered by that family, with the note why. */
export interface HandOff {
  handOff: IntentKind;
  note: string;
  /** how that family reads the question differently ("the destination is one of the parties") */
  read?: Partial<Intent>;
}

export const isHandOff = (x: unknown): x is HandOff => !!x && typeof x === 'object' && 'handOff' in x;

/** Tell a reply (PathResult) from subjects in resolve's result. */
export const isReply = (x: unknown): x is PathResult =>
  !!x && typeof x === 'object' && 'status' in x && 'answer' in x && 'hops' in x;
