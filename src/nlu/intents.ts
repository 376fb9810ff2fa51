// The registry of questions the bot understands. Routing (parse.ts), `help`,
// the help card and the Teams command list are all generated from this list.
// Order matters: when two intents match equally, the earlier one wins.

/** A trigger phrase; a pair carries a weight other than 1 (for phrases that settle the question). */
export type Trigger = RegExp | readonly [RegExp, number];

export interface IntentSpec {
  kind: string;
  title: string;
  /** what the bot must resolve against the inventory to answer */
  needs: 'pod' | 'pair' | 'subject' | 'ip' | 'name' | 'nothing';
  triggers: readonly Trigger[];
  examples: string[];
  /** terse form for power users */
  command: string;
}

const IP = String.raw`\d{1,3}(?:\.\d{1,3}){3}`;

export const INTENTS = [
  {
    kind: 'help',
    title: 'What I can answer',
    needs: 'nothing',
    triggers: [
      /^\s*(\?|(help|commands|usage|hi|hello|hey)\b\s*(there|bot|please|me|pls)?)\s*[!.?]*\s*$/,
      /\bwhat (can|do) (you|u) (do|know|answer)\b/,
      /\bwhat (kind of |sort of )?(questions|commands)\b/,
      /\b(list|show)( me)? (the |some )?(commands|examples?|example questions)\b/,
      /\bhow (do|can) i use\b/,
      /\bcommands do you\b/,
    ],
    examples: ['help'],
    command: 'help',
  },
  {
    kind: 'what-is',
    title: 'What an IP address is (pod, Service, node, LB frontend, public IP)',
    needs: 'ip',
    triggers: [
      new RegExp(String.raw`\b(what|who|which)('s| is| owns| uses| has)\b.{0,25}${IP}`),
      new RegExp(String.raw`^\s*(whatis|what-is|whois)\s+${IP}`),
      new RegExp(String.raw`^\s*${IP}\s*\??\s*$`),
      new RegExp(String.raw`${IP}\b.{0,20}\b(belong|is it|owned)`),
      new RegExp(String.raw`^(?=.*${IP})(?=.*\b(what is it|who owns|whose|what's that|what is that|who is that)\b)`),
      /\bwhat('s| is) (this|that) (ip|address)\b/,
      /^\s*(whatis|what-is|whois)\s*$/,
    ],
    examples: ['what is 10.129.2.7?', 'who owns 20.105.84.161', 'whatis 172.30.138.47'],
    command: 'whatis <ip>',
  },
  {
    kind: 'policy',
    title: 'Can pod A reach B? (NetworkPolicy verdict)',
    needs: 'pair',
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
  },
  {
    kind: 'east-west',
    title: 'Path between two pods / a pod and a Service, and the source IP the server sees',
    needs: 'pair',
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
  },
  {
    kind: 'inbound',
    title: 'How traffic reaches a route, host, ingress or LoadBalancer Service',
    needs: 'subject',
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
  },
  {
    kind: 'dns',
    title: 'What a name resolves to inside the cluster',
    needs: 'name',
    triggers: [/\bresolves?\b/, /\b(nslookup|dig)\b/, /\bdns\b(?!-)/],
    examples: [
      'what does server.project1.svc.cluster.local resolve to?',
      'resolve server from sqlapi',
      'nslookup sqlapi.project1',
    ],
    command: 'dns <name> [from <pod>]',
  },
  {
    kind: 'load-balancers',
    title: 'Which load balancers there are and what each does',
    needs: 'nothing',
    triggers: [/\bload[- ]?balancers?\b/, /\blbs?\b/],
    examples: ['which load balancers are there?', 'what does load balancer aro2-p8bjm-internal do?', 'lbs'],
    command: 'lbs [<name>]',
  },
  {
    kind: 'pod',
    title: 'Where a pod runs: IP, node, owner, service references',
    needs: 'pod',
    triggers: [
      /\bwhere\b.{0,30}\b(is|does|runs?|running|lives?)\b/,
      /\b(which|what) node\b/,
      /\b(private|internal|pod|cluster) ip\b/,
      /(^|\s)(what|what's|whats) (is )?the ip (address )?of\b/,
      /\b(describe|details|info)\b/,
      /^\s*pod\s+[\w./-]+\s*(-n\s+\S+)?\s*$/,
      /\benv(ironment)? ?(vars?|variables)\b/,
    ],
    examples: ['where is pod sqlapi?', 'what is the IP of pod server', 'pod sqlapi -n project1'],
    command: 'pod <name> [-n <namespace>]',
  },
  {
    kind: 'egress',
    title: 'Public egress IP of a pod, and its SNAT budget',
    needs: 'pod',
    triggers: [
      /\b(public|egress|outbound|outgoing|exit|external|snat|nat(ted)?)\b.{0,40}\b(ip|ips|address|addresses)\b/,
      /\bsource\b.{0,20}\b(ip|address)\b.{0,40}\b(internet|outside|world|remote)\b/,
      /\b(egress|outbound|snat)\b/,
      /\b(leave|leaves|leaving|go(es)? out|get(s)? out|exit(s)?)\b.{0,40}\b(internet|cluster|world|outside)\b/,
      /\b(internet|outside world)\b.{0,30}\b(ip|address|as)\b/,
      /\bip\b.{0,40}\b(internet|outside)\b/,
      /\bwhich ip\b.{0,60}\b(go|goes|leave|leaves|exit|use|uses|reach)\b/,
      /\bip\b.{0,40}\bnat\b/,
      /\b(hit|hits|reach|reaches|call|calls) the internet\b/,
      /\b(leave|leaves|exit|exits)\b.{0,20}\b(with|as|towards|to)\b/,
      [
        /\b(internet|outside world|remote (side|end|server)|provider|partner|vendor|third[- ]party|external (service|api|server)s?)\b.{0,30}\bsees?\b/,
        2,
      ],
    ],
    examples: [
      "what's the public IP of pod sqlapi?",
      'egress ip for sqlapi-1-8jgx8 in project1',
      'which IP does sqlapi go out to the internet with?',
    ],
    command: 'egress <pod> [-n <namespace>] [to <ip>]',
  },
] as const satisfies readonly IntentSpec[];

export type IntentKind = (typeof INTENTS)[number]['kind'];

export const intentSpec = (kind: string): IntentSpec | undefined => INTENTS.find((i) => i.kind === kind);
