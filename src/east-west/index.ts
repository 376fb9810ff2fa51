import type { Family } from '../family';
import { decide, type EastWestDecision } from './decide';
import { facts, type EastWestFacts } from './facts';
import { narrate } from './narrate';
import { resolvePair, type EastWestSubjects } from './resolve';
import { spec } from './spec';

export const eastWest: Family<'east-west', EastWestSubjects, EastWestFacts, EastWestDecision> = {
  spec,
  card: 'east-west',
  resolve: (intent, ctx) => resolvePair(intent, ctx, spec),
  facts,
  decide,
  narrate,
};
