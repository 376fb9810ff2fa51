import type { Family } from '../family';
import { decide, type EgressAnswer } from './decide';
import { facts, type EgressFacts } from './facts';
import { narrate } from './narrate';
import { resolve, type EgressSubjects } from './resolve';
import { spec } from './spec';

export const egress: Family<'egress', EgressSubjects, EgressFacts, EgressAnswer> = {
  spec,
  card: 'egress',
  resolve,
  facts,
  decide,
  narrate,
};
