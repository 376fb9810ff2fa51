// Names from the parsed question → objects of the inventory: exact names,
// partial names ("sqlapi" → the running sqlapi-1-8jgx8, not the completed
// deployer pod), owners (deployment, deploymentconfig) and did-you-mean.
import type { Pod } from '../inventory/k8s-types';
import { isRunning } from '../path/kube';
import { closest } from './names';

export type Resolution<T> =
  { found: T; others: T[]; note?: string } | { ambiguous: T[] } | { missing: string; suggestions: string[] };

/**
 * The workload a pod belongs to: deploymentconfig / deployment label, app label, or its name without the generated
 * suffix.
 */
export function workloadOf(p: Pod): string {
  const l = p.metadata.labels ?? {};
  const name = p.metadata.name;
  return (
    l.deploymentconfig ??
    l['app.kubernetes.io/name'] ??
    l.app ??
    name
      .replace(/-[a-z0-9]{5}$/, '')
      .replace(/-[a-f0-9]{8,10}$/, '')
      .replace(/-\d+$/, '')
  );
}

export const isDeployerPod = (p: Pod): boolean =>
  /-deploy$/.test(p.metadata.name) && !!p.metadata.labels?.['openshift.io/deployer-pod-for.name'];

export function resolvePod(pods: Pod[], name: string, namespace?: string): Resolution<Pod> {
  const inNs = namespace ? pods.filter((p) => p.metadata.namespace === namespace) : pods;
  const exact = inNs.filter((p) => p.metadata.name === name);
  if (exact.length === 1) return { found: exact[0], others: [] };
  if (exact.length > 1) return { ambiguous: exact };

  // a pod by the generated end of its name ("x2k4p")
  const bySuffix = name.length >= 4 ? inNs.filter((p) => p.metadata.name.endsWith(`-${name}`)) : [];
  if (bySuffix.length === 1) return { found: bySuffix[0], others: [] };
  const sameWorkload = inNs.filter((p) => !isDeployerPod(p) && workloadOf(p) === name);
  const partial = sameWorkload.length
    ? sameWorkload
    : inNs.filter((p) => !isDeployerPod(p) && p.metadata.name.startsWith(name));
  const live = partial.filter(isRunning);
  const pool = live.length ? live : partial;
  if (pool.length) {
    const byWorkload = new Map<string, Pod[]>();
    for (const p of pool) {
      const k = `${p.metadata.namespace}/${workloadOf(p)}`;
      byWorkload.set(k, [...(byWorkload.get(k) ?? []), p]);
    }
    if (byWorkload.size === 1) {
      const [found, ...others] = [...pool].sort((a, b) => a.metadata.name.localeCompare(b.metadata.name));
      return {
        found,
        others,
        note: others.length
          ? `${pool.length} replicas of ${workloadOf(found)}; they share ` +
            `this answer unless they run on differently connected nodes`
          : undefined,
      };
    }
    return { ambiguous: pool };
  }
  // last resort: a fragment of exactly one running workload's name ("api" → sqlapi)
  const fragment = inNs.filter(
    (p) =>
      isRunning(p) &&
      !isDeployerPod(p) &&
      name.length >= 3 &&
      (workloadOf(p).includes(name) || p.metadata.name.split('-').includes(name)),
  );
  const workloads = new Set(fragment.map((p) => `${p.metadata.namespace}/${workloadOf(p)}`));
  if (workloads.size === 1) {
    const [found, ...others] = fragment.sort((a, b) => a.metadata.name.localeCompare(b.metadata.name));
    return { found, others, note: `"${name}" taken as ${workloadOf(found)}` };
  }
  const names = inNs.flatMap((p) => [p.metadata.name, workloadOf(p)]);
  return { missing: name, suggestions: closest(name, names) };
}
