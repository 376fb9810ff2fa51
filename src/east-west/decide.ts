// Pod A → Service / FQDN / pod B inside the cluster, as rules: name
// resolution, DNAT of the ClusterIP at A's node to a ready endpoint, no SNAT
// (B sees A's pod IP), and the NetworkPolicy verdicts of both ends. Pure.
import { egress } from '../egress';
import type { Node, Pod, Service, ServicePort } from '../inventory/k8s-types';
import { isHeadless, resolveServiceName } from '../path/dns';
import { dialedServicePort, endpointsOf, type Endpoint } from '../path/endpoints';
import type { ClusterInfo } from '../inventory/inventory';
import { nodeNamed, serviceFrontAt, type ServiceFront } from '../path/index';
import { nodeIp, podIp } from '../path/kube';
import { enforcementOf, verdict, type Enforcement, type Verdict } from '../path/policy';
import type { EastWestFacts, PairFacts } from './facts';
import type { EastWestSubjects, PairSubjects } from './resolve';

/** A pod at one end, with the addresses the answer shows. */
export interface PodEnd {
  pod: Pod;
  ip?: string;
  /** the IP of the node it runs on */
  nodeIp?: string;
}

/** The Service the client connects through. */
export interface ServiceView {
  service: Service;
  /** the name the client resolved (absent when it connected to the ClusterIP) */
  fqdn?: string;
  port?: ServicePort;
  headless: boolean;
  endpoints: Endpoint[];
  ready: Endpoint[];
  /** dialed at the Service's load balancer or external IP, not its ClusterIP: taken at the client's node as well */
  front?: ServiceFront;
}

/** How a pod-to-pod packet crosses nodes. */
export type Transport = 'kubenet' | 'azure-cni' | 'ovn-kubernetes' | 'openshift-sdn' | 'cluster-network';

export interface PolicyVerdicts {
  /** at the client */
  egress: Verdict;
  /** at the server */
  ingress: Verdict;
  protocol: string;
  /** any NetworkPolicy in the cluster at all (then the answer says how to check them) */
  anyPolicy: boolean;
  /** whether the cluster enforces NetworkPolicy at all */
  enforcement: Enforcement;
  /** other policy objects present and not evaluated: "AdminNetworkPolicy deny-db" */
  unevaluated: string[];
  /** the client's egress verdict were its policies to see the Service address dialed, where it differs */
  forVip?: { vip: string; verdict: Verdict };
}

export interface PathDecision {
  kind: 'path';
  client: PodEnd;
  via?: ServiceView;
  server: PodEnd;
  /** where the client's packets are addressed: the ClusterIP (or pod IP) and port */
  dst: { ip?: string; port?: number };
  /** the ClusterIP translated to the chosen endpoint, at the client's node */
  dnat?: { clusterIp?: string; servicePort?: number; podIp?: string; port?: number };
  sameNode: boolean;
  transport: Transport;
  policy: PolicyVerdicts;
}

/** The Service port whose target is the port asked for: "80 → pod 8080" when 8080 was asked. */
export interface PortMapping {
  servicePort: ServicePort;
  podPort: number;
}

export type EastWestDecision =
  | { kind: 'internet'; egress: ReturnType<typeof egress.decide> }
  | { kind: 'cannot-resolve'; client: PodEnd; name: string; reason: string }
  | { kind: 'no-pod-behind-headless'; client: PodEnd; name: string; hostname: string; service: Service }
  | { kind: 'unknown-ip'; client: PodEnd; ip: string }
  | { kind: 'no-such-port'; client: PodEnd; service: Service; port: number; mapsTo?: PortMapping }
  | { kind: 'no-ready-endpoints'; client: PodEnd; via: ServiceView }
  | { kind: 'pod-not-found'; client: PodEnd; via?: ServiceView }
  | PathDecision;

export function decide(s: EastWestSubjects, f: EastWestFacts): EastWestDecision {
  if (f.kind === 'internet') return { kind: 'internet', egress: egress.decide(f.subjects, f.egress) };
  // facts follow the subjects: pair facts are read only for pair subjects
  return decidePair(s as PairSubjects, f);
}

/** What the client names: a Service (and the pod of a StatefulSet hostname) or a pod. */
interface Target {
  service?: Service;
  fqdn?: string;
  pod?: Pod;
  front?: ServiceFront;
}

