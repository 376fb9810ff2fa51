import type { IntentSpec } from '../family';

export const spec: IntentSpec<'inbound'> = {
  kind: 'inbound',
  title: 'How traffic reaches a route, host, ingress or LoadBalancer Service',
  triggers: [
    /\bhow (does|do|is|can|would)\b.{0,50}\b(reach|reached|get to|gets to|come in|comes in|exposed|arrive)\b/,
    /\binbound\b/,
    /\bingress path\b/,
    /\b(reach|access|hit|hits)\b.{0,30}\b(route|host|ingress|from (the )?internet|from outside)\b/,
    /\btraffic (to|for|into)\b/,
    /\bwho sees\b.{0,30}\bclient\b/,
    /\b(real |original )?client('s)? ip\b/,
    /\b(through|via) (its |the )?(route|ingress|load ?balancers?|lb)\b/,
    /\b(reached|reachable) from (the )?(internet|outside)\b/,
    /\bget to (route|svc|service|ingress)\b/,
    /\bhow does it get to the pod\b/,
  ],
  examples: [
    'how does traffic reach route sqlapilb?',
    'inbound sqlapilb-project1.apps.m50kgrxk.northeurope.aroapp.io',
    'how do clients reach service sqlapilb -n project1',
  ],
  command: 'inbound route/<name> | service/<name> | <host>',
};
