// Several questions asked in one message about one subject ("what's the egress for api and also what's its dns
// server", a numbered list of asks): each written out whole with its subject named, to be answered in order.
import type { Intent } from './parse';
import { escapeRe } from '../regex';

type Reading = Pick<Intent, 'kind' | 'names' | 'marked'>;

/** "1. egress IP of web\n2. node it runs on": items of a numbered list, one a line */
const ITEM = /^[ \t]*\d{1,2}[.)][ \t]+(\S.*)$/gm;
/** "… and also what's its dns server", "…, and which node is it on": a second question joined to the first */
// (", and how does it resolve dns?": a how-question joined after a comma, its own clause)
const JOINED = /\s*,?\s+and\s+also\s+|\s*,?\s+and\s+(?=(?:what|which|where)(?:'s|\s))|\s*,\s+and\s+(?=how\s)/i;
/** "which public IP": a wh-ask of a few words with no verb of its own */
const VERBLESS = new RegExp(
  String.raw`^\s*(?:which|what)\s+(?!.*(?:'s|\b(?:is|are|was|were|does|do|did|can|could|will|would|has|have)\b))` +
    String.raw`(?:[\w-]+\s+){0,3}[\w-]+\s*$`,
  'i',
);
const BETWEEN = /\b(?:difference|diff|differences)\s+between\b/i;
const FIELD = /^[\w -]{1,20}:\s/;
const PREFACE = /^[^:?\n]{1,60}:\s+(?=(?:what|which|where|how|who|is|are|can|does|do)\b)/i;
/** the subject referred to, not named again */
const PRONOUN = /\b(its|it's|it)\b/i;

const listed = (text: string): string[] => {
  const lines = [...text.matchAll(ITEM)].map((m) => m[1].trim());
  return lines.length >= 2 ? lines : inline(text);
};
const LIST_OPENS = /^\s*(?:[^:?\n]{1,80}:\s+)?1[.)]\s+/;
/** "for the server pod: 1) … 2) …", "server pod:\n1. …": what is said before the list's colon */
const LIST_PREFACE = /^\s*([^:?\n]{1,80}):\s*\n?\s*1[.)]\s/;
/** "1. egress IP of web 2. which node is db-0 on": a numbered list written on one line, its numbers in order from 1 */
function inline(text: string): string[] {
  // ("two things for the runbook: 1) … 2) …": a preface before the colon may open the list)
  if (!LIST_OPENS.test(text) || text.includes('\n')) return [];
  const pieces = text
    .replace(LIST_OPENS, '1) ')
    .trim()
    .split(/(?:^|\s+)(\d{1,2})[.)]\s+/)
    .slice(1);
  const numbers = pieces.filter((_, i) => i % 2 === 0);
  const items = pieces.filter((_, i) => i % 2 === 1).map((x) => x.trim());
  const inOrder = numbers.every((n, i) => +n === i + 1);
  return inOrder && items.length >= 2 && items.every(Boolean) ? items : [];
}

/** "1. can you raise our vCPU quota 2. which public IP does db-0 leave from": the items of a numbered list, also once
 * its lines are joined with ". " (fewer than two: not a list) */
const listItems = (text: string): string[] => {
  const items = text.split(/(?:^|[.?!]\s+|\n)\s*\d{1,2}[.)]\s+/).map((x) => x.trim());
  return items.length >= 3 && !items[0] ? items.slice(1).filter(Boolean) : [];
};

/** A list is out of scope (a change, a price, another cloud) only when every item is: one item the bot answers is
 * still asked (the others get no answer) */
export const wholeListIs = (text: string, out: (s: string) => boolean): boolean => {
  const items = listItems(text);
  return items.length >= 2 ? items.every(out) : out(text);
};
const joined = (text: string): string[] => text.split(JOINED).map((s) => s.trim().replace(/[?.!]+$/, ''));

