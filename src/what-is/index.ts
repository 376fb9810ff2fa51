import { legacyFamily } from '../legacy';
import { result } from '../path/result';
import { whatIs as whatIsPath } from '../path/what-is';
import { spec } from './spec';

export const whatIs = legacyFamily(spec, 'what-is', async (intent, ctx) =>
  intent.ips[0]
    ? whatIsPath(ctx.inv, intent.ips[0], ctx.trace)
    : result('what-is', 'not-understood', 'Which address? For example: "what is 10.129.2.7?"'),
);
