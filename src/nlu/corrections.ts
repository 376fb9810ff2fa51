import { escapeRe } from '../regex';
import { ASIDE_WORDS, RECALL_WORDS } from './patterns';
/**
 * A writer who takes a word back mid-message ("where does server run... no, sqlapi", "whats 10.129.2.4... no sorry,
 * 10.131.0.5", "from the router pods.. no wait, from sqlapi"): in English the correction replaces what it follows,
 * and a name then negated ("i mean server, not sqlapi") is the one taken back, never the subject.
 */

// a trailing-off ("..", "…") then a word that takes back ("no", "wait", "sorry", "er", "i mean"), or "no wait" /
// "no sorry" / "i mean" after a comma or a stop without the dots
const TAKE_BACK = String.raw`(?:no|wait|sorry|er|erm|um|uh|oops|actually|i mean|i meant)`;
// ("api — sorry, db-0 — which public address …": a dash sets the take-back off as a trailing-off does)
const MARKER = new RegExp(
  String.raw`(?:(?:\.{2,}|…)\s*${TAKE_BACK}\b|\s*[—–]\s*(?:sorry|oops|no,? wait|no,? sorry|i mean|i meant)\b|` +
    // (or a spaced hyphen: "path from web to db-0 -- no wait, api to db-0")
    String.raw`[,.?!]?(?:\s+--?)?\s+(?:(?:sorry|oops|er|um)[,\s]+)?` +
    String.raw`(?:no,? wait|no,? sorry|i mean|i meant)\b)` +
    String.raw`(?:[\s,.:;-]*${TAKE_BACK}\b)*[\s,.:;-]*`,
  'i',
);
const IP = /\b\d{1,3}(?:\.\d{1,3}){3}\b/g;
const PORT = /^(?:on\s+)?(?:port|tcp|udp)\s*:?\s*(\d{1,5})\b/i;
// Markdown strikethrough ("~~port 80~~ port 81", https://github.github.com/gfm/#strikethrough-extension-): the words
// struck out are taken back, as a writer's "… no, sorry, …" takes them back
const STRUCK = /~~([^~\n]+)~~[\s,:;-]*(?=\S)/;
// a correction that opens like a phrase or clause of the message ("from …", "when …") replaces that phrase or clause
const PREPOSITION = /^(from|to|in|on|at|for|into|towards|via|through|when|if|while|between)\s/i;
// the correction itself: up to a stop, a question mark or a comma (", not X" or the next clause follows)
// (or up to a dash that sets it off: "… — sorry, db-0 — which public address …")
const CORRECTION = /^([^,.?!;…—–]|\.(?=[a-z0-9]))+/i;

/** How many words a correction has at most to be a word taken back rather than a question said again. */
const SHORT = 4;
const QUESTION = /^(what|which|where|who|how|why|is|are|can|could|does|do|did|will|would)\b/i;

/** The last whole-word occurrence of `word` in `text`, replaced. */
function replaceLast(text: string, word: string, by: string): string | undefined {
  const re = new RegExp(String.raw`(^|[^a-z0-9./-])${escapeRe(word)}(?![a-z0-9-]|\.[a-z0-9])`, 'gi');
  let last: RegExpExecArray | undefined;
  for (let m = re.exec(text); m; m = re.exec(text)) last = m;
  if (!last) return undefined;
  const at = last.index + last[1].length;
  return text.slice(0, at) + by + text.slice(at + word.length);
}

