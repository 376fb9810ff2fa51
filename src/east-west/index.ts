import type { Family } from '../family';
import { decideReach, type PolicyDecision } from '../policy/decide';
import { reachFacts, type PolicyFacts } from '../policy/facts';
import { narrateReach } from '../policy/narrate';
import { resolvePair, type EastWestSubjects } from './resolve';
import { spec } from './spec';
import { EAST_WEST } from './narrate';

// A path between two pods crosses the same layers as the question whether one may reach the other: its answer
// reads and judges them too (an NSG that drops the packet makes "db-0 sees 10.10.1.11" a path that never completes)
export const eastWest: Family<'east-west', EastWestSubjects, PolicyFacts, PolicyDecision> = {
  spec,
  card: 'east-west',
  resolve: (intent, ctx) => resolvePair(intent, ctx, spec),
  facts: reachFacts,
  decide: decideReach,
  narrate: (d) => narrateReach(d, EAST_WEST),
};
