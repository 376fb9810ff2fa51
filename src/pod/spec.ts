import type { IntentSpec } from '../family';

export const spec: IntentSpec<'pod'> = {
  kind: 'pod',
  title: 'Where a pod runs: IP, node, owner, service references',
  triggers: [
    /\bwhere\b.{0,30}\b(is|does|runs?|running|lives?)\b/,
    /\b(which|what) (nodes?|workers?)\b/,
    /\b(show|get|describe) pods?\s+[\w./-]+/,
    /\b(private|internal|pod|cluster) ip\b/,
    /(^|\s)(what|what's|whats) (is )?the ip (address )?of\b/,
    /\b(describe|details|info)\b/,
    /^\s*pod\s+[\w./-]+\s*(-n\s+\S+)?\s*$/,
    /\benv(ironment)? ?(vars?|variables)\b/,
  ],
  examples: ['where is pod sqlapi?', 'what is the IP of pod server', 'pod sqlapi -n project1'],
  command: 'pod <name> [-n <namespace>]',
};
