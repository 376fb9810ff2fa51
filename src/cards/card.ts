// PathResult → Adaptive Card 1.5 (what Teams renders): one JSON template per
// result family under templates/, sharing parts (templates/parts/*.json,
// spliced in where a template says {"$part": "…"}), bound with
// adaptivecards-templating. Colours come only from the host palette.
import { WATCH_HELP } from '../watch/command';
import * as ACData from 'adaptivecards-templating';
import { DEMO_SOURCE } from '../inventory/snapshot';
import { familyOf as registryFamily } from '../families';
import { INTENTS } from '../nlu/intents';
import { editDistance, sharedRun } from '../nlu/names';
import { asksToChoose, type FollowUp, type LayerVerdict, type PathResult } from '../path/result';
import choice from './templates/choice.json';
import eastWest from './templates/east-west.json';
import egress from './templates/egress.json';
import error from './templates/error.json';
import help from './templates/help.json';
import inbound from './templates/inbound.json';
import loadBalancers from './templates/load-balancers.json';
import actions from './templates/parts/actions.json';
import details from './templates/parts/details.json';
import hops from './templates/parts/hops.json';
import title from './templates/parts/title.json';
import warnings from './templates/parts/warnings.json';
import pod from './templates/pod.json';
import whatIs from './templates/what-is.json';
import { formatAge, glyph } from './text';

