// The NetworkPolicies around one party, as rules: which policies select a pod
// (per direction, so whether it is isolated), what one named policy allows and
// denies, and what a whole namespace may open on a pod. Pure.
// https://kubernetes.io/docs/concepts/services-networking/network-policies/#the-two-sorts-of-pod-isolation
import type { Namespace, NetworkPolicy, NetworkPolicyPeer, NetworkPolicyRule, Pod } from '../inventory/k8s-types';
import { workloadOf } from '../nlu/resolve';
import { fullName, isRunning, matchesSelector, podIp } from '../path/kube';
import {
  peerMatches,
  policyTypes,
  selectingPolicies,
  verdict,
  type Direction,
  type Enforcement,
  type Verdict,
} from '../path/policy';

export const DIRECTIONS: Direction[] = ['Ingress', 'Egress'];

/** One peer of a rule, and the running pods of the inventory it matches (none for an ipBlock). */
export interface PeerView {
  peer: NetworkPolicyPeer;
  pods: string[];
}

/** One rule: its peers (absent: every source or destination) and ports (absent: every port). */
export interface RuleView {
  peers?: PeerView[];
  ports?: NetworkPolicyRule['ports'];
}

export interface PolicyView {
  namespace: string;
  name: string;
  policy: NetworkPolicy;
  types: Direction[];
  /** running pods its podSelector selects */
  selects: string[];
  /** the rules of each direction in its policyTypes (an empty list allows nothing) */
  rules: Partial<Record<Direction, RuleView[]>>;
}

/** Pods that share the same selecting policies, per direction (empty: not isolated for it). */
export interface PodSet {
  pods: string[];
  selectedBy: Record<Direction, string[]>;
}

export interface ListContext {
  policies: NetworkPolicy[];
  pods: Pod[];
  namespaces: Namespace[];
  enforcement: Enforcement;
  /** AdminNetworkPolicy and other kinds present (not evaluated) */
  unevaluated: string[];
}

interface Common {
  enforcement: Enforcement;
  unevaluated: string[];
}

/** The policies selecting a pod, a workload's replicas, or a namespace's pods. */
export interface SelectsDecision extends Common {
  list: 'selects';
  /** "shop/db-0", "shop/api (3 replicas)", "namespace shop" */
  subject: string;
  /** the subject as a pod hop: the pod, or `ns/workload` when a workload was asked about */
  hop: string;
  namespace: string;
  sets: PodSet[];
  views: PolicyView[];
}

/** One named policy: what it selects, allows and (with the other policies selecting the same pods) denies. */
export interface NamedDecision extends Common {
  list: 'policy';
  view: PolicyView;
  /** the selected pods as a hop: `ns/workload` when they are one workload's, else the first pod */
  hop?: string;
  /** per direction of the policy: the other policies that select some of the same pods (their allows add up) */
  others: Partial<Record<Direction, PolicyView[]>>;
  /** per direction: running pods that no rule of any selecting policy lets through (any port) */
  shut: Partial<Record<Direction, string[]>>;
  /** per direction not in the policy's types: the policies that isolate its pods for it anyway */
  untouched: Partial<Record<Direction, string[]>>;
}

/** Each running pod of a namespace as the client of one pod. */
export interface SourceRow {
  pod: string;
  ingress: Verdict;
  egress: Verdict;
  /** without a port: the ports the rules open for this pair (undefined: every port) */
  ports?: string[];
}

export interface SourcesDecision extends Common {
  list: 'sources';
  namespace: string;
  to: string;
  toNamespace: string;
  port?: number;
  protocol: string;
  rows: SourceRow[];
}

export type ListDecision = SelectsDecision | NamedDecision | SourcesDecision;

const peerOf = (pod: Pod) => ({ pod, ip: podIp(pod) ?? '' });

function viewOf(p: NetworkPolicy, c: ListContext): PolicyView {
  const namespace = p.metadata.namespace ?? 'default';
  const running = c.pods.filter(isRunning);
  const selects = running
    .filter((x) => x.metadata.namespace === namespace && matchesSelector(x.metadata.labels, p.spec?.podSelector ?? {}))
    .map(fullName);
  const types = policyTypes(p);
  const rules: Partial<Record<Direction, RuleView[]>> = {};
  for (const dir of types) {
    const list = (dir === 'Ingress' ? p.spec?.ingress : p.spec?.egress) ?? [];
    rules[dir] = list.map((r) => {
      const peers = dir === 'Ingress' ? r.from : r.to;
      // pod and namespace selectors pick pods; an ipBlock is addresses (meant for outside the cluster)
      const view = (peer: NetworkPolicyPeer): PeerView => ({
        peer,
        pods: peer.ipBlock
          ? []
          : running.filter((x) => peerMatches(peer, namespace, peerOf(x), c.namespaces)).map(fullName),
      });
      return { peers: peers?.length ? peers.map(view) : undefined, ports: r.ports?.length ? r.ports : undefined };
    });
  }
  return { namespace, name: p.metadata.name, policy: p, types, selects, rules };
}

