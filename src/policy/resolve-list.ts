// A policy question with one party: "policies on db-0", "is x/b isolated?" (the pod, or every replica of a
// workload), "what does api-deny-all block?" (a NetworkPolicy of the inventory named in the text), "anything from ns
// y into x/a on 81?" (a namespace as the client). Two parties (or an address) stay a reachability pair.
import { isReply, type Ctx } from '../family';
import type { NetworkPolicy, Pod } from '../inventory/k8s-types';
import type { Intent } from '../nlu/parse';
import { partiesOf } from '../nlu/roles';
import { findPod } from '../nlu/subjects';
import { fullName, isRunning, matchesSelector } from '../path/kube';
import { result, type PathResult } from '../path/result';
import { subjectHop } from './listing';
import type { ListSubjects } from './resolve';
import { spec } from './spec';
import { escapeRe } from '../regex';
import { direction } from '../nlu/direction';
import { POINTS_BACK_WORDS } from '../nlu/patterns';

const POLICY_WORD = String.raw`(polic(y|ies)|netpols?|network ?polic(y|ies)|networkpolic(y|ies))`;
/** Words that ask for the policies themselves, when a word that is no name was read as a party ("isolated"). */
const LISTING = new RegExp(
  String.raw`\b${POLICY_WORD}\b.{0,40}\b(on|of|for|apply|applies|applied|select|selects|selecting|cover|covers|` +
    String.raw`protect|protects|protecting|in place|at all)\b|\b(which|what|any|list|show|review)\b.{0,30}\b` +
    String.raw`${POLICY_WORD}\b|\bisolat(ed|es|ing)\b|` +
    // "who may reach it?", "who can get in": the sources one pod's ingress policies allow
    // https://kubernetes.io/docs/concepts/services-networking/network-policies/#the-two-sorts-of-pod-isolation
    // ("in shop — who can reach db-0?": the pod named in place of "it")
    // ("who is able to reach db-0?": whoever can, said with "able")
    String.raw`\bwho (else )?(can|could|may|is allowed to|is permitted to|is able to) (get in|come in|reach|talk to|` +
    String.raw`connect( to)?)\b|` +
    // "which pods can get into db-0?": the same, asked of the pods
    String.raw`\b(which|what) (pods?|workloads?|clients?|sources?) (can|could|may|are allowed to) ` +
    String.raw`(get into|get in|come in)\b|` +
    // "which pods can NOT reach x/a?", "who is not allowed into db-0?": the same sources, the rest denied (a pod
    // isolated for ingress admits only what some policy allows)
    // https://kubernetes.io/docs/concepts/services-networking/network-policies/#the-two-sorts-of-pod-isolation
    String.raw`\b(which|what) (pods?|workloads?|clients?|sources?) ` +
    String.raw`(can ?not|can't|cannot|may not|are not allowed to) (reach|access|connect to|talk to|get to)\b|` +
    String.raw`\bwho (is|are) (not )?(allowed|permitted) (in|into)\b|` +
    // "which pods may open a connection to db-0?", "what can reach db-0?", "what is allowed into namespace shop?": the
    // sources its ingress policies allow, asked of one party
    String.raw`\b(which|what) ((pods?|workloads?|clients?|sources?|traffic|else) )?` +
    String.raw`(can|could|may|(is|are) allowed to) ` +
    String.raw`(reach|access|connect to|talk to|get to|open (a |any )?connections? to)\b|` +
    String.raw`\bwhat('s| is| else is)? (allowed|permitted|let) (in|into)\b|` +
    // ("list everything that's allowed to connect to db-0": the same sources, asked as a list)
    String.raw`\b(list|show|name|give)( me| us)? (everything|everyone|anything|anyone|all|whatever|whoever)\b.{0,20}` +
    String.raw`\b(allowed|permitted|able) to (reach|access|connect( to)?|talk to|get (to|into))\b`,
);
/** A sentence that asks of policies in general ("are networkpolicies enforced?", "is it even applied?"). */
// ("copied allow-ns-y-to-a from a blog. what does it let in, and who is left out?": what the policy pointed back at
// admits, its ingress rules https://kubernetes.io/docs/concepts/services-networking/network-policies/)
const ABOUT_POLICIES = new RegExp(
  String.raw`\b(${POLICY_WORD}|it|they|that|this|them)\b.{0,40}\b(enforc\w*|applied|` +
    String.raw`(lets?|letting|allows?|allowing|admits?|admitting|keeps?|leaves?) (in|out)|left out|shut out)\b`,
);
const PAIR = /\b(reach(es|ing|able)?|talk(s|ing)?|connect(s|ing)?|get to|ping|access)\b/;
const VERDICT = /\b(block(s|ed|ing)?|den(y|ies|ied)|drop(s|ped|ping)?|allow(s|ed|ing)?|lets?)\b/;
const PARTY_KINDS = ['pod', 'workload', 'service', 'pod-ip'];

