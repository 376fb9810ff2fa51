// The inbound rules: which front door (router, ingress controller or the
// Service itself), which LB frontend and rule, which node and endpoint, and
// the source every step sees. Pure: no lookups, no words.
import { asymmetricReturn, type AsymmetricReturn } from '../path/return-route';
import type { LbRule } from '../inventory/azure-model';
import type { Ingress, Node, Pod, Route, Service, ServicePort } from '../inventory/k8s-types';
import { dialedServicePort, endpointsOf, pickServicePort, podOfEndpoint, type Endpoint } from '../path/endpoints';
import { nodeIp, nodeRole, podIp } from '../path/kube';
import { arrivesSnatted } from '../path/ip';
import { isInternalService, lbIngressIps, rulesOf, type FrontendHit } from '../path/lb';
import { decideAppGateway, isAgic, type AppGatewayFacts, type AppGatewayPath } from './app-gateway';
import { agcNsg, appGatewayNsg } from './app-gateway-nsg';
import type { InboundFacts } from './facts';
import type { FirewallDnat } from './firewall-dnat';
import { matchFrontDoor, type FrontDoorHit } from './front-door';
import { decideGateway, isGatewaySubjects, type GatewayPath } from './gateway-api';
import { decideNodePort, type NodePortPath } from './node-port';
import { inboundNsg, type InboundNsg } from './nsg';
import { inboundPolicy, type InboundPolicy } from './policy';
import { decidePodAddress, type PodAddress } from './pod-address';
import { snatSource, trafficPolicy } from '../path/service-snat';
import type { OtherWayIn } from './ways-in';

const noGw: AppGatewayFacts = { publicIps: [], subnetPrefixes: [] };
import type { InboundSubjects } from './resolve';

export type ProxyKind = 'router' | 'ingress-controller';

/** A reverse proxy in front of the app: it ends the connection and opens a new one to a backend pod. */
export interface Proxy {
  kind: ProxyKind;
  /** TLS at the proxy: none, edge, reencrypt or passthrough */
  tls: string;
  /** the proxy sets X-Forwarded-For / Forwarded (not when it passes TLS through) */
  headers: boolean;
  backend: Service;
  backendPort?: number | string;
}

/** The way in: the route or ingress asked about (with its proxy), and the LoadBalancer Service traffic enters by. */
export interface Door {
  route?: Route;
  ingress?: Ingress;
  /** the host asked about, else the route's / the ingress rule's */
  host?: string;
  proxy?: Proxy;
  front?: Service;
}

/** The front Service's address: what the client dials. */
export interface Entry {
  front: Service;
  internal: boolean;
  /** the client IP given in the question */
  client?: string;
  /** the client as the frontend sees it: a private address dialling a public frontend arrives SNATed */
  arrivesAs?: string;
  /** the OpenShift apps-domain wildcard record that serves the host */
  wildcard?: string;
  ip?: string;
  svcPort?: ServicePort;
  port?: number;
}

/** The Azure load balancer frontend that carries the entry IP, and its rule for the port. */
export interface Balancer {
  hit?: FrontendHit;
  rule?: LbRule;
}

/** Where the load balancer delivers: a node, and the front Service's first ready endpoint on it. */
export interface Landing {
  /** externalTrafficPolicy as set (Cluster when unset) */
  etp: string;
  etpLocal: boolean;
  node?: Node;
  nodeIp?: string;
  frontEps: Endpoint[];
  first: Endpoint;
  frontPod?: Pod;
  /** the source the first endpoint sees: the client with ETP Local, else the node IP (OVN: its gateway router's) */
  frontSrc: string;
  /** every source the front endpoints may see: with ETP Cluster any worker may receive and SNAT the packet */
  frontSrcs: string[];
  /** who SNATs with ETP Cluster: kube-proxy / Cilium to the node IP, OVN-Kubernetes to its gateway router's address */
  snat?: 'node' | 'ovn-gateway-router';
}

interface Reached {
  door: Door;
  entry: Entry;
  lb: Balancer;
  /** the NSGs on the landing node's subnet and NIC, for the client's packet */
  nsg?: InboundNsg;
  /** the reply's route from the landing node, when it does not go back through the load balancer */
  asymmetric?: AsymmetricReturn;
}

export type InboundDecision = WayIn & {
  /** the NetworkPolicy gates on the way in (when the cluster has any policy) */
  policy?: InboundPolicy;
  /** Azure Front Door in front: an origin names this way in */
  frontDoor?: FrontDoorHit;
  /** an Azure Firewall in front: its DNAT rule leads here */
  firewallDnat?: FirewallDnat;
  /** the workload's other ways in (said in one line each) */
  others?: OtherWayIn[];
};

