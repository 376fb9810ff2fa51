// Which load balancers the question is about: all, or one it names.
import type { Ctx, Noted } from '../family';
import type { Intent } from '../nlu/parse';
import type { PathResult } from '../path/result';

export interface LbSubjects extends Noted {
  /** names that narrow the answer when one of them is a load balancer */
  pick: string[];
  /** a name given as a load balancer's ("load balancer X", "lb X"): it must be one */
  explicit?: string;
}

const AFTER_LB = /\b(?:load[- ]?balancers?|lbs?)\s+([a-z0-9][a-z0-9.-]*[a-z0-9])\b/;

export async function resolve(intent: Intent, _ctx: Ctx): Promise<LbSubjects | PathResult> {
  const explicit = AFTER_LB.exec(intent.text)?.[1];
  return { pick: intent.names, explicit: explicit && intent.names.includes(explicit) ? explicit : undefined };
}
