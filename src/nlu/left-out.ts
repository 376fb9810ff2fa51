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
  const asked = askedAgain(text, intent.names, known);
  const noted = new Set(asked.flatMap((a) => a.unknown));
  return [
    ...asked.map(
      (a) =>
        `Nothing in this cluster is named ${a.unknown.map((w) => `"${w}"`).join(' or ')} (no pod, app, Service, ` +
        `route or node), so "${a.said}" is not answered.`,
    ),
    ...listed(intent, text, said, known)
      .filter((w) => !noted.has(w))
      .map(note),
  ];
}

const note = (w: string) =>
  `Nothing in this cluster is named "${w}" (no pod, app, Service, route or node): this answer leaves it out.`;

// "can api reach db and can foo reach bar?": a second question of its own, joined by "and" with its own verb
const ASKED_AGAIN = new RegExp(
  String.raw`(?:^|[\s,;])(?:and|but|also|then|plus|&)\s+(?:also\s+)?` +
    String.raw`((?:can|could|does|do|did|will|would|may|might)\s+(?:the\s+)?([a-z0-9][\w.-]*)\s+(?:\w+\s+)?` +
    String.raw`(?:reach|talk to|connect to|call|access|get to|hit|ping|open a connection to|see)\s+(?:the\s+)?` +
    String.raw`([a-z0-9][\w./-]*?))(?=$|[\s?!,;:]|\.(?:\s|$))`,
  'g',
);

/** The parties of a later question in the message that match nothing: that question gets no answer of its own. */
function askedAgain(text: string, names: string[], known: (w: string) => boolean) {
  return [...text.matchAll(ASKED_AGAIN)]
    .map((m) => ({ said: m[1], unknown: [m[2], m[3]].filter((w) => names.includes(w) && !known(w)) }))
    .filter((a) => a.unknown.length > 0);
}

function listed(intent: Intent, text: string, said: string, known: (w: string) => boolean): string[] {
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
    });
}