/** The part before the take-back with the correction in place of the word (or phrase) it replaces. */
function replaced(before: string, fix: string, namesOf: (s: string) => string[]): string | undefined {
  const ip = fix.match(IP);
  if (ip && fix.split(/\s+/).length <= 2) {
    const taken = before.match(IP)?.pop();
    return taken ? replaceLast(before, taken, ip[0]) : undefined;
  }
  // "… port 80~~ sorry, port 81: allowed?": a port said again replaces the port said before
  const port = PORT.exec(fix);
  if (port) {
    const taken = [...before.matchAll(new RegExp(PORT.source.slice(1), 'gi'))].pop();
    if (!taken) return undefined;
    const at = taken.index + taken[0].length - taken[1].length;
    return `${before.slice(0, at)}${port[1]}${before.slice(at + taken[1].length)}${fix.slice(port[0].length)}`;
  }
  const prep = PREPOSITION.exec(fix);
  if (prep) {
    // "from the router pods.. no wait, from sqlapi", "when db-0 answer to api, sorry, i mean when api connects db-0":
    // the phrase or clause opened by the same word is the one taken back
    const re = new RegExp(String.raw`\b${prep[1]}\s`, 'gi');
    let last: RegExpExecArray | undefined;
    for (let m = re.exec(before); m; m = re.exec(before)) last = m;
    if (last) return `${before.slice(0, last.index)}${fix}`;
  }
  const said = namesOf(fix);
  const earlier = namesOf(before);
  const taken = earlier.filter((n) => !said.includes(n));
  const fresh = said.filter((n) => !earlier.includes(n));
  const name = taken.pop();
  // (two names said again without the words around them: which one replaces which is not known, unless the pair is
  // said again with one name changed: "web to db-0 — no wait, api to db-0")
  const by = said.length === 1 ? said[0] : said.length === 2 && fresh.length === 1 && !taken.length ? fresh[0] : '';
  if (!by || !name) return undefined;
  // ("… from y/b — and z/b?": a name said with its namespace is replaced whole)
  return replaceLast(before, name, by) ?? replaceLast(before, name.split('/').pop() ?? name, by.split('/').pop() ?? by);
}

/**
 * The message with a take-back applied: the corrected name, address or phrase replaces the one before it and the
 * name negated after it goes. A take-back followed by a whole question said again leaves that question alone.
 */
export function corrected(said: string, namesOf: (s: string) => string[]): string {
  const text = said.replace(STRUCK, '$1.. no, ');
  const m = MARKER.exec(text);
  if (!m || m.index === 0) return said;
  const before = text.slice(0, m.index);
  const after = text.slice(m.index + m[0].length);
  const fix = CORRECTION.exec(after)?.[0].trim();
  if (!fix) return said;
  // "which EC2.. er, which VM instance is web on?": the question said again replaces the one taken back
  // (a port said again is the correction however the sentence goes on: "… no, port 81 — is it allowed?")
  if (fix.split(/\s+/).length > SHORT && !PORT.test(fix)) return QUESTION.test(after) ? after : said;
  let rest = after.slice(CORRECTION.exec(after)?.[0].trimEnd().length ?? 0);
  const fixed = replaced(before, fix, namesOf);
  if (fixed === undefined) return said;
  // ", not sqlapi": the name taken back, said again to be sure
  rest = rest.replace(/^\s*,?\s*(?:and\s+)?not\s+(?:the\s+)?[a-z0-9][a-z0-9./-]*(?:\s+(?:pods?|service|app))?/i, '');
  return `${fixed}${rest}`;
}

/**
 * "is web allowed to reach db-0 — no wait, api — on 5432?": one bare name taking back one of the pair said before it
 * may replace either party (api to db-0, or web to api); both questions are returned, to be asked back.
 */
export function readingsOf(said: string, namesOf: (s: string) => string[]): [string, string] | undefined {
  const m = MARKER.exec(said);
  if (!m || m.index === 0) return undefined;
  const before = said.slice(0, m.index);
  const after = said.slice(m.index + m[0].length);
  const fix = CORRECTION.exec(after)?.[0].trim() ?? '';
  const pair = [...new Set(namesOf(before))];
  if (fix.includes(' ') || namesOf(fix).length !== 1 || pair.length !== 2 || pair.includes(fix)) return undefined;
  const rest = after
    .slice(fix.length)
    .trimStart()
    .replace(/^[—–]\s*/, '');
  const short = (n: string) => n.split('/').pop()!;
  const each = pair.map((n) => replaceLast(before.trimEnd(), short(n), fix));
  if (each.some((q) => q === undefined)) return undefined;
  const [first, last] = each.map((q) => `${q}${/^[?!.,]/.test(rest) ? '' : ' '}${rest}`.trim());
  return [last, first];
}

