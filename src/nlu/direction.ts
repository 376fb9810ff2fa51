// Who talks to whom in a pair question, from the words between two parties: "from X to Y", "X -> Y", "X → Y",
// "allow X to reach Y", "X can reach Y", "X connecting to Y", "Y from X". The last such pair said wins: in "from
// web to api … path web-7d4b9c8f6d-fghij -> api" the exact pod of the command is the client.
import { escapeRe } from '../regex';
import { KEPT_WORDS, READ_VERBS } from './patterns';

interface Party {
  /** the party as the resolvers take it: "name", "ns/name" or a pod's ns/name for a pod IP */
  p: string;
  /** how it may be written in the text */
  forms: string[];
}

interface Spot {
  p: string;
  start: number;
  end: number;
}

/** Every place a party is written, as a whole word, longest form first where two overlap. */
function spotsOf(text: string, parties: Party[]): Spot[] {
  const all: Spot[] = [];
  for (const { p, forms } of parties) {
    for (const f of forms) {
      // "web->api:8080" and "web→api" are three words; so is a label selector's value ("-l app=web → svc/api",
      // https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors)
      const re = new RegExp(`(?<=^|[\\s/"'\`(>→←=])${escapeRe(f)}(?=$|[\\s?!.,:;)'"\`→←]|->|<-)`, 'g');
      for (const m of text.matchAll(re)) all.push({ p, start: m.index, end: m.index + f.length });
    }
  }
  all.sort((a, b) => a.start - b.start || b.end - a.end);
  const spots: Spot[] = [];
  for (const s of all) if (!spots.length || s.start >= spots[spots.length - 1].end) spots.push(s);
  return spots;
}

// words that say nothing about direction: articles, kinds, namespaces and ports said with a name
const FILLER = new RegExp(
  [
    String.raw`\s(?:-n|--namespace)\s+\S+`,
    String.raw`\bin (?:the )?(?:namespace |project |ns )?[a-z0-9][a-z0-9-]*`,
    String.raw`\b(?:the|a|an|pods?|service|svc|deployment|dc|app|workload|replicas?|port|on|tcp|udp|allowed|` +
      String.raw`permitted|able|be|is|are|can|could|may|might|cannot|can't|cant|still|ever|even|not|now)\b`,
    String.raw`\b\d{1,5}\b`,
  ].join('|'),
  'g',
);
const FORWARD = new RegExp(
  String.raw`(?:->|→|\bto|\breach(?:es|ing)?|\baccess(?:es|ing)?|\bcall(?:s|ing)?|\bhit(?:s|ting)?|\bping(?:s|ing)?|` +
    // "a from namespace y cannot open port 81 on x/a": the one opening a port on the other is the client
    // "y/a on port 81 into x/a": the one that gets into the other is the client
    String.raw`\bconnect(?:s|ing)?|\bopen(?:s|ing)?|\binto|` +
    // ("how does the web pod come at the api service?": the one that comes or gets at the other reaches it)
    String.raw`\b(?:come|comes|coming|came|get|gets|getting|got) at|` +
    // "when the web tier establishes a connection with the API tier": the one establishing it is the client
    // (https://kubernetes.io/docs/concepts/services-networking/service/)
    String.raw`\bestablish(?:es|ed|ing)?(?:\s+(?:new|tcp))?\s+connections?\s+(?:to|with))$`,
);

// (what is got is said between: "what client ip does the server pod get from sqlapi?" asks what the server is shown,
// and an address or the other's traffic got is the other's)
const NOT_READ =
  String.raw`(?!(?:traffic|requests?|calls?|connections?|hits?|packets|queries|errors?|[45]\d\d|` +
  String.raw`client|source|src|ips?|address(?:es)?)\b)[a-z-]+`;
// ("my notebook runs in the api pod and reads from db-0": the reading said as the pod's second verb)
// ("web wants to read batch data straight from db-0", "allowed to pull rows from": a wish or leave to read is reading)
const READS_FROM = new RegExp(
  String.raw`^\)?\s*(?:and )?(?:(?:wants?|needs?|tries|trying|has|have|going|got) )?(?:to )?` +
    String.raw`(?:${READ_VERBS}(?: ${NOT_READ}){0,3}|` +
    String.raw`(?:gets?|getting)(?: ${NOT_READ}){1,3})` +
    String.raw` from$`,
);

