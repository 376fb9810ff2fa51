import { legacyFamily } from '../legacy';
import { pairHandler } from '../east-west/legacy-pair';
import { spec } from './spec';

export const policy = legacyFamily(spec, 'east-west', (intent, ctx) => pairHandler(intent, ctx, spec));
