import type { Family } from '../family';
import { decide, type AnyPolicyDecision } from './decide';
import { facts, type AnyPolicyFacts } from './facts';
import { narrate } from './narrate';
import { resolve, type PolicySubjects } from './resolve';
import { spec } from './spec';

export const policy: Family<'policy', PolicySubjects, AnyPolicyFacts, AnyPolicyDecision> = {
  spec,
  card: 'east-west',
  resolve,
  facts,
  decide,
  narrate,
};