// "you said db-0 is denied from web — and from api?", "earlier answer said web gets blocked going into db-0. does api
// get the same treatment?", "> Yes: api can reach db-0\nok, and web?": what the bot said, recalled in the writer's
// words or quoted, then what changes
const RECALLED =
  String.raw`^\s*(?:(?:earlier|so|before)[\s,]+)?(?:${RECALL_WORDS}|(>)\s*(?:yes|no)\b[\s:,.—–-]*)` +
  String.raw`(?:\s+(?:that|earlier|before|yesterday))*[\s:,"“]*([^—–;\n]{3,200}?)["”]?\s*` +
  String.raw`(?:[—–;\n]|\s-{1,2}\s|\.\s)\s*` +
  // ("> No: web cannot reach db-0 — NSG … drops it\nand api?": a quoted answer's reason goes on to the end of its line)
  String.raw`(?:(?<=^\s*>[^\n]*)[^\n]*\n\s*)?`;
// (the writer's interjection before it: "ok, and …", "hm, what about …")
const ASIDE = String.raw`(?:${ASIDE_WORDS}[\s,.!]+)?`;
// (the follow-up may go on after a dash: "and web, same port — which rule decides that one?")
const RECAP = new RegExp(
  String.raw`${RECALLED}${ASIDE}(?:(?:and\s+)?(?:what|how) about|same for|and)\s+([^;]{2,200})$`,
  'i',
);
// "does api get the same treatment?", "is api the same?", "api too?": one party asked to take the recalled one's place
const SAME_FOR = new RegExp(
  String.raw`${RECALLED}${ASIDE}(?:(?:does|do|did|is|are|will|would|can|could)\s+)?` +
    // ("does the router pod lcxtl get …": a name may follow its kind)
    String.raw`((?:the\s+)?(?:[a-z0-9][\w-]*\s+(?:pods?|service|app)\s+)?` +
    String.raw`[a-z0-9][\w./-]*(?:\s+(?:pods?|service|app))?)` +
    String.raw`\s+(?:(?:get|gets|have|has|face|see)\s+)?` +
    String.raw`(?:(?:the\s+)?same(?:\s+(?:treatment|verdict|answer|result|outcome|fate|thing|deal))?|too|as well)` +
    String.raw`\s*([?!.]*)\s*$`,
  'i',
);

/**
 * A follow-up to an answer recalled in the same message asks the recalled question again with what the follow-up
 * changes: "you said db-0 is denied from web — and from api?" asks whether db-0 is denied from api; a follow-up that
 * names a pair of its own ("— and api → db-0, what happens there?") is a question of its own (an answer quoted as
 * "> …" stays in the message: its pairs are told apart from the writer's own where they are read).
 */
export function followedUp(said: string, namesOf: (s: string) => string[], clientOf?: ClientOf): string {
  const same = SAME_FOR.exec(said);
  if (same) return swappedIn(said, same[2], same[3], same[4] || '?', namesOf, clientOf);
  const m = RECAP.exec(said);
  if (!m) return said;
  const [, quotedAnswer, recap, follow] = m;
  // (the names the follow-up says before a dash: the question after it is no name)
  if (namesOf(follow.split(/[—–]|\s-{1,2}\s/)[0].replace(SAME_PORT, '')).length >= 2)
    return quotedAnswer ? said : (pairSwapped(recap, follow, namesOf) ?? follow);
  const fix = CORRECTION.exec(follow)?.[0].trim();
  if (!fix || fix.split(/\s+/).length > SHORT) return said;
  return swappedIn(said, recap, fix, follow.slice(CORRECTION.exec(follow)?.[0].length ?? 0), namesOf, clientOf);
}
/** "earlier answer said web → db-0 on 5432 is denied. and api → db-0?": a bare pair said again with one party changed
 * asks the recalled question of the new pair, its port and verdict kept (a pair asked more of is its own question) */
