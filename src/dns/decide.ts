// What a name resolves to from a namespace, as rules: a short name needs a
// namespace, a Service name resolves to its ClusterIP, a headless Service's
// to its ready pod IPs, <hostname>.<svc>.<ns> to that pod's IP. Pure.
// https://kubernetes.io/docs/concepts/services-networking/dns-pod-service/
import type { Pod, Service } from '../inventory/k8s-types';
import { isHeadless, resolveServiceName } from '../path/dns';
import { endpointsOf, pickServicePort } from '../path/endpoints';
import { podIp } from '../path/kube';
import type { DnsFacts } from './facts';
import type { DnsSubjects } from './resolve';

interface Resolved {
  name: string;
  from?: Pod;
  fromNs: string;
  fqdn: string;
  service: Service;
  addresses: string[];
  /** the lookup that failed when the addresses could not be read (then they are not known to be none) */
  unlisted?: string;
}

export type DnsDecision =
  /** the Services could not be listed: nothing can be said */
  | { kind: 'services-unknown'; name: string }
  /** a short name asked without a namespace: the Services of that name, in their namespaces */
  | { kind: 'short-name'; name: string; matches: Service[] }
  | { kind: 'not-resolvable'; name: string; fromNs: string; error: string; suggestion?: string }
  | ({ kind: 'cluster-ip' } & Resolved)
  | ({ kind: 'headless' } & Resolved)
  /** <hostname>.<svc>.<ns>: one pod of a (headless) Service, a StatefulSet's */
  | ({ kind: 'hostname'; hostname: string; headless: boolean } & Resolved);

export function decide(s: DnsSubjects, f: DnsFacts): DnsDecision {
  const { name } = s;
  if (!f.services) return { kind: 'services-unknown', name };
  // from a pod: its namespace; else the one asked; a dotted name is absolute enough from default
  const fromNs = s.from?.metadata.namespace ?? s.namespace ?? (name.split('.').length === 1 ? undefined : 'default');
  if (!fromNs) return { kind: 'short-name', name, matches: f.services.filter((x) => x.metadata.name === name) };
  const d = resolveServiceName(name, fromNs, f.services);
  if ('error' in d) return { kind: 'not-resolvable', name, fromNs, error: d.error, suggestion: d.suggestion };
  const { service, fqdn, hostname } = d;
  const base = { name, from: s.from, fromNs, fqdn, service };
  if (hostname) {
    const pods = f.pods ?? [];
    const ns = service.metadata.namespace;
    const named = pods.filter((p) => p.metadata.name === hostname && p.metadata.namespace === ns);
    const addresses = named.map((p) => podIp(p) ?? '');
    const unlisted = !f.pods ? 'pods' : undefined;
    return { kind: 'hostname', hostname, headless: isHeadless(service), ...base, addresses, unlisted };
  }
  if (!isHeadless(service)) return { kind: 'cluster-ip', ...base, addresses: [service.spec?.clusterIP ?? ''] };
  const eps = endpointsOf(service, pickServicePort(service), f.slices ?? [], f.legacy ?? [], f.pods ?? []);
  const unlisted = !f.slices && !f.legacy ? 'endpoint slices or endpoints' : undefined;
  return { kind: 'headless', ...base, addresses: eps.filter((e) => e.ready).map((e) => e.ip), unlisted };
}
