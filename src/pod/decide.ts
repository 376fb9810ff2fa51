// Where a pod runs (IP, node, phase, owner) and which environment variables
// point at other services. Values that may be secret are never shown. Pure.
import type { EnvVar, Pod, Service } from '../inventory/k8s-types';
import { serviceFqdn } from '../path/dns';
import { nodeNamed, servicesInNamespace } from '../path/index';
import { nodeIp, podIp } from '../path/kube';
import { looksSecretName, looksSecretValue, urlOrigin } from '../secrets';
import type { PodFacts } from './facts';
import type { PodSubjects } from './resolve';

export interface PodDecision {
  name: string;
  namespace: string;
  ip?: string;
  hostNetwork: boolean;
  phase?: string;
  running: boolean;
  /** spec.nodeName: where it is scheduled */
  nodeName?: string;
  /** that node, when the cluster has it */
  node?: { name: string; ip?: string };
  owner?: { kind: string; name: string };
  /** env variables worth showing, each as it may be shown */
  env: { name: string; shown: string }[];
}

// https://kubernetes.io/docs/tasks/inject-data-application/define-environment-variable-container/
// https://kubernetes.io/docs/concepts/configuration/secret/
/**
 * How an env var may be shown: a literal only when nothing suggests a secret; a URL as scheme://host:port only
 * (userinfo carries passwords: postgres://admin:…@server).
 */
export function envDisplay(e: EnvVar): string {
  if (e.valueFrom) {
    const ref = e.valueFrom as Record<string, { name?: string; key?: string; fieldPath?: string; resource?: string }>;
    if (ref.secretKeyRef) return `from Secret ${ref.secretKeyRef.name}/${ref.secretKeyRef.key} (value not shown)`;
    if (ref.configMapKeyRef) return `from ConfigMap ${ref.configMapKeyRef.name}/${ref.configMapKeyRef.key}`;
    if (ref.fieldRef) return `from field ${ref.fieldRef.fieldPath}`;
    if (ref.resourceFieldRef) return `from resource ${ref.resourceFieldRef.resource}`;
    return 'from a reference';
  }
  const value = e.value ?? '';
  if (looksSecretName(e.name)) return '(hidden: looks secret)';
  const origin = urlOrigin(value);
  if (origin) return origin === value ? value : `${origin} (the rest not shown)`;
  if (looksSecretValue(value)) return '(hidden: looks secret)';
  return value;
}

// https://kubernetes.io/docs/concepts/services-networking/dns-pod-service/
/** The names a pod in `ns` may give a Service: FQDN, name.namespace, ClusterIP, and the bare name in `ns`. */
interface ServiceNames {
  /** names with a dot: any occurrence in a value counts */
  dotted: Set<string>;
  shortest: number;
  longest: number;
  /** the rest: ClusterIPs without a dot (none, in practice) and the bare names in `ns` */
  bare: string[];
}

/** The cluster-wide names, kept per Services array (10,000 Services: built once, not per question). */
const globalNames = new WeakMap<Service[], ServiceNames>();

function serviceNames(services: Service[], ns: string): ServiceNames {
  let g = globalNames.get(services);
  if (!g) {
    const names = services.flatMap((s) => [
      serviceFqdn(s),
      `${s.metadata.name}.${s.metadata.namespace}`,
      s.spec?.clusterIP ?? '',
    ]);
    const dotted = new Set(names.filter((n) => n.includes('.')));
    const lengths = [...dotted].map((n) => n.length);
    const bare = [...new Set(names.filter((n) => n && !n.includes('.')))];
    g = { dotted, shortest: Math.min(...lengths), longest: Math.max(0, ...lengths), bare };
    globalNames.set(services, g);
  }
  const local = servicesInNamespace(services, ns).map((s) => s.metadata.name);
  return { ...g, bare: [...g.bare, ...local.filter(Boolean)] };
}

const pointsAt = (literal: string, names: ServiceNames): boolean =>
  names.bare.some((n) => literal === n || literal.includes(`${n}:`) || literal.includes(`//${n}`)) ||
  containsAny(literal, names);

/** Whether some dotted name occurs in `literal`: its substrings looked up, not every name searched for. */
function containsAny(literal: string, { dotted, shortest, longest }: ServiceNames): boolean {
  for (let i = 0; i + shortest <= literal.length; i++)
    for (let j = i + shortest; j <= Math.min(literal.length, i + longest); j++)
      if (dotted.has(literal.slice(i, j))) return true;
  return false;
}

const HOSTNAME = /\.(svc|cluster\.local)\b|^[a-z0-9.-]+\.[a-z]{2,}(:\d+)?$/i;

/** Env vars that name other services (hostnames, FQDNs, ClusterIPs) or come from references. */
function envToShow(pod: Pod, services: Service[], ns: string): PodDecision['env'] {
  const names = serviceNames(services, ns);
  return (pod.spec?.containers ?? [])
    .flatMap((c) => c.env ?? [])
    .filter((e) => e.valueFrom || pointsAt(e.value ?? '', names) || HOSTNAME.test(e.value ?? ''))
    .map((e) => ({ name: e.name, shown: envDisplay(e) }));
}

export function decide({ pod }: PodSubjects, f: PodFacts): PodDecision {
  const ns = pod.metadata.namespace ?? 'default';
  const node = nodeNamed(f.nodes, pod.spec?.nodeName);
  const owner = pod.metadata.ownerReferences?.find((o) => o.controller) ?? pod.metadata.ownerReferences?.[0];
  return {
    name: pod.metadata.name,
    namespace: ns,
    ip: podIp(pod),
    hostNetwork: !!pod.spec?.hostNetwork,
    phase: pod.status?.phase,
    running: pod.status?.phase === 'Running',
    nodeName: pod.spec?.nodeName,
    node: node && { name: node.metadata.name, ip: nodeIp(node) },
    owner: owner && { kind: owner.kind, name: owner.name },
    env: envToShow(pod, f.services, ns),
  };
}
