// Cluster DNS (CoreDNS / OpenShift DNS): which Service a name means from a
// given namespace. Short names resolve only in the client's own namespace
// (search path <ns>.svc.cluster.local, svc.cluster.local, cluster.local).
// https://kubernetes.io/docs/concepts/services-networking/dns-pod-service/
import type { Service } from '../inventory/k8s-types';

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