export async function resolveList(intent: Intent, ctx: Ctx): Promise<ListSubjects | PathResult | undefined> {
  const policies = (await ctx.trace.try('network policies', () => ctx.inv.list('NetworkPolicy'))) ?? [];
  const { parties, ips } = scoped(intent, policies);
  const named = namedPolicies(intent, policies, intent.asking ?? intent.text);
  // "api-deny-all exists. are networkpolicies actually enforced?": the policy said before a sentence that asks of
  // policies and names no party
  if (!named.length && intent.asking && ABOUT_POLICIES.test(intent.asking) && !parties.some((p) => isKnown(intent, p)))
    named.push(...namedPolicies(intent, policies, intent.text));
  const known = parties.filter((p) => !named.some((n) => n.metadata.name === p) && isKnown(intent, p));
  // two parties are a pair even when a policy is named around them
  if (named.length) return known.length > 1 ? undefined : describePolicy(intent, ctx, named, known);
  if (ips.length || known.length > 1) return undefined;
  const absent = absentPolicy(intent, policies);
  if (absent) return noSuchPolicy(absent, intent, policies);
  const source = sourceNamespace(intent, known);
  if (source && known.length === 1) return sourcesOf(intent, ctx, source, known[0]);
  const unknown = parties.filter((p) => !known.includes(p) && !named.some((n) => n.metadata.name === p));
  return oneParty(intent, ctx, known, unknown);
}

/** One pod or workload, a namespace's pods, or one unknown name (the pod lookup then says what was meant). */
async function oneParty(intent: Intent, ctx: Ctx, known: string[], unknown: string[]) {
  // ("which policies exist in shop. can you list them?": the asking sentence pointing back to the one before)
  const back = !!intent.asking && POINTS_BACK_WORDS.test(intent.asking);
  const cued = LISTING.test(intent.asking ?? intent.text) || (back && LISTING.test(intent.text));
  // "can it reach the db?": a pair with one party missing, asked again as a pair ("between which two?")
  if (!cued && PAIR.test(intent.asking ?? intent.text)) return undefined;
  if (known.length === 1 && (!unknown.length || cued)) return selectsOf(intent, ctx, known[0]);
  // "review network policies of namespace shop": every pod of the namespace
  // ("policies on the pods of project1": a namespace said as the only party is the question's namespace)
  const place = intent.namespace ?? soleNamespace(intent, unknown);
  if (!known.length && place && cued) return namespacePods(intent, ctx, place);
  if (!known.length && unknown.length === 1) return selectsOf(intent, ctx, unknown[0]);
  return undefined;
}

/** The one party said, when the inventory knows it as a namespace and as nothing else. */
function soleNamespace(intent: Intent, unknown: string[]): string | undefined {
  const entities = intent.entities ?? [];
  if (unknown.some((u) => u !== entities[0]?.matched) || entities.length !== 1) return undefined;
  return entities[0].kind === 'namespace' ? entities[0].matched : undefined;
}

