// Cluster DNS (CoreDNS / OpenShift DNS): which Service a name means from a
// given namespace. Short names resolve only in the client's own namespace
// (search path <ns>.svc.cluster.local, svc.cluster.local, cluster.local).
// https://kubernetes.io/docs/concepts/services-networking/dns-pod-service/
import type { EndpointSlice, Endpoints, Pod, Service } from '../inventory/k8s-types';
import { endpointsOf, pickServicePort } from './endpoints';
import { AZURE_PLATFORM_IP } from './ip';
import { podIp } from './kube';

const CLUSTER_DOMAIN = 'cluster.local';

export type DnsAnswer = { service: Service; fqdn: string; hostname?: string } | { error: string; suggestion?: string };

export const serviceFqdn = (s: Service): string => `${s.metadata.name}.${s.metadata.namespace}.svc.${CLUSTER_DOMAIN}`;

export function resolveServiceName(name: string, fromNs: string, services: Service[]): DnsAnswer {
  const n = name.toLowerCase().replace(/\.$/, '');
  const find = (svc: string, ns: string) =>
    services.find((s) => s.metadata.name === svc && s.metadata.namespace === ns);
  const suffix = `.svc.${CLUSTER_DOMAIN}`;
  const labels = (n.endsWith(suffix) ? n.slice(0, -suffix.length) : n.endsWith('.svc') ? n.slice(0, -4) : n).split('.');
  if (labels.length === 1) {
    const s = find(labels[0], fromNs);
    if (s) return { service: s, fqdn: serviceFqdn(s) };
    const elsewhere = services.filter((x) => x.metadata.name === labels[0]);
    if (elsewhere.length) {
      const where = elsewhere.map((x) => `${x.metadata.name}.${x.metadata.namespace}`);
      const shortName = `"${name}" is a short name: it resolves only inside the client's namespace ${fromNs}`;
      return {
        error: `${shortName}, where there is no such Service; from ${fromNs} use ${where.join(' or ')}`,
        suggestion: where[0],
      };
    }
    return { error: `no Service "${name}" in namespace ${fromNs}` };
  }
  if (labels.length === 2) {
    const s = find(labels[0], labels[1]);
    return s ? { service: s, fqdn: serviceFqdn(s) } : { error: `no Service ${labels[0]} in namespace ${labels[1]}` };
  }
  if (labels.length === 3) {
    // <hostname>.<headless svc>.<ns>: one pod of a headless Service (StatefulSet)
    // (a pod's hostname and subdomain fields: https://kubernetes.io/docs/concepts/services-networking/dns-pod-service/)
    const s = find(labels[1], labels[2]);
    return s
      ? {
          service: s,
          fqdn: `${n.endsWith(suffix) ? n : labels.join('.') + suffix}`,
          hostname: labels[0],
        }
      : { error: `no Service ${labels[1]} in namespace ${labels[2]}` };
  }
  return {
    error: `"${name}" is not a cluster Service name (expected svc, svc.ns or svc.ns.svc.${CLUSTER_DOMAIN})`,
  };
}

// a headless Service has no ClusterIP: its name resolves straight to the ready pod IPs
// https://kubernetes.io/docs/concepts/services-networking/service/#headless-services
export const isHeadless = (s: Service): boolean => s.spec?.clusterIP === 'None';

/** The cluster DNS Service: AKS CoreDNS (kube-system/kube-dns), OpenShift DNS (openshift-dns/dns-default). */
// AKS: https://learn.microsoft.com/azure/aks/coredns-custom
// OpenShift: https://docs.openshift.com/container-platform/4.6/networking/dns-operator.html
export function clusterDnsService(services: readonly Service[]): Service | undefined {
  const named = (ns: string, name: string) =>
    services.find((s) => s.metadata.namespace === ns && s.metadata.name === name);
  return (
    named('kube-system', 'kube-dns') ??
    named('openshift-dns', 'dns-default') ??
    services.find((s) => s.metadata.labels?.['k8s-app'] === 'kube-dns')
  );
}

/** A pod of the cluster DNS itself, by its name: CoreDNS (and node-local DNS) on AKS, dns-default on OpenShift. */
// AKS: https://learn.microsoft.com/azure/aks/coredns-custom
// OpenShift: https://docs.openshift.com/container-platform/4.16/networking/dns-operator.html
export const isClusterDnsPod = (name: string): boolean =>
  /^(coredns|kube-dns|dns-default|node-local-?dns)(-|$)/.test(name);

/** A name the cluster DNS answers itself: the cluster domain, svc / svc.ns / host.svc.ns of a known namespace. */
export function isClusterName(name: string, namespaces: ReadonlySet<string>): boolean {
  const n = name.toLowerCase().replace(/\.$/, '');
  if (n === CLUSTER_DOMAIN || n.endsWith(`.${CLUSTER_DOMAIN}`) || n.endsWith('.svc')) return true;
  const labels = n.split('.');
  return labels.length <= 3 && namespaces.has(labels[labels.length - 1]);
}

/** What a pod's /etc/resolv.conf gets from its dnsPolicy and dnsConfig. */
export interface ResolvConf {
  policy: string;
  /** dnsPolicy as the pod spec says it; undefined: not in the object (ClusterFirst is the default) */
  said?: string;
  /** cluster: the cluster DNS Service; node: the node's resolv.conf (the VNet's DNS); custom: dnsConfig only */
  via: 'cluster' | 'node' | 'custom';
  /** a hostNetwork pod with ClusterFirst: it falls back to Default */
  hostNetFallback?: boolean;
  /** nameservers from dnsConfig (added to the policy's, or alone with None) */
  extraNameservers: string[];
  searches: string[];
  ndots: number;
}