/** Pods grouped by the policies that select them; a pod selected by nothing makes a set of its own kind. */
export function decideSelects(
  { subject, hop, namespace }: { subject: string; hop: string; namespace: string },
  pods: Pod[],
  c: ListContext,
): SelectsDecision {
  const sets = new Map<string, PodSet>();
  const used = new Set<NetworkPolicy>();
  for (const pod of pods) {
    const by = (dir: Direction) =>
      selectingPolicies(dir, pod, c.policies).sort((a, b) => a.metadata.name.localeCompare(b.metadata.name));
    const [ing, eg] = [by('Ingress'), by('Egress')];
    [...ing, ...eg].forEach((p) => used.add(p));
    const selectedBy = { Ingress: ing.map((p) => p.metadata.name), Egress: eg.map((p) => p.metadata.name) };
    const key = JSON.stringify(selectedBy);
    const set = sets.get(key) ?? { pods: [], selectedBy };
    set.pods.push(fullName(pod));
    sets.set(key, set);
  }
  const views = [...used].map((p) => viewOf(p, c)).sort((a, b) => a.name.localeCompare(b.name));
  return { list: 'selects', subject, hop, namespace, sets: [...sets.values()], views, ...common(c) };
}

const common = (c: ListContext): Common => ({ enforcement: c.enforcement, unevaluated: c.unevaluated });

/** Does some rule of these policies let `other` through for `subject`, on some port? */
function anyRule(dir: Direction, subject: Pod, other: Pod, policies: NetworkPolicy[], c: ListContext): boolean {
  const ns = subject.metadata.namespace ?? '';
  return policies.some((p) =>
    ((dir === 'Ingress' ? p.spec?.ingress : p.spec?.egress) ?? []).some((r) => {
      const peers = dir === 'Ingress' ? r.from : r.to;
      return !peers?.length || peers.some((x) => peerMatches(x, ns, peerOf(other), c.namespaces));
    }),
  );
}

export function decideNamed(p: NetworkPolicy, c: ListContext): NamedDecision {
  const view = viewOf(p, c);
  const running = c.pods.filter(isRunning);
  const chosen = running.filter((x) => view.selects.includes(fullName(x)));
  const others: NamedDecision['others'] = {};
  const shut: NamedDecision['shut'] = {};
  const untouched: NamedDecision['untouched'] = {};
  for (const dir of DIRECTIONS) {
    const around = new Set(chosen.flatMap((x) => selectingPolicies(dir, x, c.policies)));
    if (!view.types.includes(dir)) {
      untouched[dir] = [...around].map((x) => x.metadata.name);
      continue;
    }
    around.delete(p);
    others[dir] = [...around].map((x) => viewOf(x, c));
    // every pod of the cluster that no rule of any policy selecting the pod lets through, on any port
    shut[dir] = running
      .filter((other) =>
        chosen.some(
          (x) => fullName(x) !== fullName(other) && !anyRule(dir, x, other, selectingPolicies(dir, x, c.policies), c),
        ),
      )
      .map(fullName);
  }
  return { list: 'policy', view, hop: subjectHop(chosen, true), others, shut, untouched, ...common(c) };
}

/** Every running pod of `namespace` as the client of `to`: egress at the source, ingress at `to`. */
export function decideSources(
  namespace: string,
  to: Pod,
  port: number | undefined,
  protocol: string,
  c: ListContext,
): SourcesDecision {
  const sources = c.pods.filter(
    (x) => x.metadata.namespace === namespace && isRunning(x) && x.metadata.uid !== to.metadata.uid,
  );
  const rows = sources.map((src): SourceRow => {
    const ingress = verdict('Ingress', to, peerOf(src), port, protocol, c.policies, c.namespaces);
    const egress = verdict('Egress', src, peerOf(to), port, protocol, c.policies, c.namespaces, to);
    return { pod: fullName(src), ingress, egress, ports: port === undefined ? openPorts(src, to, c) : undefined };
  });
  return {
    list: 'sources',
    namespace,
    to: fullName(to),
    toNamespace: to.metadata.namespace ?? 'default',
    port,
    protocol,
    rows,
    ...common(c),
  };
}

/** Without a port: the ports some ingress rule at `to` opens to `src` (undefined: every port, or not isolated). */
function openPorts(src: Pod, to: Pod, c: ListContext): string[] | undefined {
  const policies = selectingPolicies('Ingress', to, c.policies);
  if (!policies.length) return undefined;
  const ns = to.metadata.namespace ?? '';
  const words: string[] = [];
  for (const p of policies)
    for (const r of p.spec?.ingress ?? []) {
      const ok = !r.from?.length || r.from.some((x) => peerMatches(x, ns, peerOf(src), c.namespaces));
      if (!ok) continue;
      if (!r.ports?.length) return undefined;
      words.push(...r.ports.map(portWords));
    }
  return [...new Set(words)];
}

export function portWords(p: NonNullable<NetworkPolicyRule['ports']>[number]): string {
  const proto = (p.protocol ?? 'TCP').toUpperCase();
  if (p.port === undefined) return `${proto} (every port)`;
  if (typeof p.port === 'string') return `${proto} port named ${p.port}`;
  return p.endPort ? `${proto} ${p.port}-${p.endPort}` : `${proto} ${p.port}`;
}

/**
 * The name a set of pods goes by: a lone pod with a stable name (a StatefulSet's "db-0", a bare pod) is itself;
 * replicas with generated names are their workload, `ns/api`, when they are one workload's.
 * https://kubernetes.io/docs/concepts/workloads/controllers/statefulset/
 */
export function subjectHop(pods: Pod[], asWorkload: boolean): string | undefined {
  if (!pods.length) return undefined;
  const owners = pods[0].metadata.ownerReferences ?? [];
  const stable = !owners.length || owners.some((o) => o.kind === 'StatefulSet');
  if (pods.length === 1 && (!asWorkload || stable)) return fullName(pods[0]);
  const workloads = [...new Set(pods.map(workloadOf))];
  const ns = pods[0].metadata.namespace ?? 'default';
  return workloads.length === 1 ? `${ns}/${workloads[0]}` : fullName(pods[0]);
}
