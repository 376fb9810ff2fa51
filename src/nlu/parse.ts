// Text → Intent: deterministic and pure (no inventory). Names found here are
// only candidates; resolve.ts matches them against the inventory.
import { isIpv4 } from '../path/ip';
import { INTENTS, type IntentKind } from './intents';
import { isDns1123Label, isDns1123Subdomain } from './names';

export interface Intent {
  kind: IntentKind | 'unknown';
  /** the normalized text (mentions and markup removed) */
  text: string;
  /** candidate subject names in the order they appeared (valid DNS-1123 names) */
  names: string[];
  /** names preceded by a word that says what they are: pod, service, route… */
  typed: { name: string; type: string }[];
  /** the name after "from" (east-west: the client) */
  from?: string;
  namespace?: string;
  /** egress destination ("to reach 10.20.1.5") */
  destination?: string;
  /** the namespace remembered from earlier in the conversation (not said in this text) */
  defaultNamespace?: string;
  /** a client address for inbound questions ("from 203.0.113.5") */
  clientIp?: string;
  port?: number;
  ips: string[];
  /** words that looked like names but are not valid Kubernetes names (never looked up) */
  rejected: string[];
}

const STOP = new Set(
  `a an the is are was be of for to from in on at by with and or what whats what's which where who how does do did my our your its it this that
   me i we you public private ip ips address addresses egress outbound outgoing leave leaves leaving go goes going out exit exits internet
   source src nat snat pods namespace project ns please tell show give find get see sees seen uses use using when
   traffic packets packet connect connects connection connections world outside external via through over ipv4 v4 up check lookup look
   can could would should will there here their them they has have had then than as into onto about whose reach reaches reached
   talk talks call calls access hit hits arrive arrives come comes in inbound ingress-path path paths policy policies allowed blocked denied
   networkpolicy network load balancer balancers lb lbs whatis what-is whois dns resolve resolves resolved nslookup dig describe details info
   running runs run lives live clients client server-side end ends side both between tcp udp port ports sql api app web db
   owns owned belong belongs exposed expose way route-to hi hello hey help so just now currently actually exactly`.split(/\s+/),
);
// words that are common English but also plausible workload names: kept as names
for (const keep of ['server', 'api', 'sql', 'app', 'web', 'db']) STOP.delete(keep);

const TYPE_WORDS: Record<string, string> = {
  pod: 'pod', service: 'service', svc: 'service', route: 'route', routes: 'route', ingress: 'ingress',
  deployment: 'deployment', deploy: 'deployment', dc: 'deploymentconfig', deploymentconfig: 'deploymentconfig', node: 'node', host: 'host', hostname: 'host',
};

export function normalizeText(text: string): string {
  return text
    .replace(/<at>.*?<\/at>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/\s+/g, ' ')
    .trim();
}

const IP_RE = /\b\d{1,3}(?:\.\d{1,3}){3}\b/g;

export function parse(text: string): Intent {
  const t = normalizeText(text).slice(0, 2000).toLowerCase();
  const intent: Intent = { kind: 'unknown', text: t, names: [], typed: [], ips: [], rejected: [] };
  let rest = ` ${t} `;
  const take = (re: RegExp): RegExpExecArray | null => {
    const m = re.exec(rest);
    if (m) rest = rest.replace(m[0], ' ');
    return m;
  };

  const ns = take(/\s(?:-n|--namespace(?:=|\s))\s*([^\s]+)/) ?? take(/\bin\s+(?:the\s+)?(?:project|namespace|ns)\s+([^\s?!,;]+)/) ?? take(/\b(?:project|namespace)\s+([^\s?!,;]+)/);
  if (ns) intent.namespace = ns[1].replace(/[?.!,;:'"]+$/, '');
  const dest = take(/\b(?:to reach|reaching|towards|to)\s+(\d{1,3}(?:\.\d{1,3}){3})\b/);
  if (dest && isIpv4(dest[1])) intent.destination = dest[1];
  const client = take(/\bfrom\s+(\d{1,3}(?:\.\d{1,3}){3})\b/);
  if (client && isIpv4(client[1])) intent.clientIp = client[1];
  const port = take(/\b(?:port|on|tcp\/?|udp\/?)\s*(\d{1,5})\b/);
  if (port && +port[1] > 0 && +port[1] < 65536) intent.port = +port[1];
  for (const m of rest.matchAll(IP_RE)) if (isIpv4(m[0])) intent.ips.push(m[0]);
  const fromName = /\bfrom\s+(?:the\s+)?(?:pod\s+|deployment\s+|dc\s+)?([a-z0-9][\w./:-]*)/.exec(rest);

  const words = rest.replace(/->|→/g, ' ').split(/[\s,;!?()"`<>]+/).map((w) => w.replace(/^[.'":]+|[.'":]+$/g, '')).filter(Boolean);
  for (let i = 0; i < words.length; i++) {
    let w = words[i];
    const withPort = /^(.+?):(\d{1,5})$/.exec(w);
    if (withPort) {
      w = withPort[1];
      intent.port ??= +withPort[2];
    }
    let type = TYPE_WORDS[words[i - 1] ?? ''];
    if (w.includes('/') && !w.startsWith('-')) {
      const [a, b] = w.split('/', 2);
      if (TYPE_WORDS[a] && b) {
        type = TYPE_WORDS[a];
        w = b;
      } else if (a && b && isDns1123Label(a)) {
        intent.namespace ??= a;
        w = b;
      }
    }
    if (STOP.has(w) || TYPE_WORDS[w] || /^\d+(\.\d+)*$/.test(w) || w.startsWith('-')) continue;
    if (/^[a-z0-9][a-z0-9.-]*$/.test(w) && isDns1123Subdomain(w)) {
      if (!intent.names.includes(w)) intent.names.push(w);
      if (type && !intent.typed.some((x) => x.name === w)) intent.typed.push({ name: w, type });
    } else if (/[a-z0-9]/.test(w) && w.length > 2) intent.rejected.push(w.slice(0, 80));
  }
  if (fromName) {
    const f = fromName[1].replace(/:\d+$/, '').split('/').pop()!;
    if (intent.names.includes(f)) intent.from = f;
  }

  let best: { kind: IntentKind; score: number } | undefined;
  for (const spec of INTENTS) {
    const score = spec.triggers.reduce((s, re) => s + (re.test(t) ? 1 : 0), 0);
    if (score > 0 && (!best || score > best.score)) best = { kind: spec.kind, score };
  }
  intent.kind = best?.kind ?? 'unknown';
  return intent;
}
