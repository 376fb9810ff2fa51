// A word said alongside a name that matched ("where do sqlapi and nosuchpod run?", "egress of web or foo-1") is
// meant as a name too. Words that match nothing are never looked up (they may be English), so such a word would
// silently drop out of the answer: the answer says instead which part of the question it leaves out.
import type { Intent } from './parse';
import { escapeRe } from '../regex';

const JOIN = String.raw`\s+(?:and|or|&|\+|vs\.?|versus)\s+(?:(?:of|for)\s+)?(?:the\s+)?`;
// where an English word would go on with a clause of its own ("api and pushes files"), a name ends the list
const END = String.raw`(?=\s*(?:$|[?!.,;:)'"\x60]|(?:both|run|runs|live|lives|go|see|use)\b))`;
// words that close a list without naming anything ("first to dns-default and after?")
const CLOSERS = new Set([
  'after',
  'afterwards',
  'again',
  'also',
  'back',
  'before',
  'else',
  'later',
  'more',
  'others',
  'then',
  'too',
]);
const START = String.raw`(?:^|[\s('"\x60])`;

/** The notes for names that matched nothing, said in a list with names that did or after "pod" / "service". */
export function leftOut(intent: Intent): string[] {
  const found = (intent.entities ?? []).map((e) => e.text.toLowerCase());
  if (!found.length) return [];
  const said = `(?:${found.map(escapeRe).join('|')})`;
  const known = (w: string) => found.some((f) => f === w || f.split(/[/.]/).includes(w));
  const text = intent.text.toLowerCase();
  // "pod payments-2", "service billing-v2": a name by its form and by the word before it ("pod placement" is English)
  const typed = new Set(
    intent.typed
      .filter((t) => !t.after && /^(pod|service)$/.test(t.type) && /^[a-z0-9-]*(\d|-)[a-z0-9-]*$/.test(t.name))
      .map((t) => t.name),
  );
  return intent.names
    .filter((w) => !known(w) && !CLOSERS.has(w))
    .filter((w) => {
      if (typed.has(w)) return true;
      // a name written as one (with digits or dashes) needs no end of the list after it
      const after = new RegExp(`${START}${said}${JOIN}${escapeRe(w)}${/[\d-]/.test(w) ? String.raw`\b` : END}`);
      const before = new RegExp(`${START}${escapeRe(w)}${JOIN}${said}${END}`);
      return after.test(text) || before.test(text);
    })
    .map(
      (w) =>
        `Nothing in this cluster is named "${w}" (no pod, app, Service, route or node): this answer leaves it out.`,
    );
}