/** A name the inventory knows as a pod, workload, Service or pod IP (namespaces and nodes are places). */
const isKnown = (intent: Intent, p: string): boolean =>
  (intent.entities ?? []).some((e) => PARTY_KINDS.includes(e.kind) && (e.text === p || e.matched === p));

const saysWord = (text: string, word: string) =>
  new RegExp(String.raw`(^|[^\w-])${escapeRe(word.toLowerCase())}($|[^\w-])`).test(text.toLowerCase());

/** A pasted table or log around a question that lists policies: the parties are those the asking sentence says. */
function scoped(intent: Intent, policies: NetworkPolicy[]): { parties: string[]; ips: string[] } {
  const read = partiesOf(intent);
  // "X -> Y" anywhere in the message is a pair ("api-deny-all blocks api egress? check api -> db")
  if (read.directed) return read;
  const asking = intent.asking;
  if (!asking || asking === intent.text) return read;
  if (!LISTING.test(asking) && !namedPolicies(intent, policies, asking).length) return read;
  // "web times out to db-0 on 5432 … which policy blocks web?": a verdict on the flow the message names, a pair
  // so is "why can web not reach the database? which policy is blocking web?": the reach the message says
  const flow = intent.port !== undefined || PAIR.test(intent.text);
  if (VERDICT.test(asking) && flow && read.parties.filter((p) => isKnown(intent, p)).length > 1) return read;
  const parties = read.parties.filter((p) => saysWord(asking, p.split('/').pop()!));
  return parties.length ? { parties, ips: read.ips.filter((ip) => asking.includes(ip)) } : read;
}

/** NetworkPolicies of the inventory whose name the text says as a word (names are DNS-1123: safe in a pattern). */
function namedPolicies(intent: Intent, policies: NetworkPolicy[], words: string): NetworkPolicy[] {
  const text = words.toLowerCase();
  const said = policies.filter((p) => {
    const name = escapeRe(p.metadata.name.toLowerCase());
    if (!saysWord(text, p.metadata.name)) return false;
    // a policy named like a workload ("web") is the policy only when called one: "policy web", "web netpol"
    if (!isKnown(intent, p.metadata.name)) return true;
    return new RegExp(String.raw`\b${POLICY_WORD}\s+${name}\b|\b${name}\s+${POLICY_WORD}\b`).test(text);
  });
  const inNs = said.filter((p) => p.metadata.namespace === intent.namespace);
  return inNs.length ? inNs : said;
}

/** Hyphenated words that follow "policy" in plain English, not a policy's name. */
const NOT_A_NAME = /^(on-prem(ise)?s?|built-in|east-west|north-south|in-cluster|cross-namespace|per-\w+|wise|level)$/;

/** "is policy deny-all-egress applied to web?", "show networkpolicy allow-frontend": a name said as a policy's
 * (after the word, DNS-1123 with a hyphen) that no NetworkPolicy of the inventory has and that names no pod. */
function absentPolicy(intent: Intent, policies: NetworkPolicy[]): string | undefined {
  const text = (intent.asking ?? intent.text).toLowerCase();
  const said = new RegExp(String.raw`\b${POLICY_WORD}\s+([a-z0-9]+(?:-[a-z0-9]+)+)\b(?![./-])`).exec(text);
  const name = said?.[said.length - 1];
  if (!name || NOT_A_NAME.test(name)) return undefined;
  if (policies.some((p) => p.metadata.name.toLowerCase() === name)) return undefined;
  const entity = (intent.entities ?? []).some((e) => e.text.toLowerCase() === name || e.matched === name);
  return entity ? undefined : name;
}

