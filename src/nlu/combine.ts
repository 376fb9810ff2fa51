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
  /** the model disputes the rules' family when it gives it at most this and another family `contest`/`questions` */
  dispute: number;
  /** settling evidence is questioned (the bot asks) when the model disputes it and gives another family this */
  contest: number;
  /** rules that do not settle are questioned when the model disputes them and gives another family this */
  questions: number;
  /** the model disputes the rules by reading no family at all only when this sure */
  nothing: number;
  /** the model overruling the rules answers alone only from this sureness; between `overrules` and this it asks */
  overwhelms: number;
  /** the rules found nothing: a question about the bot itself gets the help card when the model is this sure */
  help: number;
  /** a pair the rules read as east-west is the policy question when the model is this sure of it */
  pair: number;
}

/** Chosen by cross-validation over held-out sets 7–23 (test/nlu/model-cv.ts) and by the sets' first, unseen
 * measurements (sets 21–23 on the code before each was tuned on): asking where the model disputes the rules turned 13
 * of 56 unseen confident misroutes into questions and lost none of those sets' right answers. */
export const THRESHOLDS: Thresholds = {
  alone: 0.7,
  overrules: 0.9,
  doubt: 0.05,
  dispute: 0.1,
  contest: 0.5,
  questions: 0.4,
  nothing: 0.95,
  overwhelms: 0.95,
  help: 0.8,
  pair: 0.85,
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
  const pKind = top.find((x) => x.kind === kind)?.p ?? 0;
  // the model gives the rules' family next to nothing (east-west and policy answer the same pair: never doubted)
  const doubted = m !== kind && !samePair(m, kind) && pKind < t.doubt;
  const disputed = (least: number) =>
    m !== kind && !samePair(m, kind) && pKind <= t.dispute && first.p >= (m === 'unknown' ? t.nothing : least);
  if (settles(evidence)) {
    if (disputed(t.contest)) return ask(kind, other(top, kind), 'evidence and the model disagree: ask');
    return { ...rules, decided: 'rules: evidence settles' };
  }
  if (kind === 'help') return { ...rules, decided: 'rules: help' };
  if (m === kind) return { ...rules, decided: 'rules and model agree' };
  // east-west and policy answer the same pair (the verdict is on the path): the rules' verdict words decide; where
  // they found none, a sure model may still read a verdict asked ("[ACCESS] … expected deny, please confirm")
  if (samePair(m, kind))
    return m === 'policy' && first.p >= t.pair
      ? { kind: m, decided: 'model: a verdict asked of the pair' }
      : { ...rules, decided: 'rules (east-west and policy: the same pair)' };
  const overruled = overrule(kind, m, first.p, t, firm(scores[kind], evidence, m));
  if (overruled) return overruled;
  if (!doubted && !disputed(t.questions)) return { ...rules, decided: 'rules (the model does not rule them out)' };
  return ask(kind, other(top, kind), 'rules and model disagree: ask');
}

/** The model's first family other than the rules' (and other than no family at all). */
const other = (top: Top, kind: IntentKind): IntentKind | undefined =>
  top.find((x) => x.kind !== kind && x.kind !== 'unknown')?.kind as IntentKind | undefined;

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
 * when overwhelming). */
function noFamily(rules: Chosen, first: Top[number], t: Thresholds, evidence: string[]): Decision {
  const m = first.kind as Kind;
  // trouble reported with no question ("something feels off with web"): any family would be a guess
  if (evidence.includes('trouble-without-a-question')) return { ...rules, decided: 'rules: trouble, no question' };
  // "supported question types?", "do you do DNS too or only egress?": the help card answers nothing about the
  // network, so a wrong one costs a click; the model's reading of a question about the bot is taken when it is sure
  if (m === 'help' && first.p >= t.help) return { kind: 'help', decided: 'model: a question about the bot' };
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