/** How the words between two parties link them: X → Y, Y ← X, or not at all. */
function link(between: string): 'forward' | 'back' | undefined {
  // a sentence or clause break between them: not one phrase
  if (/[.?!;,](\s|$)|:\s/.test(between)) return undefined;
  // "can api reach db and can foo reach bar?": a clause joined by "and" that asks again has a subject of its own
  if (NEW_CLAUSE.test(between)) return undefined;
  // "web keeps getting 502s from api": errors come back from the one it called
  if (ERRORS_FROM.test(between)) return 'forward';
  // (a name set in code quotes, "`web` → `db-0`", is the name alone)
  const words = between.replace(/`/g, ' ').replace(FILLER, ' ').replace(/\s+/g, ' ').trim();
  if (!words || (words.split(' ').length > 5 && !READS_FROM.test(words))) return undefined;
  // ("web gets timeouts to postgres on db-0", "web -> postgres at db-0": what is served on the other, said before it)
  const served = between.replace(SERVED_BEFORE_SAID, ' ');
  if (SERVED_BEFORE.test(words) && served !== between) return link(served);
  // "api reads stock from db-0", "web pulls datasets from api": the reader opens the connection, so it is the client
  // (never "db-0 gets connections from api", where what comes is the other's traffic)
  if (READS_FROM.test(words)) return 'forward';
  if (/\bfrom$/.test(words)) return 'back';
  // "server ← sqlapi", "db <- api": an arrow drawn back to the target, the client after it
  // (the target's port may be said with it: "db-0:5432 <- api")
  if (/^:?\s*(<-|←)$/.test(words)) return 'back';
  // "the sqlapi service is called by the server pod": the one after "by" is the client
  // (with the client's kind between: "called by the router pod xlkxx")
  // ("db-0 5432 can't be opened by web": the one that opens the connection is its client)
  const verb = String.raw`called|reached|accessed|hit|used|contacted|queried|requested|consumed|opened|dialled|dialed`;
  if (new RegExp(String.raw`\b(${verb}) by( [a-z0-9-]+)?$`).test(words)) return 'back';
  // "db-0 should still accept api on 5432", "db-0 admits web": the one that accepts or admits is the target, the one
  // it lets in the client (what a NetworkPolicy's ingress rule allows in
  // https://kubernetes.io/docs/concepts/services-networking/network-policies/#networkpolicy-resource)
  if (/^(?:(?:should|will|would|must|does|do|only|always|also) )*(?:accepts?|accepting|admits?|admitting)$/.test(words))
    return 'back';
  // "is sqlapi:8080 open for the server pod?": the one it is open for is the client
  if (/^:?\s*(?:open|opened|reachable|accessible) for$/.test(words)) return 'back';
  // "a rule blocking web from talking to db", "stops api from reaching db": the one kept from it is the client
  if (/^from (?:(?:talking|connecting|getting|sending|going) to|reaching|calling|accessing|hitting)$/.test(words))
    return 'forward';
  // "is db-0 reachable from the ingress controller q9w3z", "accept connections from the nginx controller x2k4p": the
  // party named after "from" and its kind is where it comes from, as "from q9w3z" alone
  if (/\bfrom(?: (?!(?:to|into|at|in|on|via|through|and|or|but|than|over|across)\b)[a-z-]+(?<!ing)){1,2}$/.test(words))
    return 'back';
  if (/\bfrom\b/.test(words)) return undefined;
  // "kubectl exec server-1 -- curl sqlapi:8080": the pod the command runs in calls the host it names
  if (/^--\s+(curl|wget|nc|ncat|telnet|ping|psql|mysql|sqlcmd|redis-cli)\b/.test(words)) return 'forward';
  return FORWARD.test(words) ? 'forward' : undefined;
}

// (a port by its protocol's IANA name https://www.iana.org/assignments/service-names-port-numbers)
const SERVED_BEFORE = /\S\s(?:https?|postgres(?:ql)?|mysql|mssql|redis|grpc)(?:\s(?:at|of))?$/;
const SERVED_BEFORE_SAID = /\s(?:https?|postgres(?:ql)?|mysql|mssql|redis|grpc)(?:\s+(?:on|at|of))\s*(?:the\s+)?$/i;

// ("web gets connection refused from postgres on db-0": the target's kind or role may be said before it)
const ERRORS_FROM =
  /\b(5\d\d|timeouts?|resets?|errors?|refused|rsts?)\b.*\bfrom(\s+(the\s+)?[a-z-]+){0,2}?(\s+(on|at))?\s*$/;

const NEW_CLAUSE = new RegExp(
  String.raw`^\s*(?:and|but|or|then|also|plus|&)\s+(?:also\s+)?` +
    String.raw`(?:can|could|does|do|did|is|are|will|would|should|may|might|must)\s`,
  'i',
);

/** "db on 5432 — can the api pods get there?": the party before the break is the target, "there" points back to it. */
const POINTS_BACK = new RegExp(
  String.raw`^(?:\s+(?:pods?|service|app|deployment))?\s+(?:\S+\s+)?` +
    // ("… lives in x.blob.core.windows.net — can api write to it?": what is written or posted to is gone to)
    // ("api writes to it on 5432": the verb in any form)
    String.raw`(?:(?:get|go|connect|talk|send|reach|access|call|hit|write|upload|post|push|copy)(?:s|es|ing)?` +
    String.raw`(?:\s+(?:to|into))?|` +
    // ("db-0 runs postgres — is the web app blocked from it?": the one kept from it would reach it)
    String.raw`(?:${KEPT_WORDS})\s+from)\s+` +
    String.raw`(?:there|it|that|them|this)\b`,
);

/** What "it" points back to: the party said before it ("db on 5432 — can the api pods get there?"), unless that one
 * was the client of the pair before ("db-0 can only be reached by api, correct? web can't get to it?": "it" is what
 * that pair was about, its target). */
const pointedAt = (before: Pair | undefined, said: string, client: string): string =>
  before?.client === said && before.target !== client ? before.target : said;

/** "a policy that blocks web from db-0:5432", "stops api from db": the one kept from the other is the client. */
function keptFrom(before: string, between: string): 'forward' | undefined {
  const kept = new RegExp(
    String.raw`\b(?:block(?:s|ed|ing)?|stop(?:s|ped|ping)?|prevent(?:s|ed|ing)?|keep(?:s|ing)?)\s+(?:the\s+)?` +
      // (or the address of the one named: "block web's pod at <ip> from db")
      String.raw`(?:[a-z0-9][\w-]*(?:['’]s)?\s+(?:pods?\s+)?(?:at|on)\s+)?$`,
  );
  // ("does db-allow-api block web's pod at 10.244.1.8 from db": the one kept may be said as its pod and address)
  return kept.test(before) && KEPT_BETWEEN.test(between) ? 'forward' : undefined;
}

const KEPT_BETWEEN = new RegExp(
  String.raw`^(?:['’]s)?\s+(?:(?:pods?|service|svc)\s+)?(?:(?:at|on)\s+\d{1,3}(?:\.\d{1,3}){3}\s+)?` +
    // ("does any policy keep the dns-default pods away from server?", "keeps web out of db-0": kept away or out)
    String.raw`(?:(?:away\s+)?from|out\s+of)\s+(?:the\s+)?$`,
);

// "is the web tier blocked from db-0": the first party's kind said after its name (a tier, its app, its pods)
// ("are the nginx controllers blocked from db-0", "the nginx controller pods": an ingress controller is a workload
// https://kubernetes.io/docs/concepts/services-networking/ingress-controllers/)
const PARTY_KIND =
  String.raw`(?:(?:controller\s+)?` +
  String.raw`(?:pods?|service|svc|deployment|tiers?|apps?|workload|replicas|controllers?))`;
// "is web blocked from postgres on db-0", "kept from port 5432 on db-0": what is served on the other said before it
// (a port by its protocol's IANA name https://www.iana.org/assignments/service-names-port-numbers)
const SERVED_ON =
  String.raw`(?:(?:(?:https?|postgres(?:ql)?|mysql|mssql|redis|grpc)(?:\s+port)?|` +
  String.raw`(?:tcp\s+|udp\s+)?port\s+\d{1,5})\s+(?:on|at|of)\s+(?:the\s+)?)?`;

/** "is web blocked from db-0 on 5432", "is sqlapi blocked from server port 1433": the one said kept from the other
 * (the copula before it) is the client, as in "is web blocked from reaching db-0" */
function blockedFrom(before: string, between: string): 'forward' | undefined {
  const copula = /\b(?:is|are|was|were|be|being|gets?|got)(?:n['’]t)?\s+(?:the\s+)?$/i.test(before);
  // ("so the ingress-nginx pod x2k4p is blocked from db-0?": said as a statement, the copula comes after the first)
  return (copula && KEPT_FROM.test(between)) || KEPT_FROM.test(between.replace(STATED, ' ')) ? 'forward' : undefined;
}
// ("api isn't blocked from db, is it?": denied, it is the same statement of who is kept from whom)
const STATED = new RegExp(
  String.raw`^\s+(?:${PARTY_KIND}\s+)?(?:is|are|was|were|stays?|remains?)(?:n['’]t|\s+not)?(?=\s)`,
  'i',
);
const KEPT_FROM = new RegExp(
  // ("will legacy-0 still be blocked from db-0": the copula after a modal)
  // ("is the web tier currently blocked from db-0": an adverb of time said between)
  String.raw`^\s+(?:${PARTY_KIND}\s+)?(?:(?:still|now|currently|presently|already|right now|at the moment)\s+)?` +
    String.raw`(?:be\s+|stay\s+|remain\s+|get\s+|gets\s+|got\s+)?` +
    // "are the web pods kept out of db-0": kept out of a place is kept from reaching it
    // ("would web be stopped from db-0": stopped or prevented from it is kept from it)
    String.raw`(?:(?:${KEPT_WORDS})\s+from|` +
    String.raw`(?:kept|locked|shut) out of)` +
    String.raw`\s+(?:the\s+)?${SERVED_ON}$`,
  'i',
);

/** "is x/a open to y/b?", "are the db pods exposed to web?", "db-0 on 5432 is closed to web": a state of the first
 * said to the second (the copula before it or between), so the second is the client; never "x/a opens a connection
 * to y/b", where the first acts. */
function openTo(before: string, between: string): 'back' | undefined {
  const copula = /\b(?:is|are|was|were|be)\s+(?:the\s+)?$/i.test(before);
  const m = OPEN_TO.exec(between);
  return m && (copula || m[1]) ? 'back' : undefined;
}
const OPEN_TO = new RegExp(
  // (a port may come between: "is x/a:80 open to y/b", "is x/a on port 81 open to y/b")
  // ("are x/b pods open to z/a": the kind of the first may follow it)
  String.raw`^\s*(?:(?:pods?|service|svc|deployment)\s+)?(?::\d{1,5}\s*)?` +
    String.raw`(?:(?:on\s+)?(?:tcp\s+|udp\s+)?(?:port\s+)?\d{1,5}\s+)?` +
    String.raw`((?:is|are|was|were|stays?|remains?)\s+(?:still\s+|now\s+)?)?` +
    String.raw`(?:open|opened|exposed|accessible|available|closed|shut|off[ -]limits)\s+to\s+(?:the\s+)?$`,
  'i',
);

type Pair = { client: string; target: string; asks?: boolean };
const ASKS_PAIR = /(?:^|[\s,;.?!])(?:can|could|does|do|did|will|would|may|might)\s+(?:the\s+)?$/i;

/** The client and the target of the last directed pair said, if any; with every pair said when there are several and
 * nothing singles one out ("path web -> api:8080; path api -> db-0:5432"). */
export function direction(text: string, parties: Party[]): (Pair & { several?: Pair[] }) | undefined {
  const spots = spotsOf(text, parties);
  let found: { client: string; target: string } | undefined;
  const pairs: Pair[] = [];
  // the pairs said: whether in the writer's own lines (a quoted "> …" line is an earlier message) and whether asked
  // (their sentence ends in "?": "web → api is fine. but web → db-0 on 5432?"); and one said as what is asked now (NOW)
  const said: { pair: Pair; quoted: boolean; asked: boolean }[] = [];
  let now: Pair | undefined;
  let end = -1;
  for (let i = 0; i + 1 < spots.length; i++) {
    const [a, b] = [spots[i], spots[i + 1]];
    if (a.p === b.p) continue;
    if (POINTS_BACK.test(text.slice(b.end, b.end + 40)) && /[.?!;,:—-]\s/.test(text.slice(a.end, b.start))) {
      found = { client: b.p, target: pointedAt(found, a.p, b.p) };
      pairs.push(found);
      end = i + 1;
      continue;
    }
    const [before, between] = [text.slice(0, a.start), text.slice(a.end, b.start)];
    const how = keptFrom(before, between) ?? openTo(before, between) ?? blockedFrom(before, between) ?? link(between);
    if (how) found = pairOf(how, a.p, b.p, before);
    if (how && found) {
      pairs.push(found);
      end = i + 1;
      said.push({ pair: found, quoted: quoted(text, a.start), asked: endsAsked(text.slice(b.end)) });
      if (NOW.test(before.slice(-25))) now = found;
    }
  }
  const own = said.filter((x) => !x.quoted).map((x) => x.pair);
  const asked = said.filter((x) => x.asked).map((x) => x.pair);
  const picked =
    pickedSaidAfter(text, spots, end, pairs, found) ??
    pickedByOrdinal(text, pairs) ??
    now ??
    onlyAsked(own, asked) ??
    eitherClient(text, spots, found);
  if (picked) return picked;
  return found && own.length >= 2 ? { ...found, several: own } : found;
}

/** Of the pairs said, the one singled out by what is said after the last of them (a party asked again, a party
 * alone, a short name). */
const pickedSaidAfter = (text: string, spots: Spot[], end: number, pairs: Pair[], found?: Pair): Pair | undefined =>
  askedAgain(text, spots.slice(end + 1), found) ??
  pickedAfter(spots.slice(end + 1), pairs) ??
  pickedByShortName(text.slice(spots[end]?.end ?? 0), pairs);

/** The pair two parties make, linked one way or the other; a pair asked in a question of its own ("can A reach B")
 * stays a question even if another asks the way back. */
const pairOf = (how: 'forward' | 'back', a: string, b: string, before: string): Pair => ({
  ...(how === 'forward' ? { client: a, target: b } : { client: b, target: a }),
  ...(ASKS_PAIR.test(before) ? { asks: true } : {}),
});

/** The sentence a pair is said in ends in a question mark (a dot inside a name, "api.shop", ends nothing). */
const endsAsked = (after: string): boolean => /^[^.?!]*\?/.test(after.replace(/[.!](?!\s|$)/g, ''));

/** "web → api is fine. api → db-0 fine. but web → db-0 on 5432?": of pairs said, the only one asked (the others
 * stated as known) is the question */
const onlyAsked = (own: Pair[], asked: Pair[]): Pair | undefined =>
  own.length >= 2 && asked.length === 1 ? asked[0] : undefined;

/** "which of web or api is allowed to reach db-0?": two clients offered as alternatives ask about each of them with
 * the same target, one pair each */
function eitherClient(text: string, spots: Spot[], found?: Pair): (Pair & { several: Pair[] }) | undefined {
  if (!found) return undefined;
  for (let i = 0; i + 1 < spots.length; i++) {
    const [a, b] = [spots[i], spots[i + 1]];
    if (a.p === b.p || found.target === a.p || found.target === b.p) continue;
    const between = text.slice(a.end, b.start);
    // "api vs web to db-0 on 5432": two clients set against each other are compared, each asked about
    const compared = /^\s*(?:vs\.?|versus)\s+$/i.test(between);
    const offered = /\bwhich (?:one )?of (?:the )?(?:pods? |apps? |services? )?$/i.test(text.slice(0, a.start));
    if (!compared && !(offered && /^\s*(?:or|and)\s+$/i.test(between))) continue;
    const several = [a.p, b.p].map((client) => ({ client, target: found.target }));
    return { ...several[0], several };
  }
  return undefined;
}

// the pair asked now, after one done or taken back: "…was approved; now z/a → x/a", "… - actually just api to db",
// "path from web to db... sorry, i mean api to db"
// (and one singled out of a chain drawn before: "flow is web → api → db-0. show me just the api → db-0 leg")
// (and the one to do first of several: "api -> db-0 vs web -> db-0: …? start with api -> db-0")
const NOW = new RegExp(
  String.raw`\b(now|actually|i mean|i meant|instead|rather|start with|starting with|begin with)\b\W*` +
    String.raw`(?:(?:just|only|from)\s+)*$|\b(just|only)\s+(the\s+)?$`,
  'i',
);

/** In a quoted sentence ("> …": the parser keeps a quoted line as a sentence opening with ">"). */
const quoted = (text: string, at: number): boolean => {
  const start = Math.max(...['. ', '? ', '! ', '\n'].map((d) => text.lastIndexOf(d, at)));
  return /^[.?!\s]*>/.test(text.slice(Math.max(start, 0), at));
};

const ORDINALS: Record<string, number> = { first: 0, '1st': 0, second: 1, '2nd': 1, third: 2, '3rd': 2 };
/** "* web -> db: deny\n* api -> db: allow\nconfirm the first bullet": of pairs listed one a line, the one the
 * message points at by its place in the list */
function pickedByOrdinal(text: string, pairs: Pair[]) {
  const said = /\b(first|1st|second|2nd|third|3rd|last)\s+(?:bullet|item|line|point|case|pair|row|one)\b/i.exec(text);
  // (the parser joins a message's lines with ". ")
  const listed = [...text.matchAll(/(?:^|\n|[.;]\s)\s*(?:[*•]|-(?!>)|\d+[.)])\s/g)].length;
  if (!said || pairs.length < 2 || listed !== pairs.length) return undefined;
  const word = said[1].toLowerCase();
  return pairs[word === 'last' ? pairs.length - 1 : ORDINALS[word]];
}

/** "api → db-0 on 5432 is allowed. and from web?", "… what about to db-0?": a pair said, then one party alone asked
 * again with "from" or "to" after it, is the same question with that side changed */
function askedAgain(text: string, after: Spot[], found?: Pair): Pair | undefined {
  const named = new Set(after.map((s) => s.p));
  if (!found || named.size !== 1 || named.has(found.client) || named.has(found.target)) return undefined;
  const side = /\b(?:and|but|what about|how about)\s+(from|to)\s+(?:the\s+)?$/i.exec(text.slice(0, after[0].start));
  if (!side) return undefined;
  return side[1].toLowerCase() === 'from'
    ? { client: after[0].p, target: found.target }
    : { client: found.client, target: after[0].p };
}

/** "api-5f6d… → db-0 expected PASS; web-7d4b… → db-0 expected FAIL. Verify the web one.": of several pairs, the one
 * pointed at after them by a short name that only one of their clients (else targets) bears, its workload's name
 * before the pod's generated suffix (https://kubernetes.io/docs/concepts/workloads/controllers/deployment/) */
function pickedByShortName(after: string, pairs: Pair[]): Pair | undefined {
  const m = /\bthe ([a-z0-9][\w./-]*) (?:one|case|pair|flow|test|leg|connection)\b/i.exec(after);
  if (!m || pairs.length < 2) return undefined;
  const w = m[1].toLowerCase();
  const bears = (p: string) => {
    const name = p.split('/').pop()!;
    return p === w || name === w || name.startsWith(`${w}-`);
  };
  for (const side of ['client', 'target'] as const) {
    const withIt = pairs.filter((x) => bears(x[side]));
    if (withIt.length === 1) return withIt[0];
  }
  return undefined;
}

/** "expected z/b → x/a blocked while y/b → x/a works. Verify the z/b case.": of several pairs, the one whose party
 * alone is named again after them is the one asked about. */
function pickedAfter(after: Spot[], pairs: Pair[]) {
  const named = new Set(after.map((s) => s.p));
  if (pairs.length < 2 || named.size !== 1) return undefined;
  const [p] = named;
  const withIt = pairs.filter((x) => x.client === p || x.target === p);
  return withIt.length === 1 ? withIt[0] : undefined;
}
