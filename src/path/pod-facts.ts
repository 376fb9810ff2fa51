// "Where is pod X?" — IP, node, phase, owner, and environment variables that
// point at other services. Values that may be secret are never shown.
import type { Inventory } from '../inventory/inventory';
import { looksSecret } from '../secrets';
import type { EnvVar, Pod } from '../inventory/k8s-types';
import { serviceFqdn } from './dns';
import { nodeIp, podIp } from './kube';
import { result, type Fact, type PathResult } from './result';
import { Trace } from './trace';

/** How an env var may be shown: a literal only when nothing suggests a secret. */
export function envDisplay(e: EnvVar): string {
  if (e.valueFrom) {
    const ref = e.valueFrom as Record<string, { name?: string; key?: string; fieldPath?: string; resource?: string }>;
    if (ref.secretKeyRef) return `from Secret ${ref.secretKeyRef.name}/${ref.secretKeyRef.key} (value not shown)`;
    if (ref.configMapKeyRef) return `from ConfigMap ${ref.configMapKeyRef.name}/${ref.configMapKeyRef.key}`;
    if (ref.fieldRef) return `from field ${ref.fieldRef.fieldPath}`;
    if (ref.resourceFieldRef) return `from resource ${ref.resourceFieldRef.resource}`;
    return 'from a reference';
  }
  if (looksSecret(e.name, e.value)) return '(hidden: looks secret)';
  return e.value ?? '';
}

export async function podFacts(inv: Inventory, pod: Pod, trace = new Trace()): Promise<PathResult> {
  const [nodes, services] = await Promise.all([
    trace.try('nodes', () => inv.list('Node')),
    trace.try('services', () => inv.list('Service')),
  ]);
  const ns = pod.metadata.namespace ?? 'default';
  const node = (nodes ?? []).find((n) => n.metadata.name === pod.spec?.nodeName);
  const owner = pod.metadata.ownerReferences?.find((o) => o.controller) ?? pod.metadata.ownerReferences?.[0];
  const ip = podIp(pod);
  const facts: Fact[] = [
    { label: 'Namespace', value: ns },
    {
      label: 'Pod IP',
      value: ip ?? 'none' + (pod.spec?.hostNetwork ? ' (host network)' : ''),
    },
    {
      label: 'Node',
      value: node ? `${node.metadata.name} (${nodeIp(node)})` : (pod.spec?.nodeName ?? 'not scheduled'),
    },
    { label: 'Phase', value: pod.status?.phase ?? 'unknown' },
  ];
  if (owner) facts.push({ label: 'Owner', value: `${owner.kind} ${owner.name}` });
  if (pod.spec?.hostNetwork) facts.push({ label: 'Network', value: 'host network: uses the node IP' });
  // env vars that name other services (hostnames, FQDNs, ClusterIPs) or come from references
  const svcNames = new Set(
    (services ?? [])
      .flatMap((s) => [
        serviceFqdn(s),
        `${s.metadata.name}.${s.metadata.namespace}`,
        s.spec?.clusterIP ?? '',
        ...(s.metadata.namespace === ns ? [s.metadata.name] : []),
      ])
      .filter(Boolean),
  );
  for (const c of pod.spec?.containers ?? []) {
    for (const e of c.env ?? []) {
      const shown = envDisplay(e);
      const literal = e.value ?? '';
      const pointsAtService = [...svcNames].some(
        (n) =>
          literal === n ||
          literal.includes(`${n}:`) ||
          literal.includes(`//${n}`) ||
          (n.includes('.') && literal.includes(n)),
      );
      if (e.valueFrom || pointsAtService || /\.(svc|cluster\.local)\b|^[a-z0-9.-]+\.[a-z]{2,}(:\d+)?$/i.test(literal)) {
        facts.push({ label: `env ${e.name}`, value: shown });
      }
    }
  }
  const running = pod.status?.phase === 'Running';
  return result(
    'pod',
    'answered',
    `${pod.metadata.name} (${ns}) ${running ? 'runs' : `is ${pod.status?.phase ?? 'in an unknown phase'}`} on node ${pod.spec?.nodeName ?? '(none)'}${node ? ` (${nodeIp(node)})` : ''} with IP ${ip ?? 'none'}${owner ? `; owned by ${owner.kind} ${owner.name}` : ''}.`,
    {
      title: `${pod.metadata.name}: ${ip ?? 'no IP'} on ${pod.spec?.nodeName ?? '?'}`,
      facts,
      errors: trace.errors,
      verify: [
        `kubectl get pod ${pod.metadata.name} -n ${ns} -o wide`,
        `kubectl get pod ${pod.metadata.name} -n ${ns} -o jsonpath='{range .spec.containers[*].env[*]}{.name}{"\\n"}{end}'`,
      ],
      followUps: [
        {
          title: 'Public egress IP',
          question: `what's the public ip of pod ${pod.metadata.name} -n ${ns}`,
        },
      ],
    },
  );
}