/** The object a name asks for is not in the inventory: saying so is the answer, not another object's policies. */
function noSuchPolicy(name: string, intent: Intent, policies: NetworkPolicy[]): PathResult {
  const here = policies.filter((p) => !intent.namespace || p.metadata.namespace === intent.namespace).map(fullName);
  const where = intent.namespace ? ` in namespace ${intent.namespace}` : '';
  const known = here.length ? ` The NetworkPolicies${where}: ${here.join(', ')}.` : ` There is none${where}.`;
  return result('policy', 'not-found', `I found no NetworkPolicy named "${name}".${known}`, {
    suggestions: here,
    followUps: here.slice(0, 5).map((n) => ({ title: n, question: `policy ${n}`, intent: 'policy' })),
  });
}

/** A named policy is described when every other party is one of the pods it selects ("does api-deny-all kill api's
 * egress"); a party it does not select makes the question a pair ("does allow-ns-y-to-a let y/a in on 80"). */
async function describePolicy(
  intent: Intent,
  ctx: Ctx,
  named: NetworkPolicy[],
  known: string[],
): Promise<ListSubjects | PathResult | undefined> {
  const distinct = [...new Map(named.map((p) => [fullName(p), p])).values()];
  if (distinct.length > 1) {
    const names = distinct.map(fullName);
    return result('policy', 'ambiguous', `Several NetworkPolicies are named so: ${names.join(', ')}. Which one?`, {
      suggestions: names,
      followUps: names.map((n) => ({ title: n, question: `policy ${n}`, intent: 'policy' })),
    });
  }
  const [policy] = distinct;
  const pods = await ctx.trace.list('pods', () => ctx.inv.list('Pod'));
  const selected = new Set(
    pods
      .filter(
        (p) =>
          p.metadata.namespace === policy.metadata.namespace &&
          matchesSelector(p.metadata.labels, policy.spec?.podSelector ?? {}),
      )
      .map(fullName),
  );
  const podsOf = (party: string) =>
    (intent.entities ?? [])
      .filter((e) => e.text === party || e.matched === party)
      .flatMap((e) => e.pods ?? (e.kind === 'pod' ? [e.matched] : []));
  const outside = known.filter((k) => !podsOf(k).some((p) => selected.has(p)));
  if (outside.length) return undefined;
  return { list: 'policy', policy };
}

/** A namespace of the inventory as the client of one pod; the pod is looked up outside that namespace. */
async function sourcesOf(intent: Intent, ctx: Ctx, source: string, party: string) {
  const [namespaces, pods] = await Promise.all([
    ctx.trace.list('namespaces', () => ctx.inv.list('Namespace')),
    ctx.trace.list('pods', () => ctx.inv.list('Pod')),
  ]);
  const exists =
    namespaces.some((n) => n.metadata.name === source) || pods.some((p) => p.metadata.namespace === source);
  if (!exists) return result('policy', 'not-found', `There is no namespace "${source}".`);
  const own = intent.namespace === source ? { ...intent, namespace: undefined } : intent;
  const to = await findPod(own, ctx, spec, [party]);
  if (isReply(to)) return to;
  return { list: 'sources' as const, namespace: source, to: to.pod, port: intent.port, notes: [to.note] };
}

/** "from ns y", "from namespace y", "from the y namespace", "ns y -> …": a namespace the inventory knows, as the
 * client. */
