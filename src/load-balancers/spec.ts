import type { IntentSpec } from '../family';

export const spec: IntentSpec<'load-balancers'> = {
  kind: 'load-balancers',
  title: 'Which load balancers there are and what each does',
  triggers: [/\bload[- ]?balancers?\b/, /\blbs?\b/],
  examples: ['which load balancers are there?', 'what does load balancer aro2-p8bjm-internal do?', 'lbs'],
  command: 'lbs [<name>]',
};
