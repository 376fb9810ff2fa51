// The alert cards posted to a watching conversation, and the list of its subscriptions with a stop button each.
import { ActivityTypes, CardFactory, type Activity } from 'botbuilder';
import type { Recorded } from '../changes/history';
import { escapeMarkdownText } from '../cards/text';
import type { SnatPeak } from './snat';

const SCHEMA = 'http://adaptivecards.io/schemas/adaptive-card.json';
const cap = (s: string, n = 300): string => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
const text = (s: string) => escapeMarkdownText(cap(s));

const utc = (ms: number): string =>
  new Date(ms)
    .toISOString()
    .replace(/:\d\d\.\d+Z$/, ' UTC')
    .replace('T', ' ');

function card(title: string, body: object[], actions: object[], fallback: string): Partial<Activity> {
  return {
    type: ActivityTypes.Message,
    summary: text(title),
    attachments: [
      CardFactory.adaptiveCard({
        type: 'AdaptiveCard',
        $schema: SCHEMA,
        version: '1.4',
        fallbackText: text(fallback),
        body: [{ type: 'TextBlock', text: text(title), weight: 'Bolder', size: 'Medium', wrap: true }, ...body],
        actions,
      }),
    ],
  };
}

const facts = (xs: [string, string][]) => ({
  type: 'FactSet',
  facts: xs.map(([title, value]) => ({ title, value: text(value) })),
});

/** "What changed?" asks the changes family about the same cluster. */
const whatChanged = (cluster: string | undefined) => ({
  type: 'Action.Submit',
  title: 'What changed?',
  data: { question: `what changed in the last 24 h?${cluster ? ` on cluster ${cluster}` : ''}` },
});

/** Changes listed at most on one card; the rest are counted. */
const LISTED = 10;

const line = (c: Recorded) => `${c.kind} ${c.subject}: ${c.before ?? '(none)'} → ${c.after ?? '(gone)'}`;

/**
 * The changes of one record a subscription matches, on one card: a single change in full (kind, subject, before →
 * after, what it means, when it was seen), several as a list with what each means.
 */
export function changeCard(cs: Recorded[], cluster: string, named: boolean, watching: string): Partial<Activity> {
  const where = named ? ` on cluster ${cluster}` : '';
  const c = cs[0];
  const seen: [string, string] = ['Seen', `between ${utc(c.previousAt)} and ${utc(c.at)}`];
  if (cs.length > 1) {
    const title = `${cs.length} path changes${where}: ${[...new Set(cs.map((x) => x.kind))].join(', ')}`;
    const shown = cs.slice(0, LISTED).map((x) => `• ${text(x.impact)}`);
    if (cs.length > LISTED) shown.push(`(${cs.length - LISTED} more)`);
    return card(
      title,
      [{ type: 'TextBlock', text: shown.join('\n\n'), wrap: true }, facts([seen, ['Watching', watching]])],
      [whatChanged(named ? cluster : undefined)],
      `${title}: ${cs.slice(0, LISTED).map(line).join('; ')}`,
    );
  }
  const title = `Path change${where}: ${c.kind} ${c.subject}`;
  return card(
    title,
    [
      { type: 'TextBlock', text: text(c.impact), wrap: true },
      facts([
        ['Kind', c.kind],
        ['Subject', c.subject],
        ['Before', c.before ?? '(none)'],
        ['After', c.after ?? '(gone)'],
        seen,
        ['Watching', watching],
      ]),
    ],
    [whatChanged(named ? cluster : undefined)],
    `${title}. ${line(c)}. ${c.impact}`,
  );
}

/** The SNAT threshold crossed: which node, how many ports, of which load balancer. */
export function snatCard(p: SnatPeak, percent: number, cluster: string, named: boolean, at: number): Partial<Activity> {
  const title = `SNAT usage passed ${percent} %${named ? ` on cluster ${cluster}` : ''}`;
  return card(
    title,
    [
      { type: 'TextBlock', text: text(`${p.text}.`), wrap: true },
      facts([
        ['Threshold', `${percent} % of a node's allocation at peak`],
        ['Checked', utc(at)],
      ]),
    ],
    [
      {
        type: 'Action.Submit',
        title: 'Are we running out of SNAT ports?',
        data: { question: `are we running out of SNAT ports?${named ? ` on cluster ${cluster}` : ''}` },
      },
    ],
    `${title}: ${p.text}.`,
  );
}

/** The conversation's subscriptions, numbered, a stop button each and one for all. */
export function listCard(lines: string[], stopping: boolean): Partial<Activity> {
  const title = stopping ? 'Which watch should I stop?' : 'Watching in this conversation';
  return card(
    title,
    [{ type: 'TextBlock', text: lines.map((l, i) => `${i + 1}. ${text(l)}`).join('\n\n'), wrap: true }],
    [
      ...lines.slice(0, 5).map((_, i) => ({
        type: 'Action.Submit',
        title: `Stop ${i + 1}`,
        data: { question: `stop watching ${i + 1}` },
      })),
      { type: 'Action.Submit', title: 'Stop all', data: { question: 'stop watching all' } },
    ],
    `${title}: ${lines.map((l, i) => `${i + 1}. ${l}`).join('; ')}`,
  );
}
