import type { IntentSpec } from '../family';

export const spec: IntentSpec<'east-west'> = {
  kind: 'east-west',
  title: 'Path between two pods / a pod and a Service, and the source IP the server sees',
  triggers: [
    /\bsees?\b.{0,60}\bfrom\b/,
    // "from X to Y", "from the web pods to the api service", "from pod a -n y to service s-z-c"
    new RegExp(
      String.raw`\bfrom\s+(the\s+)?(pod\s+|service\s+|deployment\s+)?` +
        String.raw`(?!(the\s+)?(internet|outside|world|users?|clients?)\b)[\w./:-]+` +
        String.raw`(\s+(pods?|service|svc|deployment|app))?` +
        String.raw`(\s+(-n|in( the)?( namespace| project| ns)?)\s+\S+)?\s+to\s+` +
        String.raw`(?!(the\s+)?(internet|outside|world)\b)(the\s+)?(pod\s+|service\s+|svc\s+)?[\w./:-]+`,
    ),
    /\b(on (its|the) way to|stays? on the pod network|inside the cluster)\b/,
    /(->|→)/,
    /\bpath\s+(from|between)\b/,
    /^\s*path\s/,
    /\b(source|client) ip\b.{0,50}\b(when|talks?|connects?|calls?)\b/,
    /\bsees?\b.{0,60}\bwhen\b.{0,40}\b(connects?|calls?|talks?|hits?)\b/,
    /\b(source|src)\b.{0,30}\b(ip|address)\b.{0,60}\b(sees?|shows? up|logs?)\b/,
    /^\s*trace\s/,
    /\bbetween\s+(the\s+)?\S+(\s+pods?)?\s+and\s+\S+/,
    // "which network hops does a connection pass through?"
    /\b(network )?hops\b/,
    // "whether web can reach api, and through what?": the way it goes asked with the verdict
    [/\b(and|or) (through|via|over) (what|which)\b|\b(through|via) what\s*[?!.]*\s*$/, 2],
  ],
  examples: [
    'what source IP does server see from sqlapi?',
    'path from sqlapi to server.project1.svc.cluster.local:1433',
    'path sqlapi -> server:1433',
  ],
  command: 'path <pod> -> <service|pod|fqdn>[:port]',
};
