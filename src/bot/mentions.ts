// Teams puts "<at>Name</at>" in the text for every mention. The bot's own
// mention is removed (matched by the mentioned id, falling back to its name,
// because the entity's text can differ from the message's); other mentions
// are kept as plain "@Name".
import type { Activity } from 'botbuilder';

const decode = (s: string) =>
  s
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#(\d+);/g, (_, n) => String.fromCharCode(+n));

export function textWithoutBotMention(activity: Partial<Activity>): string {
  let text = activity.text ?? '';
  const botId = activity.recipient?.id;
  const botNames = new Set<string>([activity.recipient?.name ?? ''].filter(Boolean).map((n) => n.toLowerCase()));
  for (const e of activity.entities ?? []) {
    if (e.type !== 'mention') continue;
    const mentioned = e.mentioned as { id?: string; name?: string } | undefined;
    if (mentioned?.id && mentioned.id === botId) {
      if (typeof e.text === 'string' && e.text) text = text.split(e.text).join(' ');
      if (mentioned.name) botNames.add(mentioned.name.toLowerCase());
      const inner = typeof e.text === 'string' ? /<at>(.*?)<\/at>/i.exec(e.text)?.[1] : undefined;
      if (inner) botNames.add(decode(inner).toLowerCase());
    }
  }
  text = text.replace(/<at>(.*?)<\/at>/gi, (_, inner: string) =>
    botNames.has(decode(inner).trim().toLowerCase()) ? ' ' : `@${decode(inner).trim().replace(/\s+/g, '_')}`,
  );
  return text.replace(/\s+/g, ' ').trim();
}
