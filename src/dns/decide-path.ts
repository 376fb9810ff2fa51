// The resolution path of a pod (or of the cluster): the server its resolv.conf
// names, the DNS pods behind the cluster DNS Service, and the upstream they
// forward names outside the cluster to, with the source each one sees. Pure.
import type { ClusterInfo } from '../inventory/inventory';
import type { Pod, Service } from '../inventory/k8s-types';
import type { NodeOnAzure } from '../path/azure-node';
import { privateLinkZone } from '../path/azure-services';
import {
  AZURE_DNS,
  clusterDnsService,
  clusterSearches,
  searchTry,
  lookupOrder,
  recordsOf,
  resolvConfOf,
  resolveServiceName,
  type DnsAnswer,
  type ResolvConf,
} from '../path/dns';
import { endpointsOf } from '../path/endpoints';
import { clusterSource, type ClusterSource } from '../path/egress-rules';
import { nodeIp, podIp } from '../path/kube';
import type { DnsDecision } from './decide';
import type { DnsFacts } from './facts';
import type { DnsPathAsk } from './resolve';

export interface DnsPod {
  name: string;
  namespace: string;
  ip: string;
  node?: string;
  ready: boolean;
}

/** Where the node's resolv.conf points: NIC DNS servers, the VNet's custom ones, or Azure-provided DNS. */
export interface Upstream {
  servers: string[];
  from: 'nic' | 'vnet' | 'azure' | 'unread';
  vnet?: string;
  vnetGroup?: string;
  nic?: string;
  nicGroup?: string;
  node?: string;
}

/** A route's or ingress's host and the address public DNS gives it (the inbound answer's front door). */
export type ServedHost = Extract<DnsDecision, { kind: 'external' }>;

export interface DnsPathDecision {
  kind: 'path';
  platform: 'aks' | 'aro' | 'unknown';
  pod?: Pod;
  podIp?: string;
  /** the pod's node IP (a hostNetwork pod's source) */
  podNodeIp?: string;
  conf?: ResolvConf;
  /** the cluster DNS Service and the pods behind it */
  dns?: { service: Service; ip: string; pods: DnsPod[]; unlisted?: string };
  /** no cluster DNS Service read: the address the kubelet gives pods as their nameserver (AKS dnsServiceIp) */
  kubeletDns?: string;
  upstream: Upstream;
  /** the source address the upstream sees (the DNS pod's, or the pod's own when it skips the cluster DNS) */
  upstreamSees: ClusterSource;
  /** the source the DNS pods see: the pod IP (pod to pod is not translated), the node IP for hostNetwork */
  dnsPodsSee?: string;
  /** `served`: a host our route or ingress serves, with the address public DNS gives it */
  outside?: { name: string; order: string[]; privateLink?: string; served?: ServedHost };
  /** a cluster name asked with path words: the cluster DNS answers it itself */
  clusterName?: {
    name: string;
    answer: DnsAnswer;
    /** what the cluster DNS answers: the ClusterIP, a headless Service's ready pod IPs, or one pod's IP */
    addresses?: string[];
    /** the name asked was this one with a search domain appended (a try of the search list) */
    searched?: { tried: string; domain: string; ndots?: number };
    /** "payments.shop": written as <service>.<namespace> of a namespace the cluster has, and no such Service */
    missing?: boolean;
  };
  pasted?: { server: string; is: 'cluster-dns' | 'upstream' | 'dns-config' | 'other'; symptom?: DnsPathAsk['symptom'] };
  replicas?: DnsPathAsk['replicas'];
}

const platformOf = (c?: ClusterInfo): DnsPathDecision['platform'] =>
  c?.kind === 'aro' || c?.kind === 'aks' ? c.kind : 'unknown';

export function decidePath(ask: DnsPathAsk, name: string, f: DnsFacts): DnsPathDecision {
  const p = f.path ?? {};
  const pod = ask.pod;
  const conf = pod ? resolvConfOf(pod) : undefined;
  const podNode = pod && p.nodes?.find((n) => n.metadata.name === pod.spec?.nodeName);
  const podNodeIp = podNode ? nodeIp(podNode) : undefined;
  const dns = clusterDns(f);
  const upstream = upstreamOf(p.upstreamNode);
  const viaNode = conf?.via === 'node';
  // the packet to the upstream leaves from the DNS pod (CoreDNS forwards from its own pod), or from the pod itself
  const sender = viaNode ? pod : f.pods?.find((x) => x.metadata.name === dns?.pods.find((d) => d.ready)?.name);
  const upstreamSees = clusterSource({
    cluster: p.cluster,
    podIp: sender ? podIp(sender) : undefined,
    nodeIp: p.upstreamNode?.nodeIp,
    hostNetwork: !!sender?.spec?.hostNetwork,
    egressIps: [],
    destination: upstream.servers[0],
  });
  const ip = pod ? podIp(pod) : undefined;
  const dnsPodsSee = pod ? (pod.spec?.hostNetwork ? podNodeIp : ip) : undefined;
  return {
    kind: 'path',
    platform: platformOf(p.cluster),
    pod,
    podIp: ip,
    podNodeIp,
    conf,
    dns,
    kubeletDns: kubeletDns(dns, p.cluster),
    upstream,
    upstreamSees,
    dnsPodsSee,
    outside: ask.outside ? outsideOf(ask.outside, conf) : undefined,
    clusterName: clusterNameOf(ask, name, f, pod),
    pasted: ask.pastedServer ? pastedOf(ask, dns?.ip, upstream, conf) : undefined,
    replicas: ask.replicas,
  };
}

