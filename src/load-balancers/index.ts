import type { Family } from '../family';
import { decide, type LbDecision } from './decide';
import { facts, type LbFacts } from './facts';
import { narrate } from './narrate';
import { resolve, type LbSubjects } from './resolve';
import { spec } from './spec';

export const loadBalancers: Family<'load-balancers', LbSubjects, LbFacts, LbDecision> = {
  spec,
  card: 'load-balancers',
  resolve,
  facts,
  decide,
  narrate,
};
