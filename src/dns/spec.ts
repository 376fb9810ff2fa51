import type { IntentSpec } from '../family';

export const spec: IntentSpec<'dns'> = {
  kind: 'dns',
  title: 'What a name resolves to inside the cluster',
  triggers: [/\bresolves?\b/, /\b(nslookup|dig)\b/, /\bdns\b(?!-)/],
  examples: [
    'what does server.project1.svc.cluster.local resolve to?',
    'resolve server from sqlapi',
    'nslookup sqlapi.project1',
  ],
  command: 'dns <name> [from <pod>]',
};
