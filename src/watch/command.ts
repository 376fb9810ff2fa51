// The watch commands of a conversation, from its text: subscribe to changes of path facts or to a SNAT threshold,
// list, and stop. Pure: no lookups.
import type { FactKind } from '../diff/describe';

/** What a subscription may watch: the diff's fact kinds, the load balancer's two taken as one. */
export type WatchKind = 'egress' | 'host' | 'lb' | 'snat' | 'policy';
const WATCH_KINDS: WatchKind[] = ['egress', 'host', 'lb', 'snat', 'policy'];

export type Scope = { kind: 'all' } | { kind: 'namespace'; name: string } | { kind: 'name'; name: string };

export interface Filter {
  /** empty: every kind */
  kinds: WatchKind[];
  scope: Scope;
}

export type WatchCommand =
  | { kind: 'watch'; filter: Filter }
  | { kind: 'snat'; percent: number }
  | { kind: 'list' }
  | { kind: 'stop'; which?: number | 'all' }
  | { kind: 'invalid'; reason: string };

/** How the help lists the watch commands (they are answered before the question families). */
export const WATCH_HELP = {
  title: 'Watch the path and get a card here when it changes (live clusters)',
  example: 'watch egress for namespace project1',
  command:
    'watch egress|route|lb|snat|policy|changes [for namespace <ns> | <name>] · ' +
    'alert here when SNAT usage passes <n> % · what are we watching? · stop watching',
};

/** The SNAT verdict's threshold ("close to exhaustion") is the default. */
const DEFAULT_SNAT_PERCENT = 80;

// Kubernetes object names and namespaces are DNS-1123 names: nothing else is taken as one.
// https://kubernetes.io/docs/concepts/overview/working-with-objects/names/
const NAME = /^[a-z0-9]([a-z0-9.-]{0,251}[a-z0-9])?$/;

const KIND_WORDS: [RegExp, WatchKind][] = [
  [/^(egress|outbound|egress-?ips?)$/, 'egress'],
  [/^(routes?|hosts?|hostnames?|ingress(es)?)$/, 'host'],
  [/^(lbs?|loadbalancers?|frontends?)$/, 'lb'],
  [/^snat$/, 'snat'],
  [/^(polic(y|ies)|networkpolic(y|ies)|nsgs?)$/, 'policy'],
];
/** Words that say "everything" or only join the others. */
const FILLER = /^(changes?|everything|all|path|paths|of|for|the|and|on|to|facts?|ips?|please)$/;

const clean = (text: string): string =>
  text
    .toLowerCase()
    .replace(/(?:^|\s)--cluster(?:=|\s+)\S+/, ' ')
    .replace(/\b(?:in|on|for|of)\s+(?:the\s+)?cluster\s+\S+/, ' ')
    .replace(/load\s+balancers?/g, 'lb')
    .replace(/[?!.,]+(\s|$)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

function watchOf(rest: string): WatchCommand {
  let scope: Scope = { kind: 'all' };
  const ns = /(?:\b(?:for|in|of)\s+(?:the\s+)?(?:namespace|project|ns)|(?:^|\s)-n)\s+(\S+)/.exec(rest);
  if (ns) {
    if (!NAME.test(ns[1])) return { kind: 'invalid', reason: `"${ns[1].slice(0, 60)}" is not a namespace name.` };
    scope = { kind: 'namespace', name: ns[1] };
    rest = rest.replace(ns[0], ' ');
  }
  const kinds = new Set<WatchKind>();
  const names: string[] = [];
  for (const w of rest.split(' ').filter(Boolean)) {
    const k = KIND_WORDS.find(([re]) => re.test(w));
    if (k) kinds.add(k[1]);
    else if (!FILLER.test(w)) names.push(w);
  }
  if (names.length > 1 || (names.length && scope.kind !== 'all'))
    return {
      kind: 'invalid',
      reason: 'Watch one namespace or one name at a time ("watch egress for namespace project1").',
    };
  if (names.length) {
    if (!NAME.test(names[0]))
      return { kind: 'invalid', reason: `"${names[0].slice(0, 60)}" is not a name I can watch.` };
    scope = { kind: 'name', name: names[0] };
  }
  return { kind: 'watch', filter: { kinds: WATCH_KINDS.filter((k) => kinds.has(k)), scope } };
}

function snatOf(t: string): WatchCommand | undefined {
  const threshold = /\b(usage|passes|above|over|exceeds?|reaches|percent)\b|%/.test(t);
  if (!/\bsnat\b/.test(t) || !(threshold || /^(alert|tell|notify|warn)\b/.test(t))) return undefined;
  const p = /(\d{1,3})\s*(%|percent)/.exec(t);
  const percent = p ? Number(p[1]) : DEFAULT_SNAT_PERCENT;
  if (percent < 1 || percent > 100)
    return { kind: 'invalid', reason: 'A SNAT threshold is a percentage from 1 to 100.' };
  return { kind: 'snat', percent };
}

/** The watch command said, undefined when the text is a question for the families instead. */
export function parseWatch(text: string): WatchCommand | undefined {
  const t = clean(text);
  const stop = /^(?:(?:stop|cancel|end)\s+watching|unwatch)\b\s*(.*)$/.exec(t);
  if (stop) {
    const arg = stop[1].replace(/^(number|no|#)\s*/, '').trim();
    if (!arg) return { kind: 'stop' };
    if (arg === 'all' || arg === 'everything') return { kind: 'stop', which: 'all' };
    if (/^#?\d{1,4}$/.test(arg)) return { kind: 'stop', which: Number(arg.replace('#', '')) };
    return {
      kind: 'invalid',
      reason: 'Say "stop watching" to list what is watched, then "stop watching 2" or "stop watching all".',
    };
  }
  if (
    /^what\s+(are|is)\s+(we|you|this\s+(channel|chat))\s+watching\b/.test(t) ||
    /^(list\s+)?(watches|subscriptions|watch\s+list)$/.test(t)
  )
    return { kind: 'list' };
  if (/^(alert|tell|notify|warn)\b/.test(t) || /^watch\b/.test(t)) {
    const snat = snatOf(t);
    if (snat) return snat;
  }
  const watch = /^watch\b\s*(.*)$/.exec(t);
  return watch ? watchOf(watch[1]) : undefined;
}

/** The diff's fact kinds a watched kind covers. */
export const factKinds = (k: WatchKind): FactKind[] => (k === 'lb' ? ['lb-frontend', 'lb-rules'] : [k]);

const KIND_WORD: Record<WatchKind, string> = {
  egress: 'egress',
  host: 'route hosts',
  lb: 'load balancers',
  snat: 'SNAT capacity',
  policy: 'policy verdicts',
};

/** "egress, route hosts for namespace project1", "all path changes". */
export function describeFilter(f: Filter): string {
  const what = f.kinds.length ? f.kinds.map((k) => KIND_WORD[k]).join(', ') : 'all path changes';
  if (f.scope.kind === 'namespace') return `${what} for namespace ${f.scope.name}`;
  if (f.scope.kind === 'name') return `${what} of ${f.scope.name}`;
  return what;
}