function sourceNamespace(intent: Intent, known: string[]): string | undefined {
  const spaces = (intent.entities ?? []).filter((e) => e.kind === 'namespace').map((e) => e.matched);
  // "from namespace z to x/a" is read as the question's namespace (the pod lookup checks that it exists)
  if (intent.namespace) spaces.push(intent.namespace);
  if (!known.length) return undefined;
  const paired = spaces.find((n) => namespaceClient(intent, n, known[0]));
  if (paired) return paired;
  return spaces.find((n) => {
    const ns = escapeRe(n);
    const words = String.raw`(ns|namespace|project)`;
    return new RegExp(
      String.raw`\bfrom\s+(the\s+)?(${words}\s+)?${ns}\b(?!/)|\bfrom\b[^.?!]{0,30}\b${words}\s+${ns}\b|` +
        String.raw`\bfrom\s+(the\s+)?${ns}\s+${words}\b|` +
        // "whether pods in namespace z are permitted to reach x/a": the pods of a namespace said before the verb
        // and the people or apps of a namespace: "a new team in namespace z wants to call x/a"
        String.raw`\b(pods?|workloads?|anything|everything|teams?|folks|people|squad|devs|apps?|clients?|callers?)\s+` +
        String.raw`(in|of|from)\s+(the\s+)?(${words}\s+)?${ns}\b(?!/)` +
        // ("are the pods of namespace z let into x/a on 80?": let in, said in the passive, as the verb
        // https://kubernetes.io/docs/concepts/services-networking/network-policies/#behavior-of-to-and-from-selectors)
        String.raw`[^.?!]{0,40}\b((reach|talk|connect|access|get to|call)\w*|` +
        String.raw`(let|allowed|permitted|admitted)\s+(in|into|through|to)\b)|` +
        // "ns y -> x/a:81": the namespace drawn as the start of the arrow
        String.raw`\b${words}\s+${ns}\s*(->|→)|` +
        // "is namespace z kept out of x/a?", "is ns y allowed to reach x/a?": the namespace is who would connect
        String.raw`\b${words}\s+${ns}\s+(kept out of|locked out of|shut out of|blocked from|denied|allowed to|` +
        String.raw`allowed into|permitted to|able to)\b`,
    ).test(intent.text);
  });
}

/** "anything running in namespace z — will it get into x/a?", "x/a on 80, reachable from namespace z?": the namespace
 * is the client side of the pair it forms with the pod (a policy's namespaceSelector peer is every pod of it
 * https://kubernetes.io/docs/concepts/services-networking/network-policies/#behavior-of-to-and-from-selectors) */
function namespaceClient(intent: Intent, ns: string, party: string): boolean {
  const forms = ['namespace', 'ns', 'project'].flatMap((w) => [`${w} ${ns}`, `${ns} ${w}`]);
  const pair = direction(intent.text, [
    { p: `namespace ${ns}`, forms },
    { p: party, forms: [party] },
  ]);
  return pair?.client === `namespace ${ns}` && !pair.several;
}

async function selectsOf(intent: Intent, ctx: Ctx, party: string): Promise<ListSubjects | PathResult> {
  const found = await findPod(intent, ctx, spec, [party]);
  if (isReply(found)) return found;
  const pods = found.group ?? [found.pod];
  const namespace = found.pod.metadata.namespace ?? 'default';
  // a workload said ("the api pods", "api") is the subject as said, its replicas listed
  const workload = (intent.entities ?? []).some((e) => e.text === party && e.kind === 'workload') || pods.length > 1;
  const hop = subjectHop(pods, workload) ?? fullName(found.pod);
  const subject = hop === fullName(found.pod) ? hop : `${hop} (${replicasSaid(pods, found.pod)})`;
  return { list: 'selects', subject, hop, namespace, pods, notes: [found.note] };
}

/** "pod shop/api-…", "2 pods: web-…-abcde, web-…-fghij": a workload's replicas named (a count past a few) */
const replicasSaid = (pods: Pod[], pod: Pod): string =>
  pods.length === 1
    ? `pod ${fullName(pod)}`
    : `${pods.length} pods${pods.length <= 4 ? `: ${pods.map((p) => p.metadata.name).join(', ')}` : ''}`;

async function namespacePods(intent: Intent, ctx: Ctx, ns: string): Promise<ListSubjects | PathResult> {
  const pods = (await ctx.trace.list('pods', () => ctx.inv.list('Pod'))).filter(
    (p) => p.metadata.namespace === ns && isRunning(p),
  );
  if (!pods.length) return result('policy', 'not-found', `I found no running pod in namespace ${ns}.`);
  return { list: 'selects', subject: `namespace ${ns}`, namespace: ns, pods: pods as Pod[], hop: fullName(pods[0]) };
}
