import type { IntentSpec } from '../family';

export const spec: IntentSpec<'east-west'> = {
  kind: 'east-west',
  title: 'Path between two pods / a pod and a Service, and the source IP the server sees',
  triggers: [
    /\bsees?\b.{0,60}\bfrom\b/,
    // "how does web reach the redis service", "how do the web pods talk to the api service": a workload of ours
    // reaching a Service is a call inside the cluster (https://kubernetes.io/docs/concepts/services-networking/service/)
    [
      new RegExp(
        String.raw`\bhow (does|do|can|will) (the )?(?!(internet|outside|world|users?|clients?|customers?|people|` +
          String.raw`traffic|requests?|partners?)\b)[\w-]+( pods?)? (reach|call|talk to|connect to) (the )?[\w-]+ ` +
          String.raw`(service|svc)\b`,
      ),
      2,
    ],
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
    // "… every 10s. trace api → db-0", "just the path, I know it's allowed": the path asked for itself, the verdict
    // set aside by the writer (https://kubernetes.io/docs/concepts/services-networking/service/)
    /[.:;!?]\s+trace\s/,
    [/\b(just|only) (show )?(me )?the (path|route|hops)\b/, 2],
    /\bbetween\s+(the\s+)?\S+(\s+pods?)?\s+and\s+\S+/,
    // "which network hops does a connection pass through?"
    /\b(network )?hops\b/,
    // "each hop of this call", "hop by hop": the path asked one hop at a time
    [/\b(each|every|per) hop\b|\bhop[- ]by[- ]hop\b/, 2],
    // "which nodes does that connection cross", "where is the service IP translated": the hops of a flow and the
    // Service's DNAT on the way (kube-proxy rewrites the ClusterIP to a pod's address on the client's node)
    // https://kubernetes.io/docs/reference/networking/virtual-ips/
    [/\b(connection|traffic|flow|requests?|calls?|packets?)\b.{0,20}\bcross(es|ing)?\b(?![ -]namespace)/, 2],
    [/\b(service|cluster) ?ip\b.{0,30}\b(translated|dnat(ed)?|rewritten)\b|\bwhere\b.{0,30}\bdnat/, 2],
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
