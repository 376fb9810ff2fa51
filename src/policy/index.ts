import type { Family } from '../family';
import type { EastWestSubjects } from '../east-west/resolve';
import { decide, type PolicyDecision } from './decide';
import { facts, type PolicyFacts } from './facts';
import { narrate } from './narrate';
import { resolve } from './resolve';
import { spec } from './spec';

export const policy: Family<'policy', EastWestSubjects, PolicyFacts, PolicyDecision> = {
  spec,
  card: 'east-west',
  resolve,
  facts,
  decide,
  narrate,
};
