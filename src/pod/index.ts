import type { Family } from '../family';
import { decide, type PodDecision } from './decide';
import { facts, type PodFacts } from './facts';
import { narrate } from './narrate';
import { resolve, type PodSubjects } from './resolve';
import { spec } from './spec';

export const pod: Family<'pod', PodSubjects, PodFacts, PodDecision> = {
  spec,
  card: 'pod',
  resolve,
  facts,
  decide,
  narrate,
};