/** No cluster DNS Service read: AKS's dnsServiceIp is the nameserver the kubelet gives every pod
 * (https://learn.microsoft.com/azure/aks/configure-kubenet, DNS service IP) */
const kubeletDns = (dns: DnsPathDecision['dns'], c?: ClusterInfo): string | undefined =>
  dns ? undefined : c?.dnsServiceIp;

function clusterDns(f: DnsFacts): DnsPathDecision['dns'] {
  const service = clusterDnsService(f.services ?? []);
  if (!service) return undefined;
  const eps = endpointsOf(service, service.spec?.ports?.[0], f.slices ?? [], f.legacy ?? [], f.pods ?? []);
  const podOf = (name?: string) => f.pods?.find((x) => x.metadata.name === name);
  const pods = eps.map((e) => ({
    name: e.podName ?? e.ip,
    namespace: e.namespace,
    ip: e.ip,
    node: e.nodeName ?? podOf(e.podName)?.spec?.nodeName,
    ready: e.ready,
  }));
  const unlisted = !f.slices && !f.legacy ? 'endpoint slices or endpoints' : undefined;
  return { service, ip: service.spec?.clusterIP ?? '', pods, unlisted };
}

// CoreDNS and OpenShift DNS forward names outside the cluster to the node's /etc/resolv.conf: the NIC's DNS servers,
// else the VNet's custom servers (dhcpOptions), else Azure-provided DNS 168.63.129.16
// https://learn.microsoft.com/azure/virtual-network/virtual-networks-name-resolution-for-vms-and-role-instances
function upstreamOf(at?: NodeOnAzure): Upstream {
  const where = {
    vnet: at?.vnet?.name,
    vnetGroup: at?.vnet?.resourceGroup,
    nic: at?.nic?.name,
    nicGroup: at?.nic?.resourceGroup,
    node: at?.node.metadata.name,
  };
  const nicServers = (at?.nic?.dnsServers ?? []).filter((s) => s !== 'AzureProvidedDNS');
  if (nicServers.length) return { servers: nicServers, from: 'nic', ...where };
  if (at?.vnet?.dnsServers?.length) return { servers: at.vnet.dnsServers, from: 'vnet', ...where };
  return { servers: [AZURE_DNS], from: at?.vnet ? 'azure' : 'unread', ...where };
}

function outsideOf(name: string, conf?: ResolvConf): DnsPathDecision['outside'] {
  // a name with fewer dots than ndots is first tried with each search domain (answered NXDOMAIN by the cluster DNS)
  // https://kubernetes.io/docs/concepts/services-networking/dns-pod-service/
  const order = conf ? lookupOrder(name, conf) : [name];
  return { name, order, privateLink: privateLinkZone(name) };
}

function clusterNameOf(ask: DnsPathAsk, name: string, f: DnsFacts, pod?: Pod): DnsPathDecision['clusterName'] {
  if (!name || ask.outside || !f.services) return undefined;
  if (pod && name === pod.metadata.name) return undefined;
  const fromNs = pod?.metadata.namespace ?? 'default';
  const answer = resolveServiceName(name, fromNs, f.services);
  if ('error' in answer && name.includes('.')) {
    const searched = searchedName(name, fromNs, f.services, pod);
    if (searched && !('error' in searched.answer)) return { ...searched, addresses: recordsOf(searched.answer, f) };
  }
  if (!('error' in answer)) return { name, answer, addresses: recordsOf(answer, f) };
  if (!name.includes('.')) return undefined;
  // https://kubernetes.io/docs/concepts/services-networking/dns-pod-service/#namespaces-of-services
  const labels = name.split('.');
  const missing = labels.length === 2 && f.services.some((s) => s.metadata.namespace === labels[1]);
  return { name, answer, ...(missing ? { missing } : {}) };
}

// a name with fewer dots than ndots is first tried with each search domain appended; the try of a name that already
// ends in the cluster domain asks e.g. svc.ns.svc.cluster.local.ns.svc.cluster.local, which does not exist
// https://kubernetes.io/docs/concepts/services-networking/dns-pod-service/#namespaces-of-services
function searchedName(name: string, fromNs: string, services: Service[], pod?: Pod): DnsPathDecision['clusterName'] {
  const conf = pod ? resolvConfOf(pod) : undefined;
  const namespaces = [...new Set(services.map((s) => s.metadata.namespace ?? 'default'))];
  const searches = conf?.searches.length
    ? conf.searches
    : [...new Set([fromNs, ...namespaces].flatMap(clusterSearches))];
  const s = searchTry(name, searches);
  if (!s) return undefined;
  const answer = resolveServiceName(s.base, fromNs, services);
  if ('error' in answer) return undefined;
  return { name: s.base, answer, searched: { tried: name, domain: s.domain, ndots: conf?.ndots } };
}

function pastedOf(ask: DnsPathAsk, dnsIp: string | undefined, up: Upstream, conf?: ResolvConf) {
  const server = ask.pastedServer!;
  const is =
    server === dnsIp
      ? 'cluster-dns'
      : conf?.extraNameservers.includes(server)
        ? 'dns-config'
        : up.servers.includes(server)
          ? 'upstream'
          : 'other';
  return { server, is, symptom: ask.symptom } as const;
}
