import type { Family } from '../family';
import { decide, type ChangesDecision } from './decide';
import { facts, type ChangesFacts } from './facts';
import { narrate } from './narrate';
import { resolve, type ChangesSubjects } from './resolve';
import { spec } from './spec';

export const changes: Family<'changes', ChangesSubjects, ChangesFacts, ChangesDecision> = {
  spec,
  card: 'what-is',
  resolve,
  facts,
  decide,
  narrate,
};
