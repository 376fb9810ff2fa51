import type { IntentSpec } from '../family';
import { SNAT_PORTS, SNAT_QUESTION } from '../snat/question';

export const spec: IntentSpec<'load-balancers'> = {
  kind: 'load-balancers',
  title: 'Which load balancers there are, what each does, and their SNAT port use',
  // a SNAT usage question is answered per outbound load balancer (and NAT gateway)
  triggers: [/\bload[- ]?balancers?\b/, /\blbs?\b/, [SNAT_QUESTION, 2], SNAT_PORTS],
  examples: [
    'which load balancers are there?',
    'what does load balancer aro2-p8bjm-internal do?',
    'lbs',
    'are we running out of SNAT ports?',
  ],
  command: 'lbs [<name>]',
};
