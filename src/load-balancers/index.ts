import { legacyFamily } from '../legacy';
import { loadBalancers as lbPath } from '../path/load-balancers';
import { spec } from './spec';

export const loadBalancers = legacyFamily(spec, 'load-balancers', async (intent, ctx) => {
  // a name that is a load balancer narrows the answer; a name right after "load balancer"/"lb" must be one
  const explicit = /\b(?:load ?balancers?|lbs?)\s+([a-z0-9][a-z0-9.-]*[a-z0-9])\b/.exec(intent.text)?.[1];
  return lbPath(
    ctx.inv,
    { pick: intent.names, explicit: explicit && intent.names.includes(explicit) ? explicit : undefined },
    ctx.trace,
  );
});