// dnsPolicy: ClusterFirst (default) asks the cluster DNS; Default inherits the node's resolv.conf;
// ClusterFirst with hostNetwork falls back to Default; None takes dnsConfig alone; dnsConfig is merged otherwise;
// ClusterFirst search path <ns>.svc.cluster.local svc.cluster.local cluster.local with ndots:5
// https://kubernetes.io/docs/concepts/services-networking/dns-pod-service/
export function resolvConfOf(pod: { metadata: { namespace?: string }; spec?: PodDnsSpec }): ResolvConf {
  const said = pod.spec?.dnsPolicy;
  const policy = said ?? 'ClusterFirst';
  const cfg = pod.spec?.dnsConfig;
  const hostNetFallback = policy === 'ClusterFirst' && !!pod.spec?.hostNetwork;
  const via = policy === 'None' ? 'custom' : policy === 'Default' || hostNetFallback ? 'node' : ('cluster' as const);
  const ns = pod.metadata.namespace ?? 'default';
  const clusterSearch =
    via === 'cluster' ? [`${ns}.svc.${CLUSTER_DOMAIN}`, `svc.${CLUSTER_DOMAIN}`, CLUSTER_DOMAIN] : [];
  const ndots = ndotsOf(cfg?.options, via === 'cluster' ? 5 : 1);
  const searches = [...new Set([...clusterSearch, ...(cfg?.searches ?? [])])];
  return { policy, said, via, hostNetFallback, extraNameservers: cfg?.nameservers ?? [], searches, ndots };
}

/** dnsConfig's ndots option, else the policy's (5 with the cluster search path, the resolver's 1 otherwise). */
function ndotsOf(options: { name: string; value?: string }[] | undefined, fallback: number): number {
  const v = options?.find((o) => o.name === 'ndots')?.value;
  return v !== undefined && /^\d+$/.test(v) ? Number(v) : fallback;
}

interface PodDnsSpec {
  hostNetwork?: boolean;
  dnsPolicy?: string;
  dnsConfig?: { nameservers?: string[]; searches?: string[]; options?: { name: string; value?: string }[] };
}

/** The names a lookup tries, in order: with fewer dots than ndots, the search domains first. */
export function lookupOrder(name: string, conf: ResolvConf): string[] {
  const n = name.replace(/\.$/, '');
  if (name.endsWith('.')) return [n];
  const dots = n.split('.').length - 1;
  const searched = conf.searches.map((s) => `${n}.${s}`);
  return dots >= conf.ndots ? [n, ...searched] : [...searched, n];
}

/** Azure-provided DNS: the virtual IP every VNet without custom DNS servers resolves through. */
export const AZURE_DNS = AZURE_PLATFORM_IP;

/**
 * A name that is another name with a search domain appended ("db.shop.svc.cluster.local.shop.svc.cluster.local"):
 * the resolver's try of that search domain, which the cluster DNS answers NXDOMAIN before it asks the name itself.
 */
// https://kubernetes.io/docs/concepts/services-networking/dns-pod-service/#namespaces-of-services
export function searchTry(name: string, searches: readonly string[]): { base: string; domain: string } | undefined {
  const n = name.toLowerCase().replace(/\.$/, '');
  const domain = [...searches].sort((a, b) => b.length - a.length).find((s) => n.endsWith(`.${s.toLowerCase()}`));
  return domain ? { base: n.slice(0, -domain.length - 1), domain } : undefined;
}

/** The search list of a ClusterFirst pod in a namespace. */
export const clusterSearches = (ns: string): string[] => [
  `${ns}.svc.${CLUSTER_DOMAIN}`,
  `svc.${CLUSTER_DOMAIN}`,
  CLUSTER_DOMAIN,
];

/** What one answer read of the cluster: the pods and the endpoints the records come from. */
interface RecordSources {
  pods?: Pod[];
  slices?: EndpointSlice[];
  legacy?: Endpoints[];
}

// a Service's name resolves to its ClusterIP; a headless Service has none, so its name answers with the ready pod IPs,
// and <hostname>.<svc>.<ns> with that one pod's IP; undefined when what the records come from was not read
// https://kubernetes.io/docs/concepts/services-networking/dns-pod-service/
export function recordsOf(a: Extract<DnsAnswer, { service: Service }>, f: RecordSources): string[] | undefined {
  const { service, hostname } = a;
  const ns = service.metadata.namespace;
  if (hostname) {
    if (!f.pods) return undefined;
    const named = f.pods.filter((p) => p.metadata.name === hostname && p.metadata.namespace === ns);
    return named.map((p) => podIp(p)).filter((ip): ip is string => !!ip);
  }
  if (!isHeadless(service)) return service.spec?.clusterIP ? [service.spec.clusterIP] : undefined;
  if (!f.slices && !f.legacy) return undefined;
  const eps = endpointsOf(service, pickServicePort(service), f.slices ?? [], f.legacy ?? [], f.pods ?? []);
  return eps.filter((e) => e.ready).map((e) => e.ip);
}
