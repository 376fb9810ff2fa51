// A PathResult as a Teams message: one message, the Adaptive Card only. Teams (and the Playground) print an
// activity's `text` as a message of its own next to the card, so there is none: `summary` carries the answer's
// headline (notifications, screen readers) and the card's fallbackText the whole text, for clients without cards.
import { ActivityTypes, CardFactory, type Activity } from 'botbuilder';
import { headlineOf, renderCard, type CardOptions } from '../cards/card';
import { DEMO_SOURCE } from '../inventory/snapshot';
import { escapeCodeBlock, escapeMarkdownText, renderText } from '../cards/text';
import type { PathResult } from '../path/result';

const TEXT_LIMIT = 4000;
const HEADLINE_LIMIT = 300;

const cap = (s: string, n: number): string => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

export function replyActivity(r: PathResult, o: CardOptions = {}): Partial<Activity> {
  const headline = cap(escapeMarkdownText(headlineOf(r)), HEADLINE_LIMIT);
  const card = renderCard(r, o);
  const demo = o.source === DEMO_SOURCE;
  card.fallbackText = cap(escapeMarkdownText(renderText(r, { verify: false, demo })), TEXT_LIMIT);
  return {
    type: ActivityTypes.Message,
    summary: headline,
    attachments: [CardFactory.adaptiveCard(card)],
  };
}

/** The whole answer as text (the "Show all" button), in a code block so columns stay aligned. */
export function fullTextActivity(r: PathResult, o: { demo?: boolean } = {}): Partial<Activity> {
  return {
    type: ActivityTypes.Message,
    textFormat: 'markdown',
    text: cap('```\n' + escapeCodeBlock(renderText(r, { demo: o.demo })) + '\n```', 24000),
  };
}
