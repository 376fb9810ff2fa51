// Entities of a question → pods of the inventory, shared by every family that
// asks about a pod: namespace check, partial names, ambiguity (with buttons that
// rewrite the question) and did-you-mean. Lookups go through the question's trace.
import type { Ctx, IntentSpec } from '../family';
import type { Pod } from '../inventory/k8s-types';
import { podNamespaces, podsInNamespace } from '../path/index';
import { isPlatformNamespace } from '../path/kube';
import { result, type PathResult } from '../path/result';
import { alike, closest } from './names';
import { POINTS_BACK_WORDS } from './patterns';
import type { Intent } from './parse';
import { isDeployerPod, resolvePod, workloadOf } from './resolve';
import { escapeRe } from '../regex';

/** Words for "the database" when no workload is named so: pods running a database image. */
export const DATABASE_WORDS: Record<string, RegExp> = {
  database: /(postgres|mssql|mysql|mariadb|mongo|sqlserver|oracle|cockroach)/,
  db: /(postgres|mssql|mysql|mariadb|mongo|sqlserver|oracle|cockroach)/,
  sql: /(mssql|sqlserver|mysql|postgres|mariadb)/,
  sqlserver: /(mssql|sqlserver)/,
  // "the postgres pod": a database engine said for the one pod whose image runs it
  postgres: /postgres/,
  postgresql: /postgres/,
  mysql: /(mysql|mariadb)/,
  mssql: /(mssql|sqlserver)/,
};

export interface FoundPod {
  pod: Pod;
  /** the replicas, when the name was a workload's ("web", "the router pods") */
  group?: Pod[];
  /** how the name was read ("3 replicas of sqlapi…"), shown as a warning */
  note?: string;
}

/** Every pod, or a reply saying the pods could not be listed. */
async function allPods(ctx: Ctx, spec: IntentSpec): Promise<Pod[] | PathResult> {
  const pods = await ctx.trace.try('pods', () => ctx.inv.list('Pod'));
  return pods ?? result(spec.kind, 'not-found', 'I could not list pods, so I cannot find the pod you mean.');
}

/** A reply when the question names a namespace that does not exist. */
async function namespaceProblem(intent: Intent, ctx: Ctx, spec: IntentSpec, pods: Pod[]) {
  if (!intent.namespace) return undefined;
  const namespaces = await ctx.trace.list('namespaces', () => ctx.inv.list('Namespace'));
  const ns = intent.namespace;
  if (podsInNamespace(pods, ns).length || namespaces.some((n) => n.metadata.name === ns)) return undefined;
  const known = new Set([...namespaces.map((n) => n.metadata.name), ...podNamespaces(pods)]);
  const near = closest(intent.namespace, [...known]);
  const hint = near.length ? ` Did you mean ${near.join(', ')}?` : '';
  return result(spec.kind, 'not-found', `There is no namespace "${intent.namespace}".${hint}`, { suggestions: near });
}

const POD_TYPES = ['pod', 'deployment', 'deploymentconfig'];

/** The pod a question is about: `names` in order (default: the typed names, then all names). */
export async function findPod(
  intent: Intent,
  ctx: Ctx,
  spec: IntentSpec,
  names?: string[],
  exclude?: Pod,
): Promise<FoundPod | PathResult> {
  const pods = await allPods(ctx, spec);
  if (!Array.isArray(pods)) return pods;
  const nsProblem = await namespaceProblem(intent, ctx, spec, pods);
  if (nsProblem) return nsProblem;
  const typed = intent.typed.filter((t) => POD_TYPES.includes(t.type)).map((t) => t.name);
  const candidates = (names ?? podCandidates(intent, typed, spec.kind === 'egress')).map(
    (n) => servicePods(intent, n) ?? selectedWorkload(intent, n, pods) ?? n,
  );
  if (candidates.length === 0) {
    return result(spec.kind, 'not-understood', `Which pod? Name it, for example: "${spec.examples[0]}".`);
  }
  const misses: Miss[] = [];
  for (const name of candidates) {
    const r = resolveIn(intent, pods, name);
    if ('found' in r) {
      if (exclude && r.found.metadata.uid === exclude.metadata.uid) continue;
      return { pod: r.found, note: r.note, group: r.others.length ? [r.found, ...r.others] : undefined };
    }
    if ('ambiguous' in r) return ambiguous(intent, spec, name.split('/').pop()!, r.ambiguous);
    misses.push({ name: r.missing, suggestions: r.suggestions });
  }
  const asked = typed[0] ?? misses.find((m) => m.suggestions.length)?.name ?? misses[0]?.name ?? candidates[0];
  return notFound(intent, spec, asked, misses, names ? [] : pods);
}

