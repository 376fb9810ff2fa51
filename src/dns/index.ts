import { legacyFamily } from '../legacy';
import { dnsHandler } from './legacy-handler';
import { spec } from './spec';

export const dns = legacyFamily(spec, 'east-west', dnsHandler);
