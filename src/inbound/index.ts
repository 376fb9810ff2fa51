import type { Family } from '../family';
import { decide, type InboundDecision } from './decide';
import { facts, type InboundFacts } from './facts';
import { narrate } from './narrate';
import { resolve, type InboundSubjects } from './resolve';
import { spec } from './spec';

export const inbound: Family<'inbound', InboundSubjects, InboundFacts, InboundDecision> = {
  spec,
  card: 'inbound',
  resolve,
  facts,
  decide,
  narrate,
};
