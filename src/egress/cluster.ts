// "Which IPs does the customer have to allowlist?": the egress of a whole cluster or namespace, when no pod is named.
// What the far end sees is decided per node (its subnet's NAT gateway or route table, its own public IP, its load
// balancer) and per EgressIP, so one pod per node and EgressIP stands for all the others there.
import type { Ctx } from '../family';
import type { EgressIP, Namespace, Pod } from '../inventory/k8s-types';
import type { Scope } from '../nlu/groups';
import type { Intent } from '../nlu/parse';
import { egressIpsFor, isPlatformNamespace, isRunning } from '../path/kube';
import { escapeRe } from '../regex';

/** Words that ask about every workload rather than one ("our egress IPs", "what the customer must allowlist"). */
const WIDE =
  String.raw`cluster|clusters|our|we|us|all|every|each|any|customers?|partners?|vendors?|` +
  String.raw`allow-?list\w*|white-?list\w*|ranges?|ips|addresses`;
const CLUSTER_WIDE = new RegExp(String.raw`\b(${WIDE})\b`);
const WIDE_WORD = new RegExp(String.raw`^(${WIDE})$`);

/** No pod, workload, Service or host named, only a namespace or words of the scope itself ("egress ips of the
 * cluster"): the question is about every workload there. A name said as a pod's ("pod checkout") is looked up. */
export function asksScope(intent: Intent): boolean {
  const text = intent.text.toLowerCase();
  if (!scopeNamespace(intent) && !CLUSTER_WIDE.test(text)) return false;
  if (intent.typed.length || intent.ips.length) return false;
  const namespaces = new Set((intent.entities ?? []).filter((e) => e.kind === 'namespace').map((e) => e.text));
  if ((intent.entities ?? []).some((e) => e.kind !== 'namespace')) return false;
  const every = EVERY_POD.test(text);
  return intent.names.every(
    (n) => namespaces.has(n) || n === intent.namespace || WIDE_WORD.test(n) || (every && !saidAsPod(text, n)),
  );
}

/** "every source address your cluster can come from — all pods, not just one": every pod asked in words; then a name
 * the inventory does not know ("the co-op's firewall") is no workload, unless said as a pod's ("all pods of x") */
const EVERY_POD =
  /\b(all|every|each|any) (of (the|your|our) )?(pods?|workloads?|nodes?|apps?|namespaces?)\b|\bnot (just|only) one\b/;
const saidAsPod = (text: string, n: string): boolean =>
  new RegExp(
    String.raw`\b${escapeRe(n)}('s)? (pods?|workloads?|deployments?|apps?)\b|\b(pods?|of|in) ${escapeRe(n)}\b`,
  ).test(text);

/** The namespace asked about: said as one ("namespace project1"), or a namespace's name said alone ("the outbound
 * IP for project1": it names the namespace's pods,
 * https://kubernetes.io/docs/concepts/overview/working-with-objects/namespaces/) */
export function scopeNamespace(intent: Intent): string | undefined {
  const [only, ...more] = intent.entities ?? [];
  const alone = only?.kind === 'namespace' && !more.length && intent.names.length === 1 ? only.matched : undefined;
  return intent.namespace ?? alone;
}

/** One running pod for each node and set of EgressIPs that select it: the group that answers for the scope. */
function samplePods(pods: Pod[], namespaces: Namespace[], egressIps: EgressIP[], ns?: string): Pod[] {
  const running = pods.filter((p) => p.spec?.nodeName && isRunning(p) && (!ns || p.metadata.namespace === ns));
  // platform pods run on every node too, but the question is about the workloads
  const workloads = running.filter((p) => !isPlatformNamespace(p.metadata.namespace));
  const pool = (ns || workloads.length ? workloads : running).filter((p) => !p.spec?.hostNetwork);
  const picked = new Map<string, Pod>();
  for (const p of pool) {
    const via = egressIpsFor(p, namespaces, egressIps)
      .map((e) => e.metadata.name)
      .sort();
    const key = `${p.spec!.nodeName}\n${via.join(',')}`;
    if (!picked.has(key)) picked.set(key, p);
  }
  return [...picked.values()];
}

/** Samples kept with the lists they were drawn from (a snapshot's; a live cache's until a kind changes): drawing one
 * reads every pod, which at 150,000 pods costs more than the rest of the answer. */
const samples = new WeakMap<Pod[], Map<string, { namespaces: Namespace[]; egressIps: EgressIP[]; sample: Pod[] }>>();

function sampleOf(pods: Pod[], namespaces: Namespace[], egressIps: EgressIP[], ns?: string): Pod[] {
  const kept = samples.get(pods) ?? new Map();
  samples.set(pods, kept);
  const hit = kept.get(ns ?? '');
  // (a kind the inventory does not have is a new empty list each time)
  const same = (a: unknown[], b: unknown[]) => a === b || (!a.length && !b.length);
  if (hit && same(hit.namespaces, namespaces) && same(hit.egressIps, egressIps)) return hit.sample;
  const sample = samplePods(pods, namespaces, egressIps, ns);
  kept.set(ns ?? '', { namespaces, egressIps, sample });
  return sample;
}

/** The sample for the question's scope (its namespace, else the cluster), with how it was chosen. */
export async function scopeSample(ns: string | undefined, { inv, trace }: Ctx): Promise<{ pods: Pod[]; scope: Scope }> {
  const [pods, namespaces, egressIps] = await Promise.all([
    trace.list('pods', () => inv.list('Pod')),
    trace.list('namespaces', () => inv.list('Namespace')),
    trace.list('EgressIPs', () => inv.list('EgressIP')),
  ]);
  const sample = sampleOf(pods, namespaces, egressIps, ns);
  const nodes = new Set(sample.map((p) => p.spec?.nodeName)).size;
  const where = ns ? `namespace ${ns}` : 'the cluster';
  const each = nodes === 1 ? 'its one node' : `each of its ${nodes} nodes`;
  const how = `one on ${each}${egressIps.length ? ' and for each EgressIP' : ''}`;
  return { pods: sample, scope: { where, how, title: `Egress of ${where}` } };
}