type Miss = { name: string; suggestions: string[] };

/** The reply for names no pod has: the names a typo away, else, for the one pod asked about (`pods` given), the
 * workloads sharing a part of its name — a way on all the same. */
function notFound(intent: Intent, spec: IntentSpec, asked: string, misses: Miss[], pods: Pod[]): PathResult {
  const typos = [...new Set(misses.flatMap((m) => m.suggestions))];
  const suggestions = typos.length || misses.length !== 1 ? typos : alikeWorkloads(misses[0].name, pods);
  const where = intent.namespace ? ` in namespace ${intent.namespace}` : '';
  const hint = suggestions.length ? ` Did you mean ${suggestions.join(', ')}?` : '';
  return result(spec.kind, 'not-found', `I found no pod "${asked}"${where}.${hint}`, { suggestions });
}

const alikeWorkloads = (name: string, pods: Pod[]): string[] =>
  alike(name, pods.filter((p) => !isPlatformNamespace(p.metadata.namespace) && !isDeployerPod(p)).map(workloadOf));

/** "web.shop" where a pod is asked for: the pods behind Service web in shop, as "shop/web". */
function servicePods(intent: Intent, name: string): string | undefined {
  if (!name.includes('.')) return undefined;
  const svc = (intent.entities ?? []).find((e) => e.text === name && e.kind === 'service' && e.pods?.length);
  return svc?.matched ?? name;
}

/** "web-internal pods": a Service named where pods are asked for, no workload of that name, stands for the one
 * workload whose pods it selects, as "ns/workload" (https://kubernetes.io/docs/concepts/services-networking/service/) */
function selectedWorkload(intent: Intent, name: string, pods: Pod[]): string | undefined {
  const said = (intent.entities ?? []).filter((e) => e.text === name);
  if (said.length !== 1 || said[0].kind !== 'service' || !said[0].pods?.length) return undefined;
  const selected = pods.filter((p) => said[0].pods!.includes(`${p.metadata.namespace}/${p.metadata.name}`));
  const owners = new Set(selected.map((p) => `${p.metadata.namespace}/${workloadOf(p)}`));
  return owners.size === 1 && ![...owners][0].endsWith(`/${name}`) ? [...owners][0] : undefined;
}

const matchedPods = (intent: Intent): Set<string> =>
  new Set(
    (intent.entities ?? [])
      .filter((e) => e.pods && e.kind !== 'pod-ip' && e.kind !== 'service')
      .map((e) => e.text.split('/').pop()!),
  );

/**
 * Names to try as the pod, "ns/name" when the name came with its namespace: names that matched a pod or
 * workload first (typed ones first among them), then the rest; a pod IP of the question when nothing is named.
 */
function podCandidates(intent: Intent, typed: string[], out = false): string[] {
  const matched = matchedPods(intent);
  const names = [...new Set([...typed, ...intent.names])].sort((a, b) => +!matched.has(a) - +!matched.has(b));
  const withNs = names.map((n) => {
    const ref = intent.refs.find((r) => r.name === n && r.namespace);
    return ref ? `${ref.namespace}/${n}` : n;
  });
  const byIp = (intent.entities ?? []).filter((e) => e.kind === 'pod-ip').map((e) => e.matched);
  // "connections come from 10.129.2.7: which pod is that?": the address is the subject, the names are context
  if (byIp.length && /\b(which|what) pod (is (that|this|it)|that is|this is|has|owns|uses)\b/.test(intent.text))
    return [...byIp, ...withNs];
  // a pod IP comes before words that matched nothing ("a flow from 10.129.2.7", "10.244.2.15 -> …, post-nat source?")
  const isMatched = (n: string) => matched.has(n.split('/').pop()!);
  // in a message of several sentences, a name the asking sentence says comes before the context's
  const asks = (n: string) =>
    intent.asking && new RegExp(`\\b${escapeRe(n.split('/').pop()!)}\\b`).test(intent.asking) ? 0 : 1;
  // ("… calls the DRM licence server from sqlapi. public source ip?": the way out is the one the call leaves from)
  const from = (n: string) => (out && n.split('/').pop() === intent.from ? 0 : 1);
  const first = withNs.filter(isMatched).sort((a, b) => asks(a) - asks(b) || from(a) - from(b));
  return [...first, ...byIp, ...withNs.filter((n) => !isMatched(n))];
}

