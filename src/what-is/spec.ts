import type { IntentSpec } from '../family';
import { IP_PATTERN as IP } from '../nlu/patterns';

export const spec: IntentSpec<'what-is'> = {
  kind: 'what-is',
  title: 'What an IP address is (pod, Service, node, LB frontend, public IP)',
  triggers: [
    new RegExp(String.raw`\b(what|who|which)('s| is| owns| uses| has)\b.{0,25}${IP}`),
    new RegExp(String.raw`^\s*(whatis|what-is|whois)\s+${IP}`),
    new RegExp(String.raw`^\s*${IP}\s*\??\s*$`),
    new RegExp(String.raw`${IP}\b.{0,20}\b(belong|is it|owned)`),
    new RegExp(String.raw`^(?=.*${IP})(?=.*\b(what is it|who owns|whose|what's that|what is that|who is that)\b)`),
    /\bwhat('s| is) (this|that) (ip|address)\b/,
    // "20.50.61.11 shows up in the partner's logs — which of our resources is that?"
    new RegExp(String.raw`^(?=.*${IP})(?=.*\b(which|what) (of our |one of our )?(resources?|things?|objects?)\b)`),
    /^\s*(whatis|what-is|whois)\s*$/,
  ],
  examples: ['what is 10.129.2.7?', 'who owns 20.105.84.161', 'whatis 172.30.138.47'],
  command: 'whatis <ip>',
};