/** The subject of a message's questions: the one name the first says, or a list's preface says. */
function subjectOf(text: string, part: string, listedItems: boolean, read: (s: string) => Reading) {
  const first = read(part);
  // the subject is written as a name ("for api", "web-…", "shop/db-0"): a word only taken for one ("what load
  // balancers exist") is no subject to carry over
  // ("which dns server do pods in shop use, and where does it forward to?": the resolver asked of, no subject)
  const [own1] = first.marked.length === 1 && !saidAsResolver(part, first.marked[0]) ? first.marked : [];
  // ("for the server pod: 1) public source address 2) which worker": a list's subject said only in its preface)
  const preface =
    listedItems && !own1 && !first.names.length ? LIST_PREFACE.exec(text)?.[1].replace(HOW_MANY, ' ') : undefined;
  // (there the one name said is it: "two facts on sqlapi for the audit: 1. …")
  const [subject] = own1 ? [own1] : preface ? oneName(read(preface)) : [];
  return { first, own1, subject };
}

/** "two things for", "need three facts on", "a couple of questions about": how many asks follow, never a name */
const HOW_MANY = new RegExp(
  String.raw`\b(?:(?:i |we )?(?:need|have|got)\s+)?(?:two|three|four|2|3|4|a few|a couple(?: of)?|some)\s+` +
    String.raw`(?:quick\s+)?(?:things|questions|facts|asks|items|points|checks)\b(?:\s+(?:about|on|for|re|regarding))?`,
  'i',
);
// (one word said as a name: "the sauna queue api" is a description, its words read as names, resolved later)
const oneName = (r: Reading): string[] => (r.names.length === 1 ? r.names : []);

/** Each part with its subject named: the pronoun replaced, or the subject added when the part names nothing. */
// ("which worker it's scheduled on": "it's" is "it is", never "its")
function writtenOut(part: string, subject: string): string {
  const said = (w: string) => ({ it: subject, "it's": `${subject} is` })[w.toLowerCase()] ?? `${subject}'s`;
  if (PRONOUN.test(part)) return part.replace(new RegExp(PRONOUN.source, 'gi'), said);
  return `${part} of ${subject}`;
}

/**
 * The questions of one message, or undefined when it is one question: two to four parts, the first naming one
 * subject, each later part naming it again, its own single subject, or none (then the first's); each part of a
 * clear family; joined in a sentence, no two of the same family (one question in two clauses stays one question).
 */
export function questionsOf(text: string, read: (s: string) => Reading): { text: string; kind: string }[] | undefined {
  // "what's the difference between web's pod IP and what the internet sees": the two things compared, joined by
  // "and", are one question
  if (BETWEEN.test(text)) return undefined;
  const items = listed(text);
  const listedItems = items.length >= 2;
  const parts = (listedItems ? items : joined(text)).filter(Boolean);
  if (parts.length < 2 || parts.length > 4) return undefined;
  // "which public IP and which router does it come in through?": a first ask without its verb shares the second's;
  // a message with pasted lines above its question is one question about them
  // (and so is one about a flow between addresses: "… -> 10.0.201.17:8080, which node … and where does it land?")
  if (!listedItems && (VERBLESS.test(parts[0].split(/[.?!]\s+/).pop()!) || /\n|\d\.\d+\.\d/.test(text.trim())))
    return undefined;
  // "1. pod: node-exporter-7x2kq (hostNetwork)": an item that is a field says what the next asks about
  if (listedItems && parts.some((p) => FIELD.test(p))) return undefined;
  // "two things for the ticket gates: what public IP does sqlapi use, …": a preface before the colon says why or for
  // whom; the first ask is what follows, when that names its one subject
  const asked = parts[0].replace(PREFACE, '');
  if (asked !== parts[0] && read(asked).marked.length === 1) parts[0] = asked;
  const { first, own1, subject } = subjectOf(text, parts[0], listedItems, read);
  if (!subject) return undefined;
  const out = parts.map((p, i) => {
    const own = read(p);
    // a part saying "it" is about the subject whatever else its words look like ("its dns server")
    const said = (i === 0 && own1) || (!PRONOUN.test(p) && own.names.length === 1) ? p : writtenOut(p, subject);
    if (i > 0 && said !== p && subjects(p, own.names) > 1) return undefined;
    // a clause joined without naming anything or saying "it" is more of the same question ("… and which src IP
    // shows up upstream"); only a list's items stand alone
    // (a word only taken for a name, "which nodes pass", names nothing either)
    if (i > 0 && !listedItems && !own.marked.length && !PRONOUN.test(p)) return undefined;
    // "… how does the request get to the pod, and what source IP does sqlapi see?": a path's answer says the source
    // its far end sees, so asking it after a path is the same question
    if (i > 0 && !listedItems && PATHS.includes(first.kind) && SOURCE_SEEN.test(p)) return undefined;
    const kind = read(said).kind;
    return kind === 'unknown' || kind === 'help' ? undefined : { text: said, kind };
  });
  if (out.some((q) => !q)) return undefined;
  const kinds = new Set(out.map((q) => q!.kind));
  // items of a list are separate asks even of one family ("2. node it runs on 3. pod IP")
  return listedItems || kinds.size === out.length ? (out as { text: string; kind: string }[]) : undefined;
}

