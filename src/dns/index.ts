import type { Family } from '../family';
import { decide, type DnsDecision } from './decide';
import { facts, type DnsFacts } from './facts';
import { narrate } from './narrate';
import { resolve, type DnsSubjects } from './resolve';
import { spec } from './spec';

export const dns: Family<'dns', DnsSubjects, DnsFacts, DnsDecision> = {
  spec,
  card: 'east-west',
  resolve,
  facts,
  decide,
  narrate,
};
