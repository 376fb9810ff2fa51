// The family from two opinions: the rules (cue words and evidence, score.ts) and the trained model (classify.ts).
// A confident wrong answer is the worst outcome, so where they disagree and neither is overwhelming the bot asks,
// offering both readings. `packet-path parse` shows which rule below decided.
import type { IntentKind } from './intents';
import { settles } from './score';

export interface Thresholds {
  /** the model alone answers when the rules found nothing (or tied) and it is at least this sure */
  alone: number;
  /** the model overrules the rules (not settled by evidence) when it is at least this sure */
  overrules: number;
  /** where they disagree, the rules stand while the model gives their family at least this */
  doubt: number;
  /** evidence that settles is questioned (the bot asks) when the model is this sure of another family */
  contest: number;
  /** the model overruling the rules answers alone only from this sureness; between `overrules` and this it asks */
  overwhelms: number;
}

/** Chosen by leave-one-set-out cross-validation over held-out sets 7–13 (test/nlu/model-cv.ts). */
export const THRESHOLDS: Thresholds = {
  alone: 0.7,
  overrules: 0.9,
  doubt: 0.05,
  contest: 0.95,
  overwhelms: 0.95,
};

/** A score of the rules under this rests on one cue word at most (a trigger weighs 1–3, settling evidence 15+). */
const THIN = 3;

type Kind = IntentKind | 'unknown';
interface Chosen {
  kind: Kind;
  close?: IntentKind[];
}

const samePair = (a: string, b: string) => [a, b].every((k) => k === 'policy' || k === 'east-west');

type Top = { kind: string; p: number }[];
type Decision = Chosen & { decided: string };

export function combine(
  rules: Chosen,
  evidence: string[],
  top: Top,
  t: Thresholds = THRESHOLDS,
  scores: Partial<Record<string, number>> = {},
): Decision {
  const [first] = top;
  if (!first) return { ...rules, decided: 'rules (no model)' };
  if (rules.kind === 'unknown') return noFamily(rules, first, t, evidence);
  const kind = rules.kind;
  // a family with no labelled questions (changes) is the rules' alone
  if (!top.some((x) => x.kind === kind)) return { ...rules, decided: 'rules: a family the model was not trained on' };
  const m = first.kind as Kind;
  // the model gives the rules' family next to nothing (east-west and policy answer the same pair: never doubted)
  const doubted = m !== kind && !samePair(m, kind) && (top.find((x) => x.kind === kind)?.p ?? 0) < t.doubt;
  if (settles(evidence)) {
    if (doubted && m !== 'unknown' && first.p >= t.contest)
      return ask(kind, m as IntentKind, 'evidence and a sure model disagree: ask');
    return { ...rules, decided: 'rules: evidence settles' };
  }
  if (kind === 'help') return { ...rules, decided: 'rules: help' };
  if (m === kind) return { ...rules, decided: 'rules and model agree' };
  // east-west and policy answer the same pair (the verdict is on the path): the rules' verdict words decide
  if (samePair(m, kind)) return { ...rules, decided: 'rules (east-west and policy: the same pair)' };
  const overruled = overrule(kind, m, first.p, t, firm(scores[kind], evidence, m));
  if (overruled) return overruled;
  if (!doubted) return { ...rules, decided: 'rules (the model does not rule them out)' };
  const other = top.find((x) => x.kind !== kind && x.kind !== 'unknown')?.kind as IntentKind | undefined;
  return ask(kind, other, 'rules and model disagree: ask');
}

/** Rules that rest on more than one cue word, or that found two parties while the model reads one subject. */
const firm = (score: number | undefined, evidence: string[], m: string): boolean =>
  (score ?? Infinity) >= THIN || (evidence.includes('two-parties') && !samePair(m, 'policy'));

/** The model sure enough to overrule the rules; firm rules it overrules only when overwhelming, else the bot asks. */
function overrule(kind: IntentKind, m: Kind, p: number, t: Thresholds, firmRules: boolean): Decision | undefined {
  if (m === 'unknown' || p < t.overrules) return undefined;
  if (p >= t.overwhelms || !firmRules) return { kind: m, decided: 'model overwhelming' };
  return ask(kind, m, 'the model overrules firm rules: ask');
}

/** The rules found nothing (the model alone decides when sure), or two families tied (the model breaks the tie only
 * when overwhelming); never help: a message the rules cannot place is not a request for help. */
function noFamily(rules: Chosen, first: Top[number], t: Thresholds, evidence: string[]): Decision {
  const m = first.kind as Kind;
  // trouble reported with no question ("something feels off with web"): any family would be a guess
  if (evidence.includes('trouble-without-a-question')) return { ...rules, decided: 'rules: trouble, no question' };
  const sure = rules.close ? rules.close.includes(m as IntentKind) && first.p >= t.overrules : first.p >= t.alone;
  if (m !== 'unknown' && m !== 'help' && sure)
    return { kind: m, decided: rules.close ? 'model breaks the rules tie' : 'model: rules found no family' };
  return { ...rules, decided: rules.close ? 'rules tied: ask' : 'rules found nothing' };
}

const ask = (a: IntentKind, b: IntentKind | undefined, decided: string): Decision => ({
  kind: 'unknown',
  close: b ? [a, b] : [a],
  decided,
});
