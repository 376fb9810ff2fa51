// Which load balancers the question is about: all, or one it names.
import type { Ctx, Noted } from '../family';
import type { Intent } from '../nlu/parse';
import { WHAT_DOES } from '../nlu/roles';
import type { PathResult } from '../path/result';
import { SNAT_QUESTION } from '../snat/question';
import { SNAT_BUDGET } from './spec';

export interface LbSubjects extends Noted {
  /** names that narrow the answer when one of them is a load balancer */
  pick: string[];
  /** a name given as a load balancer's ("load balancer X", "lb X"): it must be one */
  explicit?: string;
  /** a SNAT usage question ("are we running out of SNAT ports?"): ports per node, use at peak, failures */
  snat?: boolean;
}

const AFTER_LB = /\b(?:load[- ]?balancers?|lbs?)\s+([a-z0-9][a-z0-9.-]*[a-z0-9])\b/;

export async function resolve(intent: Intent, _ctx: Ctx): Promise<LbSubjects | PathResult> {
  // "lb X", "what does X do?": the name must be a load balancer's
  const explicit = AFTER_LB.exec(intent.text)?.[1] ?? WHAT_DOES.exec(intent.text)?.[3];
  return {
    pick: intent.names,
    explicit: explicit && intent.names.includes(explicit) ? explicit : undefined,
    snat: SNAT_QUESTION.test(intent.text) || SNAT_BUDGET.test(intent.text) || undefined,
  };
}