type WayIn =
  | { kind: 'backend-missing'; route?: Route; ingress?: Ingress; backendName?: string }
  | { kind: 'app-gateway'; path: AppGatewayPath; nsgs: InboundNsg[] }
  | { kind: 'gateway-api'; path: GatewayPath; nsgs: InboundNsg[] }
  | { kind: 'node-port'; path: NodePortPath }
  | { kind: 'not-exposed'; service: Service; pods?: string[]; podAddress?: PodAddress }
  | { kind: 'front-unknown'; door: Door }
  | { kind: 'no-external-ip'; door: Door; entry: Entry }
  | (Reached & { kind: 'no-ready-endpoints' })
  | (Reached & { kind: 'direct'; landing: Landing })
  | (Reached & { kind: 'no-backend-endpoints'; landing: Landing; proxy: Proxy; proxySrc?: string })
  | (Reached & {
      kind: 'via-proxy';
      landing: Landing;
      proxy: Proxy;
      proxySrc?: string;
      /** every address the app may see: one per proxy replica (its pod IP, or its node IP on the host network) */
      proxySrcs: string[];
      appEps: Endpoint[];
    });

type Gate = Extract<InboundDecision, { kind: 'backend-missing' | 'not-exposed' }> | ({ kind: 'door' } & Door);

export function decide(s: InboundSubjects, f: InboundFacts): InboundDecision {
  const way = wayIn(s, f);
  const policy = inboundPolicy(way, f);
  const d: InboundDecision = {
    ...way,
    ...(policy ? { policy } : {}),
    ...(s.others?.length ? { others: s.others } : {}),
    ...(s.firewallDnat ? { firewallDnat: s.firewallDnat } : {}),
  };
  const frontDoor = matchFrontDoor(f.frontDoors, d, s);
  return frontDoor ? { ...d, frontDoor } : d;
}

function wayIn(s: InboundSubjects, f: InboundFacts): WayIn {
  const byPort = nodePortWay(s, f);
  if (byPort) return byPort;
  if (isGatewaySubjects(s) && f.gatewayApi) {
    const path = decideGateway(s, f.gatewayApi, f);
    return { kind: 'gateway-api', path, nsgs: agcNsg(path, f.landing) };
  }
  const door = frontDoor(s, f.services);
  if (door.kind !== 'door') return withPods(door, s, f);
  const eps = (svc: Service, port?: number | string) =>
    endpointsOf(svc, pickServicePort(svc, port), f.slices, f.endpoints, f.pods).filter((e) => e.ready);
  if (door.ingress && door.proxy && isAgic(door.ingress)) {
    const { backend, backendPort } = door.proxy;
    const app = eps(backend, backendPort);
    const gw = f.appGateway ?? noGw;
    const path = decideAppGateway(door.ingress, door.host, backend, app, gw, s.clientIp);
    return { kind: 'app-gateway', path, nsgs: appGatewayNsg(path, gw, f.landing) };
  }
  if (!door.front) return { kind: 'front-unknown', door };
  const entry = entryOf(door, door.front, s.clientIp, f.cluster?.appsDomain, s.port);
  if (!entry.ip) return { kind: 'no-external-ip', door, entry };
  const reached: Reached = { door, entry, lb: balancerOf(f.frontend, entry.port) };
  const frontEps = eps(entry.front, entry.svcPort?.name ?? entry.port);
  if (frontEps.length === 0) return { ...reached, kind: 'no-ready-endpoints' };
  const landing = landingOf(entry, frontEps, f);
  Object.assign(reached, atTheNode(reached, landing, s, f));
  if (!door.proxy) return { ...reached, kind: 'direct', landing };
  const proxy = door.proxy;
  // a host-network proxy opens its connections from the node IP
  // https://docs.openshift.com/container-platform/4.7/networking/ingress-operator.html
  const proxySrc = landing.frontPod?.spec?.hostNetwork ? landing.nodeIp : landing.first.ip;
  const appEps = eps(proxy.backend, proxy.backendPort);
  if (appEps.length === 0) return { ...reached, kind: 'no-backend-endpoints', landing, proxy, proxySrc };
  const proxySrcs = [...new Set(landing.frontEps.map((e) => proxyAddress(e, f)).filter((x): x is string => !!x))];
  return { ...reached, kind: 'via-proxy', landing, proxy, proxySrc, proxySrcs, appEps };
}

/** What meets the packet at the node: the NSGs on the way in, the route on the way back. */
function atTheNode(r: Reached, landing: Landing, s: InboundSubjects, f: InboundFacts) {
  const nsg = inboundNsg(r.entry, r.lb, landing, f.landing, f.elsewhere);
  // a client the firewall DNATs arrives from the firewall's own address, which the reply goes back to
  const back = !r.entry.internal && !s.firewallDnat ? asymmetricReturn(f.landing, s.clientIp, f.vwan) : undefined;
  return { nsg, ...(back ? { asymmetric: back } : {}) };
}

