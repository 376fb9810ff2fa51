// Groups: "the web pods", "the sqlapi deployment" are answered for every replica — once when they all share the
// result ("all 3 replicas"), each distinct result otherwise.
import type { Pod } from '../inventory/k8s-types';
import type { PathResult } from '../path/result';
import { workloadOf } from './resolve';

/** Replicas answered at most (a DaemonSet on a large cluster): the rest are named as not checked. */
export const GROUP_LIMIT = 20;

/** Subjects that stand for a group of replicas. */
export interface Grouped {
  pod: Pod;
  group?: Pod[];
  notes?: (string | undefined)[];
  /** notes that hold for every replica, kept once the replicas' own notes give way to the check */
  shared?: string[];
  /** the group is a sample standing for a namespace or the cluster ("one pod on each node"), not one workload */
  scope?: Scope;
}

/** What a sampled group stands for ("the cluster"), how its pods were picked, and the answer's title before the
 * addresses the far end sees ("Egress of the cluster"). */
export interface Scope {
  where: string;
  how: string;
  title: string;
}

/** The subjects answered for one replica: a pair's client is its `from`. */
export const forReplica = <S extends Grouped>(s: S, pod: Pod): S =>
  'from' in s ? { ...s, pod, from: pod, notes: [] } : { ...s, pod, notes: [] };

/** A pair's far end said as a workload ("can api reach the web pods?"): each replica is a far end of its own (the NSG
 * on its NIC or subnet, its node: https://learn.microsoft.com/azure/virtual-network/network-security-groups-overview) */
interface TargetGrouped {
  to: { pod?: Pod };
  toGroup?: Pod[];
  notes?: (string | undefined)[];
}

export const targetsOf = (s: unknown): Pod[] | undefined => {
  const g = !!s && typeof s === 'object' && 'toGroup' in s ? (s as TargetGrouped).toGroup : undefined;
  return g && g.length > 1 ? g : undefined;
};

/** The subjects answered for one replica of the far end. */
export const forTarget = <S extends TargetGrouped>(s: S, pod: Pod): S => ({
  ...s,
  to: { ...s.to, pod },
  toGroup: undefined,
  notes: [],
});

export const isGrouped = (s: unknown): s is Grouped & { group: Pod[] } =>
  !!s && typeof s === 'object' && 'pod' in s && Array.isArray((s as Grouped).group) && (s as Grouped).group!.length > 1;

/** What makes two replicas' answers the same: what the far end sees (a replica's own pod address counting as the
 * same), the verdict and every layer that did not allow it (nor was passed by), else the whole answer. */
function key(r: PathResult, pod: Pod): string {
  const own = (a: string) => (a === pod.status?.podIP ? '<pod ip>' : a);
  if (!r.seenAs?.length) return r.answer.split(pod.metadata.name).join('<pod>');
  return JSON.stringify([
    r.seenAs.map(own),
    r.verdict?.allowed,
    r.layers?.filter((l) => !['allowed', 'not-applicable'].includes(l.verdict)),
  ]);
}

/** The first replica's title said of the group ("Denied: web ×2 → db-0"), its verdict still the first word. */
const groupTitle = (title: string, pod: Pod, group: string) =>
  title.includes(pod.metadata.name) ? title.replace(pod.metadata.name, group) : `${group}: ${title}`;

