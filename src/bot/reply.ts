// A PathResult as a Teams message: the Adaptive Card plus a plain-text
// fallback in `text` (capped: Teams rejects messages over ~28 KB).
import { ActivityTypes, CardFactory, type Activity } from 'botbuilder';
import { renderCard, type CardOptions } from '../cards/card';
import { escapeCodeBlock, escapeMarkdownText, renderText } from '../cards/text';
import type { PathResult } from '../path/result';

const TEXT_LIMIT = 4000;

const cap = (s: string, n: number): string => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

export function replyActivity(r: PathResult, o: CardOptions = {}): Partial<Activity> {
  return {
    type: ActivityTypes.Message,
    text: cap(escapeMarkdownText(renderText(r, { verify: false })), TEXT_LIMIT),
    attachments: [CardFactory.adaptiveCard(renderCard(r, o))],
  };
}

/** The whole answer as text (the "Show all" button), in a code block so columns stay aligned. */
export function fullTextActivity(r: PathResult): Partial<Activity> {
  return {
    type: ActivityTypes.Message,
    textFormat: 'markdown',
    text: cap('```\n' + escapeCodeBlock(renderText(r)) + '\n```', 24000),
  };
}
