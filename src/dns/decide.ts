// What a name resolves to from a namespace, as rules: a short name needs a
// namespace, a Service name resolves to its ClusterIP, a headless Service's
// to its ready pod IPs, <hostname>.<svc>.<ns> to that pod's IP. Pure.
// https://kubernetes.io/docs/concepts/services-networking/dns-pod-service/
import type { Pod, Service } from '../inventory/k8s-types';
import { clusterDnsService, isHeadless, recordsOf, resolvConfOf, resolveServiceName } from '../path/dns';
import { inbound } from '../inbound';
import type { InboundFacts } from '../inbound/facts';
import type { InboundSubjects } from '../inbound/resolve';
import { isIpv4 } from '../path/ip';
import { fullName } from '../path/kube';
import { decidePath, type DnsPathDecision } from './decide-path';
import type { DnsFacts } from './facts';
import type { DnsSubjects } from './resolve';

interface Resolved {
  name: string;
  from?: Pod;
  replicas?: DnsSubjects['replicas'];
  fromNs: string;
  fqdn: string;
  service: Service;
  addresses: string[];
  /** the lookup that failed when the addresses could not be read (then they are not known to be none) */
  unlisted?: string;
  /** the cluster DNS the pod looked up from sends its query to (its resolv.conf nameserver): its Service when read */
  nameserver?: { service?: Service; ip: string };
}

export type DnsDecision =
  /** the resolution path of a pod or of a name outside the cluster */
  | DnsPathDecision
  /** the Services could not be listed: nothing can be said */
  | { kind: 'services-unknown'; name: string }
  /** a short name asked without a namespace: the Services of that name, in their namespaces */
  | { kind: 'short-name'; name: string; matches: Service[] }
  /** `whether`: asked as yes or no ("does the short name api work from ingress-nginx?"): "no" answers it */
  /** `askedFrom`: the pods said as the ones looking it up ("from the ingress-nginx pods"): named in the answer */
  | {
      kind: 'not-resolvable';
      name: string;
      fromNs: string;
      error: string;
      suggestion?: string;
      whether?: boolean;
      askedFrom?: string[];
    }
  | ({ kind: 'cluster-ip' } & Resolved)
  | ({ kind: 'headless' } & Resolved)
  /** <hostname>.<svc>.<ns>: one pod of a (headless) Service, a StatefulSet's */
  | ({ kind: 'hostname'; hostname: string; headless: boolean } & Resolved)
  /** a route / ingress host: the address the inbound path enters by (the front Service's external IP) */
  | {
      kind: 'external';
      name: string;
      by: string;
      ip?: string;
      front?: string;
      wildcard?: string;
      /** the front door when it is no Service: "Application Gateway aks-agw" */
      gateway?: string;
      /** the frontend FQDN a CNAME points to (Application Gateway for Containers) */
      cname?: string;
    };

export function decide(s: DnsSubjects, f: DnsFacts): DnsDecision {
  const { name } = s;
  if (s.path)
    return withServed(
      decidePath(s.path, name, f),
      s.path.served && f.external && external(s.path.served, f.external, name),
    );
  if (s.external && f.external) return external(s.external, f.external, name);
  if (!f.services) return { kind: 'services-unknown', name };
  // a pod with dnsPolicy None or Default (or ClusterFirst on hostNetwork) does not ask the cluster DNS: its path
  // says why a cluster name does not resolve from it
  // https://kubernetes.io/docs/concepts/services-networking/dns-pod-service/#pod-s-dns-policy
  if (s.from && resolvConfOf(s.from).via !== 'cluster') return decidePath({ pod: s.from }, name, f);
  // from a pod: its namespace; else the one asked; a dotted name is absolute enough from default
  const fromNs = s.from?.metadata.namespace ?? s.namespace ?? (name.split('.').length === 1 ? undefined : 'default');
  const matches = f.services.filter((x) => x.metadata.name === name);
  // a short name resolves through the search path of the client's namespace: with one such Service, from its own
  // https://kubernetes.io/docs/concepts/services-networking/dns-pod-service/
  if (!fromNs && matches.length !== 1) return { kind: 'short-name', name, matches };
  return resolveFrom(s, f, f.services, fromNs ?? matches[0].metadata.namespace ?? 'default');
}