/** One answer for the group: shared when every replica's answer is the same, each distinct one otherwise. */
export function mergeGroup(pods: Pod[], results: PathResult[], total: number, scope?: Scope): PathResult {
  if (scope) return mergeScope(pods, results, scope, total);
  const names = pods.map((p) => p.metadata.name);
  const workload = workloadOf(pods[0]);
  // pods listed together (a pasted table) may belong to several workloads: they are pods, not replicas
  const replicas = pods.every((p) => workloadOf(p) === workload);
  const what = replicas ? `replicas of ${workload}` : 'pods';
  const base = results[0];
  const unchecked = total > pods.length ? ` (${total - pods.length} more not checked)` : '';
  const same = results.every((r, i) => key(r, pods[i]) === key(base, pods[0]) && r.status === base.status);
  if (same) {
    // in the cluster each replica is seen as its own pod address: the same answer, said with every address
    const seen = [...new Set(results.flatMap((r) => r.seenAs ?? []))];
    const own = seen.length > 1 ? `, each seen as its own address (${seen.join(', ')})` : '';
    const all = `All ${pods.length} ${what}${unchecked} (${names.join(', ')}) share this answer${own}.`;
    // how the question was read comes first among the warnings, as for any subject
    const read = `${pods.length} ${what} checked${unchecked}: they share this answer`;
    return {
      ...base,
      seenAs: seen.length ? seen : undefined,
      // a verdict (Yes / No) stays the first word read
      answer: base.verdict || base.layers ? `${base.answer}\n${all}` : `${all}\n${base.answer}`,
      title: base.title && groupTitle(base.title, pods[0], `${replicas ? workload : 'pods'} ×${pods.length}`),
      warnings: [read, ...base.warnings],
    };
  }
  const each = results.map((r, i) => `• ${names[i]}: ${r.answer}`).join('\n');
  // one verdict for all, each by its own way (the source its far end sees is its own node's): the verdict first
  const word = /^(Yes|No|Not sure):/.exec(base.answer)?.[1];
  const head = word && results.every((r) => r.answer.startsWith(`${word}:`)) ? `${word} for all ` : '';
  const seen = [...new Set(results.flatMap((r) => r.seenAs ?? []))];
  // one verdict stands for the group only when every replica got it
  const agreed = results.every((r) => JSON.stringify(r.verdict) === JSON.stringify(base.verdict));
  return {
    ...base,
    seenAs: seen.length ? seen : undefined,
    verdict: agreed ? base.verdict : undefined,
    layers: agreed ? base.layers : undefined,
    answer: `${head}${pods.length} ${what}${unchecked}, with different answers:\n${each}`,
    title: `${pods.length} ${what}`,
    warnings: [...new Set(results.flatMap((r) => r.warnings))],
    errors: results.flatMap((r) => r.errors),
  };
}

/** A namespace's or the cluster's answer: each distinct answer once, with the pods that got it, and every address the
 * far end sees (what a partner has to allowlist). */
function mergeScope(pods: Pod[], results: PathResult[], { where, how, title }: Scope, total: number): PathResult {
  const byKey = new Map<string, { pods: string[]; r: PathResult }>();
  results.forEach((r, i) => {
    const k = `${r.status}\n${key(r, pods[i])}`;
    const name = `${pods[i].metadata.namespace}/${pods[i].metadata.name}`;
    if (byKey.has(k)) byKey.get(k)!.pods.push(name);
    else byKey.set(k, { pods: [name], r });
  });
  const ways = [...byKey.values()];
  const seen = [...new Set(results.flatMap((r) => r.seenAs ?? []))];
  const unchecked = total > pods.length ? ` (${total - pods.length} more not checked)` : '';
  const checked = `${pods.length} pods checked${unchecked}, ${how}`;
  const answer =
    ways.length === 1
      ? `Every pod checked in ${where} gets the same answer (${checked}):\n${ways[0].r.answer}`
      : `${ways.length} different answers in ${where} (${checked}):\n` +
        ways.map((w) => `• ${w.pods.join(', ')}: ${w.r.answer}`).join('\n');
  const base = ways[0].r;
  return {
    ...base,
    answer,
    title: `${title}: ${seen.length ? seen.join(', ') : 'no public address'}`,
    seenAs: seen.length ? seen : undefined,
    facts: [{ label: 'Seen outside as', value: seen.join(', ') || 'none' }, ...base.facts],
    warnings: [`${checked}: name a pod for its own path`, ...new Set(results.flatMap((r) => r.warnings))],
    errors: results.flatMap((r) => r.errors),
  };
}