function pairSwapped(recap: string, follow: string, namesOf: (s: string) => string[]): string | undefined {
  const [pair, recalled] = [namesOf(follow.replace(SAME_PORT, '')), namesOf(recap)];
  const fresh = pair.filter((n) => !recalled.includes(n));
  // (the recalled pair is its first two names: a word read as a name after them is no party)
  const taken = recalled.slice(0, 2).filter((n) => !pair.includes(n));
  // ("… on 1433 is allowed. and X → server on 1433?": the recalled port said again is the same port)
  const port = /(?:\bon|\bport|:)\s*(?:port\s+)?(\d{1,5})[\s?!.]*$/.exec(follow)?.[1];
  const samePort = port && new RegExp(String.raw`(\bon|\bport|:)\s*(port\s+)?${port}\b`).test(recap);
  const again = samePort ? String.raw`\s*(on|port|:)?\s*(port\s+)?${port}` : '';
  const bare = new RegExp(
    String.raw`${escapeRe(pair[pair.length - 1] ?? '')}([\s,]+(on )?(the )?same port)?${again}[\s?!.]*$`,
    'i',
  );
  if (pair.length !== 2 || fresh.length !== 1 || taken.length !== 1 || !bare.test(follow)) return undefined;
  const swapped = replaceLast(recap, taken[0], fresh[0]) ?? replaceLast(recap, short(taken[0]), short(fresh[0]));
  return swapped && `${swapped.trimEnd().replace(/[.!]$/, '')}?`;
}
const short = (n: string) => n.split('/').pop() ?? n;

/** The client the parser finds in a sentence (the one going to the other), as said. */
type ClientOf = (s: string) => string | undefined;

/** The recalled sentence with the one name said after it in place: a bare name ("— and api?", "does api get the same
 * treatment?") takes the place of a subject that goes to the other ("web gets dropped … on its way to db-0"), as an
 * English clause left unsaid repeats the one before it with a new subject; a name said with its preposition ("and
 * from api?") or one of a sentence with no such subject replaces the name it stands against. */
function swappedIn(
  said: string,
  recap: string,
  fix: string,
  rest: string,
  namesOf: (s: string) => string[],
  clientOf?: ClientOf,
) {
  const bare = !PREPOSITION.test(fix) && (ITS_OWN.test(rest) || /^[\s?!.,]*$/.test(rest));
  const own = bare && (asSubject(recap, fix, namesOf) ?? asClient(recap, fix, namesOf, clientOf));
  const fixed = own || replaced(recap, fix, namesOf);
  return fixed === undefined ? said : `${fixed}${/^[—–]/.test(rest) ? ' ' : ''}${rest}`;
}

const GOES =
  String.raw`((can|could|may)(not|n't|'t|’t)? |cant |is allowed to |does )?` +
  String.raw`(gets?|reach(es)?|talks?|connects?|calls?|hits?)\b|` +
  // ("web is blocked by an NSG going to db-0": a verdict said of the one on its way to the other, its client)
  String.raw`(is|are|was|were|got) (\w+ )?(blocked|dropped|denied|refused|rejected|stopped|allowed)\b[^.?!]{0,40}` +
  String.raw`\b(going|on (its|their|the) way|trying|headed|heading|when (calling|connecting))\b|` +
  // ("you said sqlapi runs on qt8l7 — and server-1-ppl25, which node?": where the one said first runs, a new one asked)
  // ("api lands on vmss000002", "ended up on": where the scheduler placed it, said as where it arrived
  // https://kubernetes.io/docs/concepts/scheduling-eviction/kube-scheduler/)
  String.raw`(runs?|is|sits?|lives?|was|got|lands?|landed|ended up|ends up) (running |scheduled |placed )?(on|in)\b|` +
  // ("you said api leaves via aks-natgw — does db-0 get the same treatment?": the one whose way out was said)
  String.raw`(leaves?|leaving|exits?|egress(es)?|goes out|gets out|heads out)\b|` +
  // ("earlier you found sqlapi on qt8l7 — and the server pod?": the place said with no verb, after what was found;
  // never a port: "db-0 on 5432 is closed to web")
  String.raw`(on|in)\s+(?!(port\s+|tcp\W?|udp\W?)?\d)`;