/** A Service not exposed: its ready pods, named in the answer ("way in to the api pod from outside?"), and, for a
 * private client, the way to a pod's own address. */
function withPods(gate: Exclude<Gate, { kind: 'door' }>, s: InboundSubjects, f: InboundFacts): WayIn {
  if (gate.kind !== 'not-exposed') return gate;
  const svc = gate.service;
  const eps = endpointsOf(svc, pickServicePort(svc), f.slices, f.endpoints, f.pods).filter((e) => e.ready);
  const pods = [...new Set(eps.map((e) => e.podName).filter((n): n is string => !!n))];
  if (!f.podAddress || !s.clientIp) return { ...gate, pods };
  const [policies, namespaces] = [f.policies ?? [], f.namespaces ?? []];
  const input = { ...f, client: s.clientIp, service: svc, named: s.pod, port: s.portSaid, policies, namespaces };
  const podAddress = decidePodAddress(input, f.podAddress);
  return { ...gate, pods, ...(podAddress ? { podAddress } : {}) };
}

/** A node port asked about: client → node → pod, no load balancer. */
function nodePortWay(s: InboundSubjects, f: InboundFacts): WayIn | undefined {
  if (!s.service || s.nodePort === undefined) return undefined;
  const subjects = { ...s, service: s.service, nodePort: s.nodePort };
  return { kind: 'node-port', path: decideNodePort(subjects, f, lbIngressIps(s.service)) };
}

/** The address a proxy replica opens its backend connections from: its pod IP, or its node's on the host network. */
function proxyAddress(e: Endpoint, f: InboundFacts): string | undefined {
  const pod = podOfEndpoint(e, f.pods);
  if (!pod?.spec?.hostNetwork) return e.ip;
  const node = f.nodes.find((n) => n.metadata.name === (e.nodeName ?? pod.spec?.nodeName));
  return node ? nodeIp(node) : e.ip;
}

/** The router a route is admitted by (its Service is router-<name> in openshift-ingress). */
export const routerNameOf = (r: Route): string => r.status?.ingress?.[0]?.routerName ?? 'default';

export const ingressIpsOf = (ing: Ingress): (string | undefined)[] =>
  (ing.status?.loadBalancer?.ingress ?? []).map((i) => i.ip);

/** Which front door the subjects name; facts use it too, to know which address to look up. */
export function frontDoor(s: InboundSubjects, services: Service[]): Gate {
  if (s.route) return routeDoor(s.route, s.host, services);
  if (s.ingress) return ingressDoor(s.ingress, s.host, services);
  const front = s.service;
  if (front && front.spec?.type !== 'LoadBalancer') return { kind: 'not-exposed', service: front };
  return { kind: 'door', host: s.host, front };
}

function routeDoor(r: Route, asked: string | undefined, services: Service[]): Gate {
  const routerName = routerNameOf(r);
  const front = services.find(
    (s) => s.metadata.namespace === 'openshift-ingress' && s.metadata.name === `router-${routerName}`,
  );
  const backend = services.find(
    (s) => s.metadata.namespace === r.metadata.namespace && s.metadata.name === r.spec?.to?.name,
  );
  if (!backend) return { kind: 'backend-missing', route: r, backendName: r.spec?.to?.name };
  // passthrough: the router forwards the TLS stream untouched, so it cannot add X-Forwarded-For
  // https://docs.openshift.com/container-platform/4.7/networking/routes/secured-routes.html
  const tls = r.spec?.tls?.termination ?? 'none';
  const proxy: Proxy = {
    kind: 'router',
    headers: tls !== 'passthrough',
    backend,
    backendPort: r.spec?.port?.targetPort,
    tls,
  };
  return { kind: 'door', route: r, host: asked ?? r.spec?.host, proxy, front };
}

function ingressDoor(ing: Ingress, asked: string | undefined, services: Service[]): Gate {
  const { host, be } = ingressRule(ing, asked);
  const backend = services.find((s) => s.metadata.namespace === ing.metadata.namespace && s.metadata.name === be?.name);
  if (!backend) return { kind: 'backend-missing', ingress: ing, backendName: be?.name };
  const proxy: Proxy = {
    kind: 'ingress-controller',
    headers: true,
    backend,
    backendPort: be?.port?.number ?? be?.port?.name,
    tls: ingressTls(ing, host),
  };
  return { kind: 'door', ingress: ing, host, proxy, front: controllerService(ing, services) };
}

