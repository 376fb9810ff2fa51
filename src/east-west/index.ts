import { legacyFamily } from '../legacy';
import { pairHandler } from './legacy-pair';
import { spec } from './spec';

export const eastWest = legacyFamily(spec, 'east-west', (intent, ctx) => pairHandler(intent, ctx, spec));
