import type { IntentSpec } from '../family';

export const spec: IntentSpec<'changes'> = {
  kind: 'changes',
  title: 'What changed on the path (live clusters: egress IPs, hosts, load balancers, SNAT, policy verdicts)',
  triggers: [
    [/\bwhat('s| has| have)?\s+changed\b/, 3],
    [/\bdid\b.{0,80}\bchange\b/, 3],
    [/\bchange[sd]?\b.{0,40}\b(since|in the last|over the last|during the last|today|yesterday|this week)\b/, 3],
    [/\bwhen did\b.{0,80}\b(start|begin|stop|change|move)\b/, 3],
    /\b(history|changelog)\b/,
  ],
  examples: [
    'what changed in the last 24 h?',
    'did the egress IP of sqlapi change since yesterday?',
    'when did route sqlapilb start pointing at 20.67.170.99?',
  ],
  command: 'changes [<name>] [last <n> h|d]',
};