/** The namespace said with the name first, then the remembered one, then the asked one (or all). */
function resolveIn(intent: Intent, pods: Pod[], asked: string) {
  const [ns, name] = asked.includes('/') ? asked.split('/', 2) : [undefined, asked];
  if (ns) return resolveNs(pods, name, ns);
  const remembered =
    !intent.namespace && intent.defaultNamespace ? resolveNs(pods, name, intent.defaultNamespace) : undefined;
  return remembered && 'found' in remembered ? remembered : resolveNs(pods, name, intent.namespace);
}

// only the namespace's pods (kept per pod list) are scanned
const resolveNs = (pods: Pod[], name: string, ns?: string) =>
  resolvePod(ns ? podsInNamespace(pods, ns) : pods, name, ns);

/** Several pods match: one button per pod, each the question with the name made exact. */
function ambiguous(intent: Intent, spec: IntentSpec, name: string, pods: Pod[]): PathResult {
  const choices = pods.map((p) => `${p.metadata.namespace}/${p.metadata.name}`);
  const rewrite = (choice: string) =>
    intent.text
      .replace(new RegExp(`(^|[\\s/])${escapeRe(name)}(?=$|[\\s:?!.,])`), `$1${choice}`)
      .replace(/\s(-n|--namespace)\s+\S+/, '');
  return result(spec.kind, 'ambiguous', `"${name}" matches several pods: ${choices.join(', ')}. Which one?`, {
    suggestions: choices,
    followUps: choices.map((c) => ({ title: c, question: rewrite(c) })),
  });
}

/** Two workloads (or pods) compared in one question ("egress web vs egress api -- same public ip?", "is db-0 on the
 * same node as a web pod?"): every pod of each, to be answered together. */
export async function comparedPods(intent: Intent, ctx: Ctx, compares: RegExp): Promise<Pod[] | undefined> {
  const asking = intent.asking ?? intent.text;
  // ("do sqlapi and server share a node? if one VM dies, does the site lose both?": a sentence that asks about "both"
  // of them asks the comparison said before it)
  // ("… share a VM? if one worker dies, does the schedule go down?": or names none of its own)
  const namesNone = !(intent.entities ?? []).some((e) => asking.includes(e.text.split('/').pop()!));
  const both = (/\b(both|either)\b/.test(asking) || namesNone) && compares.test(intent.text);
  if (!compares.test(asking) && !both) return undefined;
  // (the parties of the sentence that asks: a quoted answer before it is context; "which node is 10.244.2.6 on, is
  // that the same one as api?": a sentence that points back with "that" takes in the one before it)
  // ("<pasted get pods table> what public ip do these two leave with?": or with "these", "those", "them")
  const scope = both || POINTS_BACK_WORDS.test(asking) ? intent.text : asking;
  const named = (intent.entities ?? []).filter(
    (e) => ['pod', 'workload', 'pod-ip'].includes(e.kind) && scope.includes(e.text.split('/').pop()!),
  );
  if (new Set(named.map((e) => (e.pods ?? [e.matched]).join(','))).size < 2) return undefined;
  const wanted = new Set(named.flatMap((e) => e.pods ?? [e.matched]));
  const pods = await ctx.trace.list('pods', () => ctx.inv.list('Pod'));
  // (in the order they were said: the one asked about first, "do the router pods leave with the same IP as api?")
  const order = [...wanted];
  const rank = (p: Pod) => order.indexOf(`${p.metadata.namespace}/${p.metadata.name}`);
  const found = pods.filter((p) => wanted.has(`${p.metadata.namespace}/${p.metadata.name}`));
  return found.length >= 2 ? found.sort((a, b) => rank(a) - rank(b)) : undefined;
}