function resolveFrom(s: DnsSubjects, f: DnsFacts, services: Service[], fromNs: string): DnsDecision {
  const { name } = s;
  const d = resolveServiceName(name, fromNs, services);
  if ('error' in d)
    return {
      kind: 'not-resolvable',
      name,
      fromNs,
      error: d.error,
      suggestion: d.suggestion,
      whether: s.whether,
      ...(s.from ? { askedFrom: s.replicas?.pods ?? [s.from.metadata.name] } : {}),
    };
  const { service, fqdn, hostname } = d;
  const base = { name, from: s.from, replicas: s.replicas, fromNs, fqdn, service, nameserver: nameserverOf(s, f) };
  const addresses = recordsOf(d, f) ?? [];
  // <hostname>.<svc>.<ns>: the IP of that pod of the Service
  if (hostname)
    return { kind: 'hostname', headless: isHeadless(service), ...base, hostname, addresses, unlisted: unread(f.pods) };
  if (!isHeadless(service)) return { kind: 'cluster-ip', ...base, addresses: [service.spec?.clusterIP ?? ''] };
  const unlisted = !f.slices && !f.legacy ? 'endpoint slices or endpoints' : undefined;
  return { kind: 'headless', ...base, addresses, unlisted };
}

// a ClusterFirst pod's resolv.conf names the cluster DNS Service's ClusterIP, and that server answers Service names
// https://kubernetes.io/docs/concepts/services-networking/dns-pod-service/#pod-s-dns-policy
function nameserverOf(s: DnsSubjects, f: DnsFacts): Resolved['nameserver'] {
  if (!s.from) return undefined;
  const dns = clusterDnsService(f.services ?? []);
  const ip = dns?.spec?.clusterIP;
  if (dns && ip && ip !== 'None') return { service: dns, ip };
  return f.dnsServiceIp ? { ip: f.dnsServiceIp } : undefined;
}

const unread = (pods?: Pod[]) => (pods ? undefined : 'pods');

/** A host our route or ingress serves, looked up upstream from a pod: what public DNS answers for it. */
function withServed(d: DnsPathDecision, served: DnsDecision | undefined): DnsPathDecision {
  if (!d.outside || served?.kind !== 'external') return d;
  return { ...d, outside: { ...d.outside, served } };
}

/** The host's address as the inbound answer has it: one rule for both answers. */
function external(subjects: InboundSubjects, f: InboundFacts, name: string): DnsDecision {
  const d = inbound.decide(subjects, f);
  // AGIC writes the gateway's frontend IP on the Ingress: the host's A record points there
  // https://azure.github.io/application-gateway-kubernetes-ingress/how-tos/dns
  if (d.kind === 'app-gateway') {
    const gateway = d.path.gateway ? `Application Gateway ${d.path.gateway.name}` : 'the Application Gateway';
    return { kind: 'external', name, by: `ingress ${fullName(d.path.ingress)}`, ip: d.path.frontendIp, gateway };
  }
  // each Application Gateway for Containers frontend has a generated FQDN that the host's CNAME points to
  // https://learn.microsoft.com/azure/application-gateway/for-containers/application-gateway-for-containers-components
  if (d.kind === 'gateway-api') {
    const { address, gateway: gw, agc } = d.path;
    const gateway = `${agc ? 'Application Gateway for Containers, ' : ''}Gateway ${gw ? fullName(gw) : 'unknown'}`;
    const ip = address && isIpv4(address) ? address : undefined;
    const cname = address && !ip ? address : undefined;
    return { kind: 'external', name, by: `HTTPRoute ${fullName(d.path.route)}`, ip, cname, gateway };
  }
  const by = subjects.route
    ? `route ${fullName(subjects.route)}`
    : `ingress ${subjects.ingress ? fullName(subjects.ingress) : name}`;
  if (!('entry' in d)) return { kind: 'external', name, by };
  const { ip, front, wildcard } = d.entry;
  return { kind: 'external', name, by, ip, front: fullName(front), wildcard };
}