function decidePair(s: PairSubjects, f: PairFacts): EastWestDecision {
  const client = podEnd(s.from, f);
  const target = findTarget(s, f, client);
  if ('kind' in target) return target;
  if (!target.service) return target.pod ? pathTo(s, f, client, target.pod) : { kind: 'pod-not-found', client };
  const { service } = target;
  const port = dialedServicePort(service, s.port);
  const noSuchPort = s.port !== undefined && !port;
  // a headless Service is only DNS: the client connects to the pod on the port it asked for
  if (s.port !== undefined && !port && !isHeadless(service))
    return { kind: 'no-such-port', client, service, port: s.port, mapsTo: mappingTo(service, s.port, f) };
  const via = serviceView(service, target, port, f);
  const chosen = target.pod ? endpointOf(target.pod, via) : pickEndpoint(s.from, via, f.pods ?? []);
  if (!chosen) return { kind: 'no-ready-endpoints', client, via };
  if (!chosen.pod) return { kind: 'pod-not-found', client, via };
  const dst = {
    ip: via.headless ? chosen.endpoint.ip : (target.front?.ip ?? service.spec?.clusterIP),
    port: noSuchPort ? s.port : (chosen.endpoint.port ?? port?.port),
  };
  return pathTo(s, f, client, chosen.pod, via, dst);
}

function serviceView(service: Service, target: Target, port: ServicePort | undefined, f: PairFacts): ServiceView {
  const endpoints = endpointsOf(service, port, f.slices ?? [], f.legacy ?? [], f.pods ?? []);
  const { fqdn, front } = target;
  return {
    service,
    fqdn,
    port,
    headless: isHeadless(service),
    endpoints,
    ready: endpoints.filter((e) => e.ready),
    front,
  };
}

/** The Service port that forwards to `podPort` on the pods (its targetPort, by number or container port name). */
function mappingTo(service: Service, podPort: number, f: PairFacts): PortMapping | undefined {
  for (const sp of service.spec?.ports ?? []) {
    if (sp.targetPort === podPort) return { servicePort: sp, podPort };
    const eps = endpointsOf(service, sp, f.slices ?? [], f.legacy ?? [], f.pods ?? []);
    if (typeof sp.targetPort === 'string' && eps.some((e) => e.port === podPort)) return { servicePort: sp, podPort };
  }
  return undefined;
}

function findTarget(s: PairSubjects, f: PairFacts, client: PodEnd): Target | EastWestDecision {
  const { to } = s;
  if (to.pod) return { pod: to.pod };
  const pods = f.pods ?? [];
  if (to.name) {
    const dns = resolveServiceName(to.name, s.from.metadata.namespace ?? 'default', f.services ?? []);
    if ('error' in dns) return { kind: 'cannot-resolve', client, name: to.name, reason: dns.error };
    const { service, fqdn, hostname } = dns;
    if (!hostname) return { service, fqdn };
    // <hostname>.<svc>.<ns>: the pod of that hostname behind the (headless) Service
    const ns = service.metadata.namespace;
    const pod = pods.find((p) => p.metadata.namespace === ns && p.metadata.name === hostname);
    return pod ? { service, fqdn, pod } : { kind: 'no-pod-behind-headless', client, name: to.name, hostname, service };
  }
  if (to.ip) {
    const ip = to.ip;
    const pod = pods.find((p) => podIp(p) === ip && !p.spec?.hostNetwork);
    if (pod) return { pod };
    const services = f.services ?? [];
    const service = services.find((x) => x.spec?.clusterIP === ip || (x.spec?.clusterIPs ?? []).includes(ip));
    if (service) return { service };
    const front = serviceFrontAt(services, ip);
    return front ? { service: front.service, front } : { kind: 'unknown-ip', client, ip };
  }
  return {};
}

/** The endpoint a named pod serves on (its own IP when the Service does not list it). */
function endpointOf(pod: Pod, via: ServiceView): { endpoint: Endpoint; pod: Pod } {
  const listed = via.endpoints.find((e) => e.podName === pod.metadata.name);
  const own = { ip: podIp(pod) ?? '', port: via.port?.port, ready: true, namespace: pod.metadata.namespace ?? '' };
  return { endpoint: listed ?? own, pod };
}

/** The ready endpoint shown (kube-proxy may pick any): one on the client's node when there is one, else the first. */
function pickEndpoint(from: Pod, via: ServiceView, pods: Pod[]): { endpoint: Endpoint; pod?: Pod } | undefined {
  const endpoint = via.ready.find((e) => e.nodeName === from.spec?.nodeName) ?? via.ready[0];
  if (!endpoint) return undefined;
  const pod = pods.find(
    (p) =>
      p.metadata.namespace === endpoint.namespace && (p.metadata.name === endpoint.podName || podIp(p) === endpoint.ip),
  );
  return { endpoint, pod };
}