/** The names a part could be about: a host name looked up ("for google.com") and "server" in "DNS server" (the
 * resolver, a role) are what it asks about its subject, never a second subject */
const subjects = (part: string, names: string[]): number =>
  names.filter((n) => !n.includes('.') && !saidAsResolver(part, n)).length;
const saidAsResolver = (part: string, n: string): boolean =>
  new RegExp(String.raw`\b(?:dns|name)\s+${escapeRe(n)}\b`, 'i').test(part);

const PATHS = ['inbound', 'east-west'];
// ("… and what source IP does the web pod see?": the party said with its kind)
const SOURCE_SEEN =
  /^\W*(?:what|which) (?:source|src|client) ip (?:does|do|will|would) (?:the )?[\w./-]+(?: pods?)? (?:see|get|log)\b/i;

/** Families whose question is about one party: a list of names is each of them asked in turn. */
const ONE_PARTY = ['egress', 'pod', 'dns'];
/** "same public IP?", "web vs api", "share a node": the names compared in one answer, never split */
const COMPARES = /\b(same|vs\.?|versus|compared?|differ\w*|share|between)\b/;

/**
 * "outbound public IP for web, api and db-0", "nodes for web, api and db-0?", "which DNS server do web and api use?":
 * names joined by commas, "and" or "&" are each the subject of the one ask (English coordination), so the ask is
 * written out once a name and each is answered. Only when the list is every name the asking sentence says, and the
 * sentence neither compares them nor joins them by a direction (a pair is another question).
 */
export function eachSubject(
  intent: Pick<Intent, 'kind' | 'names' | 'text' | 'asking' | 'entities'>,
): { text: string; kind: string }[] | undefined {
  if (!ONE_PARTY.includes(intent.kind)) return undefined;
  const asking = intent.asking ?? intent.text;
  // (each a pod or workload of ours: a word the inventory does not know is no subject to ask about)
  const ours = (n: string) => (intent.entities ?? []).some((e) => e.text === n && ['pod', 'workload'].includes(e.kind));
  const said = intent.names.filter(
    (n) => ours(n) && new RegExp(`(^|[^\\w.-])${escapeRe(n)}(?![\\w-]|\\.\\w)`).test(asking),
  );
  if (said.length < 2 || said.length > 4 || COMPARES.test(asking)) return undefined;
  const name = `(?:${said.map(escapeRe).join('|')})`;
  const join = String.raw`(?:\s*,\s*(?:and\s+|&\s*)?|\s+(?:and|&|\+)\s+)`;
  const list = new RegExp(`(?<![\\w.-])${name}(?:${join}${name}){${said.length - 1}}(?![\\w-]|\\.\\w)`).exec(asking);
  if (!list || said.some((n) => !new RegExp(`(^|[^\\w.-])${escapeRe(n)}(?![\\w-])`).test(list[0]))) return undefined;
  const [before, after] = [asking.slice(0, list.index), asking.slice(list.index + list[0].length)];
  return said.map((n) => ({ text: `${before}${n}${after}`.trim(), kind: intent.kind }));
}

