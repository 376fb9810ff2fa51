// PathResult → Adaptive Card 1.5 (what Teams renders): one JSON template per
// result family under templates/, sharing parts (templates/parts/*.json,
// spliced in where a template says {"$part": "…"}), bound with
// adaptivecards-templating. Colours come only from the host palette.
import * as ACData from 'adaptivecards-templating';
import { familyOf as registryFamily } from '../families';
import { INTENTS } from '../nlu/intents';
import type { LayerVerdict, PathResult } from '../path/result';
import choice from './templates/choice.json';
import eastWest from './templates/east-west.json';
import egress from './templates/egress.json';
import error from './templates/error.json';
import help from './templates/help.json';
import inbound from './templates/inbound.json';
import loadBalancers from './templates/load-balancers.json';
import actions from './templates/parts/actions.json';
import facts from './templates/parts/facts.json';
import hops from './templates/parts/hops.json';
import title from './templates/parts/title.json';
import warnings from './templates/parts/warnings.json';
import pod from './templates/pod.json';
import whatIs from './templates/what-is.json';
import { glyph } from './text';

const PARTS: Record<string, unknown[]> = {
  actions,
  facts,
  hops,
  title,
  warnings,
};

/** Replace every {"$part": name} element of an array by the part's elements. */
function withParts(node: unknown): unknown {
  if (Array.isArray(node))
    return node.flatMap((x) =>
      x && typeof x === 'object' && '$part' in x
        ? (PARTS[(x as { $part: string }).$part] as unknown[]).map(withParts)
        : [withParts(x)],
    );
  if (node && typeof node === 'object')
    return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, withParts(v)]));
  return node;
}

export const FAMILIES = {
  egress,
  inbound,
  'east-west': eastWest,
  'what-is': whatIs,
  'load-balancers': loadBalancers,
  pod,
  help,
  error,
  choice,
} as const;
export type Family = keyof typeof FAMILIES;
const TEMPLATES = Object.fromEntries(
  Object.entries(FAMILIES).map(([k, t]) => [k, new ACData.Template(withParts(t))]),
) as Record<Family, ACData.Template>;

/** The template that draws a result: the family's own card when answered (declared in its registry entry). */
export function familyOf(r: PathResult): Family {
  // several subjects, or an unclear question with buttons for what it may mean
  if (r.status === 'ambiguous' || (r.status === 'not-understood' && r.followUps.length > 1)) return 'choice';
  if (r.status !== 'answered') return 'error';
  return registryFamily(r.intent)?.card ?? 'error';
}