const PARTS: Record<string, unknown[]> = {
  actions,
  details,
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

/**
 * The answer's headline, one line (the activity's text, for notifications and screen readers): the first sentence
 * of an answer (of its line naming the addresses seen), cut at its first ": " or "; " when long; the first line of
 * anything else.
 */
export function headlineOf(r: PathResult): string {
  const lines = r.answer.split('\n');
  if (r.status !== 'answered') return lines[0];
  // a group's answer starts with a note on its replicas: the line naming the addresses is the headline
  const first = lines.find((l) => (r.seenAs ?? []).length && r.seenAs!.every((ip) => l.includes(ip))) ?? lines[0];
  const sentence = first.match(/^.{20,}?[.!?](?=\s|$)/)?.[0] ?? first;
  if (sentence.length <= 140) return sentence;
  return sentence.match(/^.{20,}?(?=[:;]\s)/)?.[0] ?? sentence;
}

/** The template that draws a result: the family's own card when answered (declared in its registry entry). */
export function familyOf(r: PathResult): Family {
  // several subjects, or an unclear question with buttons for what it may mean
  if (asksToChoose(r)) return 'choice';
  if (r.status !== 'answered') return 'error';
  // several pairs answered at once: a section each, as the load balancers' card lists one per load balancer
  if (r.parts) return 'load-balancers';
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
  'front-door': 'Azure Front Door',
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
// Teams shows at most 5 actions: "Verify it yourself", up to 3 follow-ups (2 and "More…" when there are more) and
// "Show all"; the rest of the follow-ups go into a choice set behind "More…".
const LIMITS = {
  facts: 14,
  warnings: 6,
  sectionLines: 8,
  sections: 12,
  verify: 12,
  followUps: 3,
  choices: 30,
};

/** The inventory source of the bundled demo (SnapshotInventory.demo()). */

/** Bytes a card may take: Teams refuses activities over 28 KB, and the text fallback needs room too. */
const CARD_BUDGET = 22 * 1024;

export interface CardOptions {
  /** the question, for a "show all" button when the card had to summarize */
  question?: string;
  /** what the bot answers about: a badge on every card ("demo snapshot" is the bundled demo) */
  source?: string;
  /** the question a button asked, quoted on the card so the conversation shows what was asked */
  asked?: string;
  /** correlation id shown on error cards */
  reference?: string;
  /** scale of LIMITS (renderCard shrinks it until the card fits CARD_BUDGET) */
  scale?: number;
}

/** The headline a family's card shows above the path, from the result's typed fields. */
function headline(r: PathResult) {
  const seen = r.seenAs?.join(' or ') ?? '';
  const { verdict, verdictStyle } = verdictBox(r);
  // the title already naming every address says it once
  const inTitle = (r.seenAs ?? []).every((ip) => (r.title ?? '').includes(ip));
  return {
    seenAs: r.intent === 'egress' && !inTitle ? seen : '',
    podSees: r.intent === 'inbound' ? seen : '',
    clientIpNote: r.intent === 'inbound' && seen ? (CLIENT_IP[r.clientIp ?? ''] ?? '') : '',
    verdict,
    verdictStyle,
  };
}

/** The verdict box: allowed (with a layer unseen: said), denied, or — asked and left open — not sure. */
function verdictBox(r: PathResult): { verdict: string; verdictStyle: string } {
  // allowed with a layer unseen: say so, never a plain "Allowed" for the whole network
  const unseen = (r.layers ?? []).some((l) => l.verdict === 'not-visible' || l.verdict === 'not-evaluated');
  const allowed = unseen ? '✅ Allowed by every layer checked (not all were visible)' : '✅ Allowed';
  // a title that already says Allowed / Denied is the verdict headline: the box only adds "not all were visible"
  const said = /^(Allowed|Denied)\b/.test(r.title ?? '') && !unseen;
  if (r.verdict) return { verdict: said ? '' : r.verdict.allowed ? allowed : '⛔ Denied', verdictStyle: style(r) };
  // a layer not read or a rule that may apply leaves it open: said as such, never a blank box
  const open = r.layers && /^Not sure\b/.test(r.answer);
  return { verdict: open ? '⚠️ Not sure: see what was not checked' : '', verdictStyle: open ? 'warning' : 'good' };
}

const style = (r: PathResult) => (r.verdict && !r.verdict.allowed ? 'attention' : 'good');

const CLIENT_IP: Record<string, string> = {
  xff: 'as source; the client IP arrives in X-Forwarded-For',
  kept: 'as source: the client IP is kept',
  snat: 'as source: the client IP is lost to SNAT',
  lost: 'as source: the client IP does not reach the pod',
};

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
  const firstPacket = r.hops.findIndex((h) => h.src || h.dst);
  return r.hops.map((h, i) => {
    const prev = r.hops[i - 1];
    const changed =
      !!prev && ((!!h.src && !!prev.src && h.src !== prev.src) || (!!h.dst && !!prev.dst && h.dst !== prev.dst));
    return {
      glyph: glyph(h.kind),
      kindLabel: KIND_LABELS[h.kind] ?? h.kind,
      name: e(h.name),
      where: h.ip ? ` · ${e([h.ip, h.port].filter((x) => x !== undefined).join(':'))}` : '',
      // the packet only where its addresses change (and at the first hop that shows them)
      packet: (h.src || h.dst) && (changed || i === firstPacket) ? `${changed ? '⇄ ' : ''}${e(packetOf(h))}` : '',
      changed,
      note: e(h.note ?? ''),
    };
  });
}

const packetOf = (h: PathResult['hops'][number]) => `${h.src ?? '?'} → ${h.dst ?? '*'}`;

/** Hop notes for the Details section, numbered like the path. */
const hopNotes = (r: PathResult) =>
  r.hops.flatMap((h, i) => (h.note ? [{ text: escapeMarkdown(`${i + 1}. ${h.name}: ${h.note}`) }] : []));

type Button = { title: string; payload: Record<string, unknown> };

const buttonOf = (f: FollowUp): Button => ({
  title: f.title.slice(0, 60),
  payload: { question: f.question, ...(f.intent ? { intent: f.intent } : {}) },
});

/** "Did you mean sqlapi?" as a button: the question again with the closest word replaced by the suggestion. */
function suggestionFollowUps(r: PathResult, question?: string): FollowUp[] {
  if (!question || r.status !== 'not-found' || r.followUps.length) return [];
  const words = question.split(/[\s?!,]+/).filter(Boolean);
  return (r.suggestions ?? []).slice(0, LIMITS.followUps).flatMap((s) => {
    const near = (w: string, d: number) => d <= Math.max(2, Math.floor(s.length / 2)) || sharedRun(w, s) >= 3;
    const best = words
      .filter((w) => w.toLowerCase() !== s.toLowerCase())
      .map((w) => ({ w, d: editDistance(w.toLowerCase(), s.toLowerCase()) }))
      .filter(({ w, d }) => near(w.toLowerCase(), d))
      .sort((a, b) => a.d - b.d)[0];
    if (!best) return [];
    // the button asks again in plain words: no markdown or template characters the user typed ride along
    const again = question.replace(best.w, s).replace(/[*[\]()`~\\${}]+/g, ' ');
    return [{ title: `Did you mean ${s}?`, question: again.replace(/\s+/g, ' ').trim() }];
  });
}

/** The buttons (at most 3, or 2 and a choice set of the rest) and the choices behind "More…". */
function followUpButtons(r: PathResult, o: CardOptions) {
  const all = [...r.followUps, ...suggestionFollowUps(r, o.question)];
  const shown = all.length > LIMITS.followUps ? LIMITS.followUps - 1 : LIMITS.followUps;
  return {
    followUps: all.slice(0, shown).map(buttonOf),
    // a choice's value is the question; the intent is read from it again
    choices: all.slice(shown, shown + LIMITS.choices).map((f) => ({ title: f.title.slice(0, 80), value: f.question })),
  };
}

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

/** The source badge every card starts with: the demo said plainly, else the snapshot or cluster (and data age). */
function badgeOf(o: CardOptions, r?: PathResult) {
  if (!o.source) return { badge: '', badgeColor: 'Default' };
  if (o.source === DEMO_SOURCE)
    return { badge: 'DEMO — the bundled demo cluster aro2, not yours', badgeColor: 'Warning' };
  const age = r?.dataAge !== undefined ? ` · Azure data ${formatAge(r.dataAge)} old` : '';
  return { badge: `Answering about: ${escapeMarkdown(o.source)}${age}`, badgeColor: 'Default' };
}

/** "Refresh": the same question again, its Azure data re-read first (live answers, which say their data age). */
function refreshButton(r: PathResult, o: CardOptions) {
  if (r.dataAge === undefined || !o.question) return [];
  const question = `refresh: ${o.question.replace(/^\s*refresh(?:\s*:\s*|\s+)/i, '')}`;
  const intent = r.status === 'answered' && r.intent !== 'unknown' ? { intent: r.intent } : {};
  return [{ title: 'Refresh', payload: { question, ...intent } }];
}

/**
 * What the top of the card says besides the title: the answer's first sentence when short, else what follows its
 * first ": " (the title said the rest), else nothing; the whole answer is behind "Details" then.
 */
function leadAndRest(answer: string): { lead: string; rest: string } {
  const sentence = answer.match(/^[^\n]{20,}?[.!?](?=\s|$)/)?.[0] ?? answer.split('\n')[0];
  if (sentence.length <= 200) return { lead: sentence, rest: answer.slice(sentence.length).trim() };
  const after = sentence.match(/^.{20,}?:\s(.+)$/)?.[1];
  return { lead: after && after.length <= 220 ? after : '', rest: answer };
}

function cardData(r: PathResult, o: CardOptions = {}) {
  const e = escapeMarkdown;
  const { data: listed, truncated } = lists(r, o);
  const { followUps, choices } = followUpButtons(r, o);
  if (truncated && o.question) followUps.push({ title: 'Show all', payload: { question: o.question, full: true } });
  followUps.push(...refreshButton(r, o));
  const hops = hopRows(r);
  const { lead, rest } = leadAndRest(r.answer);
  const notes = hopNotes(r);
  return {
    title: e(r.title ?? TITLES[r.status] ?? r.answer.split('\n')[0]),
    // understood-and-refused or unclear is not an error: only not-found and failed are drawn in red
    titleColor: r.status === 'not-found' || r.status === 'failed' ? 'Attention' : 'Default',
    answer: e(r.answer),
    lead: e(lead),
    rest: e(rest),
    ...badgeOf(o, r),
    asked: o.asked ? `You asked: “${e(o.asked)}”` : '',
    ...headline(r),
    paragraphs: r.answer.split(/;\s+and\s+/).map((t) => ({ text: e(t) })),
    hops,
    legend: hops.some((h) => h.changed)
      ? '⇄ the packet arrives with a new source or destination (NAT or a proxy before this hop)'
      : '',
    hopNotes: notes,
    details: rest !== '' || notes.length > 0 || listed.facts.length > 0,
    layers: layerRows(r),
    errors: r.errors.map((x) => ({ lookup: e(x.lookup), reason: e(x.reason) })),
    ...listed,
    intents: [...INTENTS.filter((i) => i.kind !== 'help'), { ...WATCH_HELP, examples: [WATCH_HELP.example] }].map(
      (i) => ({ title: i.title, example: e(i.examples[0]), command: e(i.command) }),
    ),
    intro: INTRO,
    reference: o.reference ?? '',
    more: truncated ? 'Some lists are summarized here.' : '',
    followUps,
    choices,
  };
}

export function renderCard(r: PathResult, o: CardOptions = {}): Record<string, unknown> {
  for (let scale = 1; ; scale /= 2) {
    const card = TEMPLATES[familyOf(r)].expand({
      $root: cardData(r, { ...o, scale }),
    }) as Record<string, unknown>;
    // Teams: use the whole width of the conversation
    card.msteams = { width: 'Full' };
    if (Buffer.byteLength(JSON.stringify(card)) <= CARD_BUDGET || scale < 0.1) return card;
  }
}