// "— and z/b, is it allowed too?", "— and server, which node?", "what about z/b, same port?": the name said goes on
// as the subject ("it") of the question asked of it, one asked of where or what it is, or the recalled flow kept
const ITS_OWN =
  /^\W*((is|can|could|does|do|will|would) (it|that one|they)|(which|where|what)\b|(on )?(the )?same port)/i;
const SAME_PORT = /\b(on )?(the )?same port\b/i;

/** The one name a follow-up says: "api", "the router pod lcxtl" (a word describing it may come before its kind) */
function oneName(fix: string, namesOf: (s: string) => string[]): string | undefined {
  const names = namesOf(fix);
  const last = /\b(?:pods?|service|app)\s+([a-z0-9][\w./-]*)$/i.exec(fix.replace(/[?!.,\s]+$/, ''))?.[1];
  return names.length === 1 ? names[0] : names.length === 2 && last === names[1] ? last : undefined;
}

/** "you told me z/c is kept out of x/a on 80. and y/b?", "… web is denied into db-0 by db-nsg. does api get the same
 * treatment?": however the verdict is worded, one bare name said after it stands against the recalled client (the one
 * the parser finds going to the other, said first) and takes its place; the target and the port stay */
function asClient(recap: string, fix: string, namesOf: (s: string) => string[], clientOf?: ClientOf) {
  const client = clientOf?.(recap);
  const by = oneName(fix, namesOf);
  const said = namesOf(recap);
  // (only the subject of the recalled clause: in "db-0 is closed to web" no client is read with certainty)
  const named = client && (said[0] === client || said[0]?.split('/').pop() === client);
  if (!named || !by || said.includes(by)) return undefined;
  const as = fix.replace(/[?!.,\s]+$/, '');
  return replaceLast(recap, client, as.includes(by.split('/').pop()!) ? as : by);
}

/** "you said y/b gets into x/a on 80 — and z/b, is it …?": one name said of its own takes the place of the recalled
 * sentence's subject, its first name */
function asSubject(recap: string, fix: string, namesOf: (s: string) => string[]): string | undefined {
  const by = oneName(fix, namesOf);
  const [first] = namesOf(recap);
  if (!by || !first || first === by) return undefined;
  // (only a subject that goes to the other, the client: in "db-0 is denied from web" the one said after "from" is)
  // ("the web pods get blocked going into db-0", "web → db-0 is denied": its kind may follow it, an arrow draws it)
  const at = new RegExp(
    String.raw`(^|[^a-z0-9./-])((?:the\s+)?${escapeRe(first)}(?:\s+(?:pods?|service|app))?)\s*(?:->|→|${GOES})`,
    'i',
  ).exec(recap);
  if (!at) return undefined;
  // (the name said as it was said: "does the router get the same verdict?" keeps "the router")
  const from = at.index + at[1].length;
  const as = fix.replace(/[?!.,\s]+$/, '');
  const who = as.includes(by.split('/').pop()!) ? as : by;
  const after = recap.slice(from + at[2].length);
  // ("the router can reach server" → "can the router reach server": asked as the question it now is)
  const modal = /^\s+(can(?:not|n't|'t|’t)?|cant|could(?:n't)?)\s+/i.exec(after);
  if (modal) return `${recap.slice(0, from)}can ${who} ${after.slice(modal[0].length)}`;
  return recap.slice(0, from) + who + after;
}