/** A family said in a word, and the question it stands for about one subject. */
const FAMILY_WORDS: [RegExp, (name: string) => string][] = [
  [/^dns$/, (n) => `dns for ${n}`],
  [/^(egress|egr|outbound|snat)( ip)?$|^public ip$/, (n) => `egress ip of ${n}`],
  [/^(netpols?|polic(y|ies))$/, (n) => `network policies of ${n}`],
  [/^(node|nodes|placement)$/, (n) => `which node does ${n} run on`],
];
const FAMILY_WORD =
  String.raw`(dns|egress(?: ip)?|egr|outbound(?: ip)?|snat|public ip|` +
  String.raw`netpols?|polic(?:y|ies)|node|placement)`;
// ("egress ip and dns path for api": what of the family is wanted may follow its word: the path, the chain, the IP)
const ASPECTS = 'path|paths|chain|ips?|address(?:es)?|resolvers?|lookups?|details|info|setup|config';
const ASPECT = String.raw`(?:\s+(?:${ASPECTS}))?`;
/** "pls chk dns + egr 4 sqlapi", "egress and DNS for server, I need both": two families asked of one name */
const TWO_FAMILIES = new RegExp(
  String.raw`\b${FAMILY_WORD}${ASPECT}\s*(?:\+|&|/|\band\b)\s*(?:the\s+)?${FAMILY_WORD}${ASPECT}\s+` +
    String.raw`(?:for|of|4|on)\s+(?:the\s+)?` +
    String.raw`([a-z0-9][\w./-]*[a-z0-9])`,
  'i',
);

/**
 * Two families said in a word each and joined, then the one name they are asked of: each is its own question about
 * that name ("dns + egr 4 sqlapi" is "dns for sqlapi" and "egress ip of sqlapi"), the one said "first" first. Not
 * when the two words are one family's ("node + IP" is where a pod runs).
 */
export function eachFamily(text: string, read: (s: string) => Reading): { text: string; kind: string }[] | undefined {
  const m = TWO_FAMILIES.exec(text);
  if (!m) return undefined;
  const [, a, b, name] = m;
  const asked = [a, b].map((w) => FAMILY_WORDS.find(([re]) => re.test(w.toLowerCase()))?.[1](name));
  if (asked.some((q) => !q)) return undefined;
  const first = new RegExp(String.raw`\b${escapeRe(b)}\s+first\b`, 'i').test(text) ? [asked[1]!, asked[0]!] : asked;
  const out = first.map((q) => ({ text: q!, kind: read(q!).kind }));
  const kinds = new Set(out.map((q) => q.kind));
  return kinds.size === 2 && !kinds.has('unknown') && read(name).names.includes(name.toLowerCase()) ? out : undefined;
}

/** "did the egress IP of api change after the maintenance? what is it now?": "it" is the thing asked whether it
 * changed; what it is now is asked of it, first (any inventory answers it, change history only a live one) */
const CHANGED_THEN_NOW = new RegExp(
  String.raw`^(.*?\bdid\s+((?:the|its|our|my)\s+[^?]{1,60}?)\s+change\b[^?]*\?)\s*(?:and\s+|so\s+)?` +
    String.raw`(?:what|which)(?:'s|\s+is|\s+are)\s+(?:it|that|they)\s+now\s*\??\s*$`,
  'is',
);
export function changedThenNow(
  text: string,
  read: (s: string) => Reading,
): { text: string; kind: string }[] | undefined {
  const m = CHANGED_THEN_NOW.exec(text.trim());
  if (!m) return undefined;
  const now = `what is ${m[2]} now?`;
  const out = [now, m[1].trim()].map((q) => ({ text: q, kind: read(q).kind }));
  return out[1].kind === 'changes' && !['unknown', 'help', 'changes'].includes(out[0].kind) ? out : undefined;
}