/** Neutralize Adaptive Card markdown in text that may carry what a user typed. */
const escapeMarkdown = (s: string): string =>
  s
    // Teams reads <word> as HTML and drops it: show placeholders such as <pod> as ‹pod›
    .replace(/<([^<>\s]{1,40})>/g, '‹$1›')
    .replace(/([\\`*_[\]~])/g, '\\$1')
    .replace(/^(\s*)([-+>#]|\d+\.)(?=\s)/gm, '$1\\$2');

const TITLES: Record<string, string> = {
  'not-understood': 'I did not understand',
  'not-found': 'Not found',
  ambiguous: 'Which one?',
};
const KIND_LABELS: Record<string, string> = {
  client: 'client',
  internet: 'Internet',
  dns: 'name resolution',
  'public-ip': 'public IP',
  'load-balancer': 'Azure load balancer',
  'nat-gateway': 'NAT gateway',
  'route-table': 'route table',
  firewall: 'Azure Firewall',
  'virtual-appliance': 'virtual appliance',
  node: 'node',
  router: 'OpenShift router',
  'ingress-controller': 'ingress controller',
  'application-gateway': 'Application Gateway',
  service: 'Service (virtual IP)',
  pod: 'pod',
};

/** Lists longer than these are summarized on the card (the text answer keeps everything). */
// Teams shows at most 5 actions: "Verify it yourself", up to 3 follow-ups and "Show all".
const LIMITS = {
  facts: 14,
  warnings: 6,
  sectionLines: 8,
  sections: 12,
  verify: 12,
  followUps: 3,
};

/** Bytes a card may take: Teams refuses activities over 28 KB, and the text fallback needs room too. */
const CARD_BUDGET = 22 * 1024;

export interface CardOptions {
  /** the question, for a "show all" button when the card had to summarize */
  question?: string;
  /** what the bot answers about, shown on the help card */
  source?: string;
  /** correlation id shown on error cards */
  reference?: string;
  /** scale of LIMITS (renderCard shrinks it until the card fits CARD_BUDGET) */
  scale?: number;
}

/** The headline a family's card shows above the path, from the result's typed fields. */
function headline(r: PathResult) {
  const seen = r.seenAs?.join(' or ') ?? '';
  // allowed with a layer unseen: say so, never a plain "Allowed" for the whole network
  const unseen = (r.layers ?? []).some((l) => l.verdict === 'not-visible' || l.verdict === 'not-evaluated');
  const allowed = unseen ? '✅ Allowed by every layer checked (not all were visible)' : '✅ Allowed';
  const verdict = r.verdict ? (r.verdict.allowed ? allowed : '⛔ Denied') : '';
  return {
    seenAs: r.intent === 'egress' ? seen : '',
    podSees:
      r.intent === 'inbound' && seen ? `${seen}${r.clientIp === 'xff' ? ' (+ client IP in X-Forwarded-For)' : ''}` : '',
    verdict,
    verdictStyle: r.verdict && !r.verdict.allowed ? 'attention' : 'good',
  };
}

const LAYER_ICONS: Record<LayerVerdict['verdict'], string> = {
  allowed: '✅',
  denied: '⛔',
  refused: '⛔',
  'not-enforced': '➖',
  'not-applicable': '➖',
  'not-evaluated': '❔',
  'not-visible': '❔',
};

/** One line per layer a reachability answer checked (or could not): never one verdict for the whole network. */
const layerRows = (r: PathResult) =>
  (r.layers ?? []).map((l) => ({
    text: escapeMarkdown(
      `${LAYER_ICONS[l.verdict]} ${l.layer}: ${l.verdict.replace(/-/g, ' ')}${l.by ? ` — ${l.by}` : ''}` +
        `${l.note ? ` (${l.note})` : ''}`,
    ),
  }));

/** The path as rows; a row whose addresses changed from the previous hop is marked ⇄. */
function hopRows(r: PathResult) {
  const e = escapeMarkdown;
  return r.hops.map((h, i) => {
    const prev = r.hops[i - 1];
    const changed =
      !!prev && ((!!h.src && !!prev.src && h.src !== prev.src) || (!!h.dst && !!prev.dst && h.dst !== prev.dst));
    return {
      glyph: glyph(h.kind),
      kindLabel: KIND_LABELS[h.kind] ?? h.kind,
      name: e(h.name),
      where: h.ip ? ` · ${e([h.ip, h.port].filter((x) => x !== undefined).join(':'))}` : '',
      packet: h.src || h.dst ? `${changed ? '⇄ ' : ''}${h.src ?? '?'} → ${h.dst ?? '*'}` : '',
      changed,
      note: e(h.note ?? ''),
    };
  });
}

type Button = { title: string; payload: Record<string, unknown> };

const followUpButtons = (r: PathResult): Button[] =>
  r.followUps.slice(0, LIMITS.followUps).map((f) => ({
    title: f.title.slice(0, 60),
    payload: { question: f.question, ...(f.intent ? { intent: f.intent } : {}) },
  }));

/** The lists of a card, shortened by o.scale; `truncated` says whether anything was left out. */
function lists(r: PathResult, o: CardOptions) {
  const e = escapeMarkdown;
  let truncated = false;
  const cap = <T>(xs: T[], limit: number): T[] => {
    const n = Math.max(1, Math.floor(limit * (o.scale ?? 1)));
    if (xs.length > n) truncated = true;
    return xs.slice(0, n);
  };
  const data = {
    warnings: cap(r.warnings, LIMITS.warnings).map((w) => ({ text: e(w) })),
    facts: cap(r.facts, LIMITS.facts).map((f) => ({
      label: f.label,
      value: e(f.value.length > 300 ? f.value.slice(0, 300) + '…' : f.value),
    })),
    sections: cap(r.sections ?? [], LIMITS.sections).map((s) => ({
      title: e(s.title),
      subtitle: e(s.subtitle ?? ''),
      lines: cap(s.lines, LIMITS.sectionLines).map((t) => ({ text: e(t) })),
    })),
    verify: cap(r.verify, LIMITS.verify).map((v) => ({ text: e(v) })),
  };
  return { data, truncated };
}

const INTRO =
  'Ask me how packets reach and leave your pods. I answer from read-only lookups and give you the commands to check.';

function cardData(r: PathResult, o: CardOptions = {}) {
  const e = escapeMarkdown;
  const { data: listed, truncated } = lists(r, o);
  const followUps = followUpButtons(r);
  if (truncated && o.question) followUps.push({ title: 'Show all', payload: { question: o.question, full: true } });
  return {
    title: e(r.title ?? TITLES[r.status] ?? r.answer.split('\n')[0]),
    answer: e(r.answer),
    ...headline(r),
    paragraphs: r.answer.split(/;\s+and\s+/).map((t) => ({ text: e(t) })),
    hops: hopRows(r),
    layers: layerRows(r),
    errors: r.errors.map((x) => ({ lookup: e(x.lookup), reason: e(x.reason) })),
    ...listed,
    intents: INTENTS.filter((i) => i.kind !== 'help').map((i) => ({
      title: i.title,
      example: e(i.examples[0]),
      command: e(i.command),
    })),
    intro: INTRO,
    source: o.source ? `Answering about: ${e(o.source)}` : '',
    reference: o.reference ?? '',
    more: truncated ? 'Some lists are summarized here.' : '',
    followUps,
  };
}

export function renderCard(r: PathResult, o: CardOptions = {}): Record<string, unknown> {
  for (let scale = 1; ; scale /= 2) {
    const card = TEMPLATES[familyOf(r)].expand({
      $root: cardData(r, { ...o, scale }),
    });
    if (Buffer.byteLength(JSON.stringify(card)) <= CARD_BUDGET || scale < 0.1) return card;
  }
}