/** The rule for the host asked about (else the first), and its first path's backend. */
function ingressRule(ing: Ingress, asked: string | undefined) {
  const rule = ing.spec?.rules?.find((x) => !asked || x.host === asked) ?? ing.spec?.rules?.[0];
  return { host: asked ?? rule?.host, be: rule?.http?.paths?.[0]?.backend?.service };
}

/** An Ingress terminates TLS for the hosts its tls section lists. */
const ingressTls = (ing: Ingress, host: string | undefined): string =>
  (ing.spec?.tls ?? []).some((t) => (t.hosts ?? []).includes(host ?? '')) ? 'edge' : 'none';

/** The ingress controller's LoadBalancer Service: the one carrying the Ingress address, else one named for it. */
function controllerService(ing: Ingress, services: Service[]): Service | undefined {
  const ips = ingressIpsOf(ing);
  const lbs = services.filter((s) => s.spec?.type === 'LoadBalancer');
  const cls = ing.spec?.ingressClassName;
  return (
    lbs.find((s) => lbIngressIps(s).some((ip) => ips.includes(ip))) ??
    lbs.find(
      (s) =>
        /ingress/.test(`${s.metadata.namespace}/${s.metadata.name}`) &&
        (!cls || `${s.metadata.namespace}/${s.metadata.name}`.includes(cls.split('-')[0])),
    )
  );
}

function entryOf(door: Door, front: Service, client: string | undefined, appsDomain?: string, asked?: number): Entry {
  const { proxy, host } = door;
  // a proxy is reached on the port dialed if its Service has it; else on 443 if it terminates or passes TLS, 80 if not
  const tlsPort = proxy && proxy.tls !== 'none' ? 443 : 80;
  const dialed = proxy && asked !== undefined ? dialedServicePort(front, asked) : undefined;
  const svcPort = proxy
    ? (dialed ?? pickServicePort(front, tlsPort === 443 ? 'https' : 'http') ?? pickServicePort(front, tlsPort))
    : ((asked !== undefined ? pickServicePort(front, asked) : undefined) ?? pickServicePort(front));
  const wildcard = appsDomain && host?.endsWith('.' + appsDomain) ? `*.${appsDomain}` : undefined;
  const internal = isInternalService(front);
  return {
    front,
    internal,
    client,
    arrivesAs: arrivesSnatted(client, !internal) ? `${client}'s public address (SNAT)` : client,
    wildcard,
    ip: lbIngressIps(front)[0],
    svcPort,
    port: svcPort?.port,
  };
}

/** The LB rule for the port on the frontend, else the frontend's first rule. */
function balancerOf(hit: FrontendHit | undefined, port?: number): Balancer {
  if (!hit) return {};
  const rules = rulesOf(hit.lb, hit.frontend);
  return { hit, rule: rules.find((r) => r.frontendPort === port) ?? rules[0] };
}

function landingOf(entry: Entry, frontEps: Endpoint[], f: InboundFacts): Landing {
  const first = frontEps[0];
  const frontPod = f.pods.find(
    (p) => p.metadata.namespace === first.namespace && (p.metadata.name === first.podName || podIp(p) === first.ip),
  );
  const nodeName = first.nodeName ?? frontPod?.spec?.nodeName;
  const node = f.nodes.find((x) => x.metadata.name === nodeName);
  const nIp = node ? nodeIp(node) : undefined;
  const { etp, etpLocal, snat } = trafficPolicy(entry.front, f.cluster);
  return {
    etp,
    etpLocal,
    node,
    nodeIp: nIp,
    frontEps,
    first,
    frontPod,
    frontSrc: etpLocal ? (entry.arrivesAs ?? 'client') : (snatSource(snat, node) ?? 'node IP'),
    frontSrcs: etpLocal ? [entry.arrivesAs ?? 'client'] : clusterSources(snat, f.nodes),
    snat,
  };
}

const workers = (nodes: Node[]): Node[] => nodes.filter((n) => nodeRole(n) !== 'master');

/** The nodes the load balancer hands the packet to: with ETP Local those running a ready front endpoint (the others
 * fail its health probe), with Cluster every worker. */
// https://kubernetes.io/docs/tasks/access-application-cluster/create-external-load-balancer/#preserving-the-client-source-ip
export function balancedNodes(l: Landing, nodes: Node[]): Node[] {
  const on = new Set(l.frontEps.map((e) => e.nodeName));
  return l.etpLocal ? nodes.filter((n) => on.has(n.metadata.name)) : workers(nodes);
}

/** ETP Cluster: the load balancer may hand the packet to any worker, which SNATs it (node IP or OVN address). */
function clusterSources(snat: Landing['snat'], nodes: Node[]): string[] {
  const srcs = workers(nodes)
    .map((n) => snatSource(snat, n))
    .filter((x): x is string => !!x);
  return [...new Set(srcs)];
}
