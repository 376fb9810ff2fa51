import type { Family } from '../family';
import { decide, type EastWestDecision } from '../east-west/decide';
import { facts, type EastWestFacts } from '../east-west/facts';
import { resolvePair, type EastWestSubjects } from '../east-west/resolve';
import { narrate } from './narrate';
import { spec } from './spec';

export const policy: Family<'policy', EastWestSubjects, EastWestFacts, EastWestDecision> = {
  spec,
  card: 'east-west',
  resolve: (intent, ctx) => resolvePair(intent, ctx, spec),
  facts,
  decide,
  narrate,
};
