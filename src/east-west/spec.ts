import type { IntentSpec } from '../family';

export const spec: IntentSpec<'east-west'> = {
  kind: 'east-west',
  title: 'Path between two pods / a pod and a Service, and the source IP the server sees',
  triggers: [
    /\bsees?\b.{0,60}\bfrom\b/,
    /\bfrom\s+[\w./:-]+\s+to\s+(?!the\s+internet|internet|outside|the\s+outside)[\w./:-]+/,
    /(->|→)/,
    /\bpath\s+(from|between)\b/,
    /^\s*path\s/,
    /\b(source|client) ip\b.{0,50}\b(when|talks?|connects?|calls?)\b/,
    /\bsees?\b.{0,60}\bwhen\b.{0,40}\b(connects?|calls?|talks?|hits?)\b/,
    /\b(source|src)\b.{0,30}\b(ip|address)\b.{0,60}\b(sees?|shows? up|logs?)\b/,
    /^\s*trace\s/,
    /\bbetween\s+\S+\s+and\s+\S+/,
    /\b(get to|reach|connect to|talk to)\s+\S+\.svc(\.cluster\.local)?\b/,
  ],
  examples: [
    'what source IP does server see from sqlapi?',
    'path from sqlapi to server.project1.svc.cluster.local:1433',
    'path sqlapi -> server:1433',
  ],
  command: 'path <pod> -> <service|pod|fqdn>[:port]',
};