function pathTo(
  s: PairSubjects,
  f: PairFacts,
  client: PodEnd,
  pod: Pod,
  via?: ServiceView,
  dst: PathDecision['dst'] = { ip: podIp(pod), port: s.port },
): PathDecision {
  const server = podEnd(pod, f);
  // the ClusterIP is a virtual IP, translated (DNAT) at the client's node to the endpoint
  // https://kubernetes.io/docs/reference/networking/virtual-ips/
  const dnat =
    via && !via.headless
      ? { clusterIp: dst.ip, servicePort: via.port?.port, podIp: server.ip, port: dst.port }
      : undefined;
  const sameNode = s.from.spec?.nodeName === pod.spec?.nodeName;
  const policy = policyVerdicts(s, f, client, server, dst.port);
  return {
    kind: 'path',
    client,
    via,
    server,
    dst,
    dnat,
    sameNode,
    transport: transportOf(f.cluster?.networkPlugin),
    policy: { ...policy, ...forVip(f, client.pod, pod, dnat, policy) },
  };
}

/** An egress ipBlock may name the Service address the client dials rather than the pod it is translated to: which of
 * the two a policy sees is not defined, so a verdict that differs between them is said.
 * https://kubernetes.io/docs/concepts/services-networking/network-policies/#behavior-of-to-and-from-selectors */
function forVip(f: PairFacts, client: Pod, server: Pod, dnat: PathDecision['dnat'], p: PolicyVerdicts) {
  const vip = dnat?.clusterIp;
  if (!vip || !f.policies?.length) return {};
  // (selectors pick the pod whichever address is seen: only an ipBlock can read the two differently)
  const seen = { pod: server, ip: vip };
  const v = verdict('Egress', client, seen, dnat.servicePort, p.protocol, f.policies, f.namespaces ?? []);
  return v.allowed === p.egress.allowed ? {} : { forVip: { vip, verdict: v } };
}

/** NetworkPolicy verdicts: egress at the client, ingress at the server (pods see each other's IPs: no SNAT). */
function policyVerdicts(s: PairSubjects, f: PairFacts, client: PodEnd, server: PodEnd, port?: number): PolicyVerdicts {
  const protocol = (s.protocol ?? 'TCP').toUpperCase();
  const policies = f.policies ?? [];
  const namespaces = f.namespaces ?? [];
  const toServer = { pod: server.pod, ip: server.ip ?? '' };
  const toClient = { pod: client.pod, ip: client.ip ?? '' };
  return {
    egress: verdict('Egress', client.pod, toServer, port, protocol, policies, namespaces, server.pod),
    ingress: verdict('Ingress', server.pod, toClient, port, protocol, policies, namespaces),
    protocol,
    anyPolicy: policies.length > 0,
    enforcement: enforcement(f.cluster, f.pods ?? []),
    unevaluated: Object.entries(f.otherPolicies ?? {}).flatMap(([kind, xs]) =>
      (xs ?? []).map((x) => `${kind} ${x.metadata.namespace ? x.metadata.namespace + '/' : ''}${x.metadata.name}`),
    ),
  };
}

/** Whether policies are enforced: looked for among every pod once per pod list and cluster setting, not per answer. */
const enforcements = new WeakMap<Pod[], Map<string, Enforcement>>();

function enforcement(cluster: ClusterInfo | undefined, pods: Pod[]): Enforcement {
  const key = JSON.stringify([cluster?.networkPolicy, cluster?.kind, cluster?.networkPlugin]);
  let kept = enforcements.get(pods);
  if (!kept) enforcements.set(pods, (kept = new Map()));
  let e = kept.get(key);
  if (!e) kept.set(key, (e = enforcementOf(cluster, pods)));
  return { ...e };
}

function podEnd(pod: Pod, f: PairFacts): PodEnd {
  const node: Node | undefined = nodeNamed(f.nodes ?? [], pod.spec?.nodeName);
  return { pod, ip: podIp(pod), nodeIp: node ? nodeIp(node) : undefined };
}

/** How a pod-to-pod packet crosses nodes, by network plugin. */
function transportOf(plugin?: string): Transport {
  const p = (plugin ?? '').toLowerCase();
  // kubenet: pods get addresses outside the VNet, one route per node in the subnet's route table
  // https://learn.microsoft.com/azure/aks/configure-kubenet
  if (p === 'kubenet') return 'kubenet';
  // Azure CNI: pod IPs are VNet addresses, routed by the VNet
  // https://learn.microsoft.com/azure/aks/configure-azure-cni
  if (p === 'azure') return 'azure-cni';
  // https://docs.openshift.com/container-platform/latest/networking/ovn_kubernetes_network_provider/about-ovn-kubernetes.html
  if (p === 'ovnkubernetes') return 'ovn-kubernetes';
  // https://docs.openshift.com/container-platform/4.12/networking/openshift_sdn/about-openshift-sdn.html
  if (p === 'openshiftsdn') return 'openshift-sdn';
  return 'cluster-network';
}
