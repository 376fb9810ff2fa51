// Teams puts "<at>Name</at>" in the text for every mention. The bot's own
// mention is removed (matched by the mentioned id, falling back to its name,
// because the entity's text can differ from the message's); other mentions
// are kept as plain "@Name". The text is untrusted: it is cut to QUESTION_LIMIT before any pattern runs, and
// every pattern is linear ([^<]* cannot run past the next tag, where .*? rescans to the end from every "<at>").
import type { Activity } from 'botbuilder';

export const QUESTION_LIMIT = 2000;

const MENTION = /<at>([^<]{0,200})<\/at>/gi;

const decode = (s: string) =>
  s
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#(\d+);/g, (_, n) => String.fromCharCode(+n));

export function textWithoutBotMention(activity: Partial<Activity>): string {
  let text = typeof activity.text === 'string' ? activity.text.slice(0, QUESTION_LIMIT) : '';
  const botId = activity.recipient?.id;
  const botNames = new Set<string>([activity.recipient?.name ?? ''].filter(Boolean).map((n) => n.toLowerCase()));
  const entities = Array.isArray(activity.entities) ? activity.entities.slice(0, 50) : [];
  for (const e of entities) {
    if (e?.type !== 'mention' || (typeof e.text === 'string' && e.text.length > 300)) continue;
    const mentioned = e.mentioned as { id?: string; name?: string } | undefined;
    if (mentioned?.id && mentioned.id === botId) {
      if (typeof e.text === 'string' && e.text) text = text.split(e.text).join(' ');
      if (typeof mentioned.name === 'string') botNames.add(mentioned.name.toLowerCase());
      const inner = typeof e.text === 'string' ? /<at>([^<]{0,200})<\/at>/i.exec(e.text)?.[1] : undefined;
      if (inner) botNames.add(decode(inner).toLowerCase());
    }
  }
  text = text.replace(MENTION, (_, inner: string) =>
    botNames.has(decode(inner).trim().toLowerCase()) ? ' ' : `@${decode(inner).trim().replace(/\s+/g, '_')}`,
  );
  return text.replace(/\s+/g, ' ').trim();
}
