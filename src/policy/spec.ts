import type { IntentSpec } from '../family';

export const spec: IntentSpec<'policy'> = {
  kind: 'policy',
  title: 'Can pod A reach B? (NetworkPolicy verdict)',
  triggers: [
    /\bcan\b.{0,40}\b(reach|talk|connect|access|call|ping|get to)\b/,
    /\b(allowed|blocked|denied|permitted|reachable|blocking)\b/,
    /\bnetwork ?polic(y|ies)\b/,
    /^\s*(policy|canreach|can-reach)\s/,
    /\bnetworkpolicy\b/,
    /\bwhy (can't|cant|can not|cannot)\b/,
  ],
  examples: [
    'can sqlapi reach server on 1433?',
    'is sqlapi allowed to connect to server.project1',
    'policy sqlapi -> server:1433',
  ],
  command: 'policy <pod> -> <service|pod>[:port]',
};
