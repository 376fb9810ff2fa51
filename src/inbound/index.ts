import { legacyFamily } from '../legacy';
import { inboundHandler } from './legacy-handler';
import { spec } from './spec';

export const inbound = legacyFamily(spec, 'inbound', inboundHandler);
