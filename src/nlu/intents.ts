// The registry of questions the bot understands. Routing (parse.ts), `help`,
// the help card and the Teams command list are all generated from this list.

export interface IntentSpec {
  kind: string;
  title: string;
  /** what the bot needs to answer: the subject it resolves against the inventory */
  needs: 'pod' | 'nothing';
  triggers: RegExp[];
  examples: string[];
  /** terse form for power users */
  command: string;
}

export const INTENTS = [
  {
    kind: 'egress',
    title: 'Public egress IP of a pod, and its SNAT budget',
    needs: 'pod',
    triggers: [
      /\b(public|egress|outbound|outgoing|exit|external|source|snat|nat(ted)?)\b.{0,40}\b(ip|ips|address|addresses)\b/,
      /\b(egress|outbound|snat)\b/,
      /\b(leave|leaves|leaving|go(es)? out|get(s)? out|exit(s)?)\b.{0,40}\b(internet|cluster|world|outside)\b/,
      /\b(internet|outside world)\b.{0,30}\b(ip|address|as)\b/,
      /\bip\b.{0,40}\b(internet|outside)\b/,
      /\bwhich ip\b.{0,60}\b(go|goes|leave|leaves|exit|use|uses|reach)\b/,
    ],
    examples: ["what's the public IP of pod sqlapi?", 'egress ip for sqlapi-1-8jgx8 in project1', 'which IP does sqlapi go out to the internet with?'],
    command: 'egress <pod> [-n <namespace>]',
  },
  {
    kind: 'help',
    title: 'What I can answer',
    needs: 'nothing',
    triggers: [/^\s*(help|\?|commands|usage|what can you do\??|hi|hello)\s*$/],
    examples: ['help'],
    command: 'help',
  },
] as const satisfies readonly IntentSpec[];

export type IntentKind = (typeof INTENTS)[number]['kind'];

export const intentSpec = (kind: string): IntentSpec | undefined => INTENTS.find((i) => i.kind === kind);
