// Text → Intent: deterministic and pure (no inventory). Names found here are
// only candidates; resolve.ts matches them against the inventory.
import { isIpv4 } from '../path/ip';
import { isDns1123Label, isDns1123Subdomain } from './names';
import { INTENTS, type IntentKind } from './intents';

export interface Intent {
  kind: IntentKind | 'unknown';
  /** candidate subject names in the order they appeared (validated DNS-1123) */
  names: string[];
  /** the word before a name, when it says what it is: pod, service, route… */
  typed: { name: string; type: string }[];
  namespace?: string;
  destination?: string;
  ips: string[];
  /** words that looked like names but are not valid Kubernetes names */
  rejected: string[];
}

const STOP = new Set(
  `a an the is are was be of for to from in on at by with and or what whats what's which where who how does do did my our your its it this that
   me i we you public private ip ips address addresses egress outbound outgoing leave leaves leaving go goes going out exit exits internet
   source src nat snat pod pods svc service services namespace project ns please tell show give find get see uses use using when
   traffic packets packet connect connections connection world outside external via through over ipv4 v4 up check lookup look
   can could would should will there here their them they has have had then than as into onto about whose`.split(/\s+/),
);

const TYPE_WORDS: Record<string, string> = {
  pod: 'pod', pods: 'pod', service: 'service', svc: 'service', route: 'route', ingress: 'ingress',
  deployment: 'deployment', deploy: 'deployment', dc: 'deploymentconfig', deploymentconfig: 'deploymentconfig', node: 'node', host: 'host',
};

export function normalizeText(text: string): string {
  return text
    .replace(/<at>.*?<\/at>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/\s+/g, ' ')
    .trim();
}

export function parse(text: string): Intent {
  const t = normalizeText(text).toLowerCase();
  const intent: Intent = { kind: 'unknown', names: [], typed: [], ips: [], rejected: [] };

  // namespace: "-n ns", "--namespace ns", "in project ns", "in namespace ns", "ns/name"
  const nsFlag = /(?:^|\s)(?:-n|--namespace(?:=|\s))\s*([^\s]+)/.exec(t) ?? /\bin\s+(?:the\s+)?(?:project|namespace|ns)\s+([^\s?!,;]+)/.exec(t) ?? /\b(?:project|namespace)\s+([^\s?!,;]+)/.exec(t);
  let rest = t;
  if (nsFlag) {
    intent.namespace = nsFlag[1].replace(/[?.!,;:'"]+$/, '');
    rest = rest.replace(nsFlag[0], ' ');
  }
  // destination: "to reach 1.2.3.4", "to 1.2.3.4"
  const dest = /\b(?:to reach|reaching|to|towards)\s+(\d{1,3}(?:\.\d{1,3}){3})\b/.exec(rest);
  if (dest && isIpv4(dest[1])) {
    intent.destination = dest[1];
    rest = rest.replace(dest[0], ' ');
  }
  for (const m of rest.matchAll(/\b\d{1,3}(?:\.\d{1,3}){3}\b/g)) if (isIpv4(m[0])) intent.ips.push(m[0]);

  const words = rest.split(/[\s,;!?()"`]+/).map((w) => w.replace(/^[.'":]+|[.'":]+$/g, '')).filter(Boolean);
  for (let i = 0; i < words.length; i++) {
    let w = words[i];
    if (w.includes('/') && !w.startsWith('-')) {
      const [a, b] = w.split('/');
      if (TYPE_WORDS[a] && b) {
        intent.typed.push({ name: b, type: TYPE_WORDS[a] });
        w = b;
      } else if (a && b && isDns1123Label(a)) {
        intent.namespace ??= a;
        w = b;
      }
    }
    if (STOP.has(w) || TYPE_WORDS[w] || /^\d+(\.\d+)*$/.test(w) || w.startsWith('-')) continue;
    if (/^[a-z0-9][a-z0-9.-]*$/.test(w) && isDns1123Subdomain(w)) {
      if (!intent.names.includes(w)) intent.names.push(w);
      const prev = TYPE_WORDS[words[i - 1] ?? ''];
      if (prev && !intent.typed.some((x) => x.name === w)) intent.typed.push({ name: w, type: prev });
    } else if (/[a-z0-9]/.test(w) && w.length > 2) intent.rejected.push(w.slice(0, 80));
  }

  let best: { kind: IntentKind; score: number } | undefined;
  for (const spec of INTENTS) {
    const score = spec.triggers.reduce((s, re) => s + (re.test(t) ? 1 : 0), 0);
    if (score > 0 && (!best || score > best.score)) best = { kind: spec.kind, score };
  }
  intent.kind = best?.kind ?? 'unknown';
  return intent;
}
