// The inbound decision in words and hops: client → DNS → public IP → load
// balancer → node → (router / ingress controller →) pod, with the source the
// pod sees (seenAs), what became of the client IP (clientIp) and each hop's NAT.
import { withReturn } from './narrate-return';
import type { Endpoint } from '../path/endpoints';
import { result, type ClientIpHandling, type Fact, type FollowUp, type Hop, type PathResult } from '../path/result';
import { withFirewallDnat } from './firewall-dnat';
import { withFrontDoor } from './front-door';
import { narrateAppGateway } from './narrate-app-gateway';
import { narrateGateway } from './narrate-gateway';
import { narrateNodePort } from './narrate-node-port';
import { narratePodAddress } from './narrate-pod-address';
import { routeText } from '../path/routes';
import { fullName } from '../path/kube';
import type { PodAddress } from './pod-address';
import { withNsg, type InboundNsg } from './nsg';
import { withPolicy } from './narrate-policy';
import type { OtherWayIn } from './ways-in';
import type { Balancer, Door, Entry, InboundDecision, Landing, Proxy } from './decide';

type Reached = Extract<InboundDecision, { kind: 'no-ready-endpoints' }>;
type Proxied = Extract<InboundDecision, { kind: 'via-proxy' | 'no-backend-endpoints' }>;
type ViaProxy = Extract<InboundDecision, { kind: 'via-proxy' }>;
type Direct = Extract<InboundDecision, { kind: 'direct' }>;

/** The lines of an answer, filled step by step along the path. */
interface Out {
  hops: Hop[];
  facts: Fact[];
  warnings: string[];
  verify: string[];
  followUps: FollowUp[];
}

interface Typed {
  seenAs?: string[];
  clientIp?: ClientIpHandling;
}

const done = (out: Out, answer: string, title?: string, typed: Typed = {}): PathResult =>
  result('inbound', 'answered', answer, { title, ...out, ...typed });

const nsName = (s: { metadata: { name: string; namespace?: string } }) => `${s.metadata.namespace}/${s.metadata.name}`;
const addr = (ip: string | undefined, port: number | undefined) => (port === undefined ? `${ip}` : `${ip}:${port}`);
const proxyWord = (p: Proxy) => (p.kind === 'router' ? 'router' : 'controller');

export const narrate = (d: InboundDecision): PathResult =>
  withOthers(
    withFirewallDnat(
      withFrontDoor(withBack(withNsgs(withPolicy(narrateWayIn(d), d.policy), nsgsOf(d)), d), d.frontDoor),
      d.firewallDnat,
    ),
    d.others,
  );

/** The way back, after the way in: where an NSG already drops the request, only a warning. */
const withBack = (r: PathResult, d: InboundDecision): PathResult =>
  'asymmetric' in d ? withReturn(r, d.asymmetric, /^Denied/.test(r.title ?? '')) : r;

/** The NSG verdicts in packet order; the first leg that drops the packet is the answer, the legs after it are moot. */
function withNsgs(r: PathResult, legs: (InboundNsg | 'not-read' | undefined)[]): PathResult {
  let out = r;
  for (const leg of legs) {
    out = withNsg(out, leg);
    if (leg && leg !== 'not-read' && leg.decisions.some((x) => !x.allowed)) break;
  }
  return out;
}

// the client's side of Application Gateway for Containers (its frontend) is not read; another Gateway API
// implementation's own way in is not walked
const nsgsOf = (d: InboundDecision): (InboundNsg | 'not-read' | undefined)[] =>
  d.kind === 'node-port'
    ? [d.path.nsg]
    : d.kind === 'app-gateway'
      ? d.nsgs
      : 'nsg' in d
        ? [d.nsg]
        : d.kind === 'gateway-api'
          ? ['not-read', ...d.nsgs]
          : [];

/** The workload's other ways in: one line each, with the question that walks it (also a button). */
function withOthers(r: PathResult, others: OtherWayIn[] | undefined): PathResult {
  if (!others?.length || r.status !== 'answered') return r;
  const n = others.length;
  return {
    ...r,
    answer: `${r.answer} The same pods have ${n} other way${n > 1 ? 's' : ''} in, listed below.`,
    facts: [...r.facts, ...others.map((o) => ({ label: 'Other way in', value: `${o.line} — ask "${o.ask}"` }))],
    followUps: [...r.followUps, ...others.map((o) => ({ title: o.ask, question: o.ask, intent: 'inbound' }))],
  };
}

function narrateWayIn(d: InboundDecision): PathResult {
  const out: Out = { hops: [], facts: [], warnings: [], verify: [], followUps: [] };
  if (d.kind === 'backend-missing') return backendMissing(d, out);
  if (d.kind === 'app-gateway') return narrateAppGateway(d.path);
  if (d.kind === 'gateway-api') return narrateGateway(d.path);
  if (d.kind === 'node-port') return narrateNodePort(d.path);
  if (d.kind === 'not-exposed') return notExposed(d, out);
  doorLines(d.door, out);
  if (d.kind === 'front-unknown') return done(out, `Could not find how traffic enters: the front Service is unknown.`);
  entryHops(d.door, d.entry, out);
  const fsName = nsName(d.entry.front);
  if (d.kind === 'no-external-ip') {
    out.warnings.push(
      `${fsName} has no external IP yet (status.loadBalancer.ingress is empty): ` +
        `the cloud provider has not provisioned its frontend`,
    );
    return done(out, `${fsName} has no external IP yet, so nothing reaches it from outside.`, 'No external IP yet');
  }
  out.verify.push(`kubectl get svc ${d.entry.front.metadata.name} -n ${d.entry.front.metadata.namespace} -o wide`);
  balancerLines(d.entry, d.lb, out);
  if (d.kind === 'no-ready-endpoints') return noReadyEndpoints(d, out);
  nodeHop(d.entry, d.landing, out);
  if (d.kind === 'direct') return direct(d, out);
  proxyHop(d, out);
  if (d.kind === 'no-backend-endpoints') return noBackendEndpoints(d.proxy, out);
  return viaProxy(d, out);
}

// kubenet and overlay pods have addresses apart from the VNet: only the nodes route to them, and a client's subnet only
// through a user route (kubenet's route table) https://learn.microsoft.com/azure/aks/configure-kubenet
function podRouted(p?: PodAddress): string {
  const r = p?.kind === 'not-routable' ? p.route : undefined;
  if (!p || !r) return '';
  return (
    ` ${p.client}'s subnet does route the pod's own address ${p.podIp}: ${routeText(r, undefined, { hop: true })}` +
    (r.nextHopType === 'None' ? ' drops it.' : ', so it can dial the pod directly (no NAT: the pod sees the client).')
  );
}

/** No route to the pod's own address: the verdict first, the Service after (the client asked to reach the pod). */
function unreachablePod(p: Extract<PodAddress, { kind: 'not-routable' }>): string {
  const at = `${p.podIp}${p.port ? `:${p.port}` : ''}`;
  const network = p.network ? `the ${p.network} pod network` : 'a kubenet or overlay pod network';
  return (
    `No: ${p.client} cannot dial ${fullName(p.pod)}'s own address ${at}: it is an address of ${network}, not of ` +
    "the VNet, and no route of the client's subnet leads to it. "
  );
}

/** A Service not exposed: how pods reach it, and what a private client's packet to the pod's own address meets. */
function notExposed(d: Extract<InboundDecision, { kind: 'not-exposed' }>, out: Out): PathResult {
  if (d.podAddress?.kind === 'routable') return narratePodAddress(d.podAddress);
  const s = d.service;
  // a headless Service (clusterIP None) has no virtual IP: its DNS name gives the ready pods' own addresses
  // https://kubernetes.io/docs/concepts/services-networking/service/#headless-services
  const headless = s.spec?.clusterIP === 'None';
  const inside = headless
    ? `its DNS name ${s.metadata.name}.${s.metadata.namespace}.svc.cluster.local, which gives the pods' own IPs`
    : s.spec?.clusterIP;
  // "way in to the api pod": the pods behind it named, for the question that said one
  const notes = [...(headless ? ['a headless Service'] : []), ...(d.pods?.length ? [podList(d.pods)] : [])];
  const lead = d.podAddress?.kind === 'not-routable' && !d.podAddress.route ? unreachablePod(d.podAddress) : '';
  return done(
    out,
    `${lead}Service ${nsName(s)} is of type ${s.spec?.type ?? 'ClusterIP'}: nothing outside the cluster reaches it ` +
      `directly. Expose it with a Route/Ingress or a LoadBalancer Service; from inside, pods reach it at ${inside}` +
      `${notes.length ? ` (${notes.join('; ')})` : ''}.${podRouted(d.podAddress)}`,
    `${s.metadata.name} is not exposed`,
  );
}

function backendMissing(d: Extract<InboundDecision, { kind: 'backend-missing' }>, out: Out): PathResult {
  if (d.route)
    return done(
      out,
      `Route ${nsName(d.route)} points at Service ${d.backendName}, which does not exist: the router answers 503.`,
    );
  return done(
    out,
    `Ingress ${nsName(d.ingress!)} points at Service ${d.backendName ?? '(none)'}, which does not exist.`,
  );
}

/** The route / ingress asked about: what it points at, and how to look at it. */
function doorLines(door: Door, out: Out): void {
  const { route: r, ingress: ing, proxy } = door;
  if (r && proxy) {
    const port = r.spec?.port ? ':' + r.spec.port.targetPort : '';
    out.facts.push({
      label: 'Route',
      value: `${nsName(r)} → service ${proxy.backend.metadata.name}${port}, TLS ${proxy.tls}`,
    });
    out.verify.push(`kubectl get route ${r.metadata.name} -n ${r.metadata.namespace} -o wide`);
  } else if (ing && proxy) {
    out.facts.push({
      label: 'Ingress',
      value:
        `${nsName(ing)} (${ing.spec?.ingressClassName ?? 'default class'}) ` +
        `→ service ${proxy.backend.metadata.name}`,
    });
    out.verify.push(`kubectl get ingress ${ing.metadata.name} -n ${ing.metadata.namespace} -o wide`);
  }
}

/** The client, and the DNS name it dials when the question named a host. */
function entryHops(door: Door, e: Entry, out: Out): void {
  const { host } = door;
  out.hops.push({
    kind: 'client',
    name: e.client ?? (e.internal ? 'client in the VNet' : 'Internet client'),
    ip: e.client,
    src: e.client,
    dst: host ?? e.ip,
  });
  if (e.arrivesAs !== e.client) out.warnings.push(privateSnatWords(e));
  if (!host) return;
  out.hops.push({
    kind: 'dns',
    name: host,
    ip: e.ip,
    note: e.wildcard
      ? `wildcard record ${e.wildcard} → ${nsName(e.front)}’s external IP`
      : `the host needs a DNS record pointing at ${e.ip ?? nsName(e.front)}`,
  });
  out.verify.push(`nslookup ${host}`);
}

// (`arrivesSnatted`, src/path/ip.ts); an internal load balancer keeps private clients' addresses
const privateSnatWords = (e: Entry): string =>
  `${e.client} is a private address dialling the public frontend ${e.ip}: it leaves its own network SNATed to that ` +
  "network's public address (its NAT gateway, firewall or outbound IP), which the load balancer, the NSGs and the " +
  `pod see — not ${e.client}. An internal load balancer (https://learn.microsoft.com/azure/aks/internal-lb) keeps ` +
  'private clients’ addresses';

const keptWords = (e: Entry): string => (e.arrivesAs === e.client ? 'the client IP' : (e.arrivesAs ?? 'the client IP'));

/** The public IP and the load balancer (frontend, rule) the packet meets. */
function balancerLines(e: Entry, { hit, rule }: Balancer, out: Out): void {
  if (!hit) return;
  const src = e.arrivesAs ?? 'client';
  const { ip, port } = e;
  if (hit.publicIp) out.hops.push({ kind: 'public-ip', name: hit.publicIp.name, ip, port, src, dst: ip });
  // floating IP: the load balancer leaves the frontend IP as the destination
  // https://learn.microsoft.com/azure/load-balancer/load-balancer-multivip-overview
  const floating = rule?.floatingIp ? ', floating IP: destination stays ' + ip : '';
  const to = rule && `${rule.protocol.toUpperCase()} ${rule.frontendPort} → backend ${rule.backendPort}`;
  out.hops.push({
    kind: 'load-balancer',
    name: hit.lb.name,
    ip,
    port,
    src,
    dst: ip,
    note: rule ? `rule ${rule.name}: ${to}${floating}` : `frontend ${hit.frontend.name}: no rule for port ${port}`,
  });
  out.facts.push({
    label: 'Load balancer',
    value: `${hit.lb.name} (${e.internal ? 'internal' : 'public'}), frontend ${hit.frontend.name}`,
  });
  if (rule) out.facts.push({ label: 'LB rule', value: `${rule.name} (floating IP ${rule.floatingIp ? 'on' : 'off'})` });
  out.verify.push(`az network lb rule list --lb-name ${hit.lb.name} -g ${hit.lb.resourceGroup} -o table`);
  if (hit.publicIp)
    out.verify.push(
      `az network public-ip show -g ${hit.publicIp.resourceGroup} -n ${hit.publicIp.name} --query ipAddress -o tsv`,
    );
  if (!rule)
    out.warnings.push(
      `No load-balancing rule on ${hit.lb.name} for ${ip}:${port}: the packet is dropped at the load balancer`,
    );
}

function noReadyEndpoints(d: Reached, out: Out): PathResult {
  const fsName = nsName(d.entry.front);
  out.warnings.push(`${fsName} has no ready endpoints: the load balancer has nowhere to send traffic`);
  return done(
    out,
    `Traffic for ${d.entry.ip}:${d.entry.port} reaches ${d.lb.hit?.lb.name ?? 'the load balancer'} ` +
      `but ${fsName} has no ready endpoints.`,
    'No ready endpoints',
  );
}

/** The node the load balancer picks: it DNATs to the first endpoint (and SNATs with ETP Cluster). */
function nodeHop(e: Entry, l: Landing, out: Out): void {
  const { first } = l;
  const dnat = `DNAT ${e.ip}:${e.port} → ${first.ip}:${first.port}`;
  const hc = e.front.spec?.healthCheckNodePort;
  out.hops.push({
    kind: 'node',
    name: l.node?.metadata.name ?? '?',
    ip: l.nodeIp,
    port: e.svcPort?.nodePort,
    src: e.arrivesAs ?? 'client',
    dst: e.ip,
    note: l.etpLocal
      ? `externalTrafficPolicy Local: only nodes with a ready endpoint pass the health probe` +
        `${hc ? ` (healthCheckNodePort ${hc})` : ''}; ${dnat}, client IP kept`
      : `externalTrafficPolicy Cluster: any node accepts; ${snatWords(l)}, ${dnat}`,
    // one NAT per hop: the DNAT; with ETP Cluster the SNAT shows in clientIp 'snat'
    nat: { kind: 'dnat', from: addr(e.ip, e.port), to: addr(first.ip, first.port) },
  });
  out.facts.push({ label: 'Traffic policy', value: `externalTrafficPolicy ${l.etp}` });
}

/** Who replaces the client address with ETP Cluster, in words. */
const snatWords = (l: Landing): string =>
  l.snat === 'ovn-gateway-router'
    ? `SNAT by OVN-Kubernetes at the node's gateway router to ${l.frontSrc} (not the node IP)`
    : `SNAT to the node IP`;

/** What the first endpoint sees instead of the client, in words. */
const seenWords = (l: Landing): string =>
  l.snat !== 'ovn-gateway-router'
    ? `the node IP ${l.nodeIp}`
    : l.frontSrc.includes('/')
      ? `an OVN gateway router (join switch) address in ${l.frontSrc}`
      : `the OVN gateway router address ${l.frontSrc}`;

/** A LoadBalancer Service straight to its pod. */
function direct(d: Direct, out: Out): PathResult {
  const { entry: e, landing: l, lb } = d;
  const { first } = l;
  const fsName = nsName(e.front);
  out.hops.push({
    kind: 'pod',
    name: `${first.namespace}/${first.podName ?? first.ip}`,
    ip: first.ip,
    port: first.port,
    src: l.frontSrc,
    dst: first.ip,
    note: l.etpLocal ? `sees ${keptWords(e)}` : `sees ${seenWords(l)}, not the client`,
  });
  if (l.frontEps.length > 1)
    out.facts.push({ label: 'Endpoints', value: l.frontEps.map((x) => `${x.podName ?? x.ip} (${x.ip})`).join(', ') });
  if (!l.etpLocal)
    out.warnings.push(
      `externalTrafficPolicy Cluster: ${l.frontPod?.metadata.name ?? 'the pod'} sees ${seenWords(l)}, ` +
        `not the client IP; ` +
        `set Local to keep client IPs`,
    );
  out.verify.push(endpointSlicesCmd(e.front.metadata.namespace, e.front.metadata.name));
  const where =
    `${e.internal ? 'internal' : 'public'} frontend of load balancer ${lb.hit?.lb.name ?? '?'}` +
    `${lb.rule ? `, rule ${lb.rule.name}` : ''}`;
  const target = first.podName ?? first.ip;
  return done(
    out,
    `Traffic reaches ${fsName} at ${e.ip}:${e.port} (${where}), lands on a node and is DNATed to ${target} ` +
      `(${first.ip}:${first.port}); the pod sees ${l.etpLocal ? keptWords(e) : `${seenWords(l)} as source (SNAT)`}.`,
    `${e.front.metadata.name}: ${e.ip}:${e.port} → ${target}`,
    // ETP Cluster: whichever worker the load balancer picked SNATs it, so any of their addresses
    {
      seenAs: l.frontSrcs.length ? l.frontSrcs : [l.frontSrc],
      clientIp: l.etpLocal && e.arrivesAs === e.client ? 'kept' : 'snat',
    },
  );
}

const endpointSlicesCmd = (ns: string | undefined, name: string) =>
  `kubectl get endpointslices -n ${ns} -l kubernetes.io/service-name=${name} -o wide`;

/** The router / ingress controller pod: it ends the connection and opens a new one. */
function proxyHop(d: Proxied, out: Out): void {
  const { landing: l, proxy, proxySrc } = d;
  const { first } = l;
  const hostNet = !!l.frontPod?.spec?.hostNetwork;
  const tls =
    proxy.tls === 'passthrough'
      ? 'passes TLS through (TCP proxy)'
      : proxy.tls === 'none'
        ? 'proxies HTTP'
        : `terminates TLS (${proxy.tls})`;
  out.hops.push({
    kind: proxy.kind,
    name: `${first.namespace}/${first.podName ?? first.ip}`,
    ip: first.ip,
    port: first.port,
    src: l.frontSrc,
    dst: first.ip,
    note:
      `${proxy.kind === 'router' ? 'HAProxy' : 'ingress controller'} ${tls} and opens a new connection to the pod` +
      `${hostNet ? ' from the node IP (host network)' : ''}`,
    nat: { kind: 'proxy', from: l.frontSrc, to: proxySrc ?? 'node IP' },
  });
  if (l.frontEps.length > 1)
    out.facts.push({
      label: proxy.kind === 'router' ? 'Router pods' : 'Controller pods',
      value: l.frontEps.map((e) => `${e.podName ?? e.ip} (${e.ip})`).join(', '),
    });
  out.verify.push(`kubectl get pods -n ${d.entry.front.metadata.namespace} -o wide`);
}

function noBackendEndpoints(proxy: Proxy, out: Out): PathResult {
  const be = proxy.backend;
  out.warnings.push(`Service ${nsName(be)} has no ready endpoints: the ${proxyWord(proxy)} answers 503`);
  return done(
    out,
    `Traffic reaches the ${proxy.kind === 'router' ? 'router' : 'ingress controller'} ` +
      `but Service ${be.metadata.name} has no ready endpoints (503).`,
    'No ready endpoints (503)',
  );
}

/** The app pod behind the proxy: it sees the proxy's address, and the client in X-Forwarded-For unless passthrough. */
function viaProxy(d: ViaProxy, out: Out): PathResult {
  const { landing: l, proxy, proxySrcs, appEps } = d;
  const seen = proxySrcs.join(' or ');
  const who = proxySrcs.length > 1 ? `one of the ${proxyWord(proxy)} replicas' IPs` : `the ${proxyWord(proxy)} pod IP`;
  const app = appEps[0];
  const be = proxy.backend;
  // the router / controller sets X-Forwarded-For; with ETP Cluster it already holds a node IP
  // https://docs.openshift.com/container-platform/4.7/networking/ingress-operator.html#nw-using-ingress-forwarded_configuring-ingress
  const header = proxy.headers
    ? `; the client IP${l.etpLocal ? '' : ` (here already ${seenWords(l)})`} travels in X-Forwarded-For / Forwarded`
    : '; passthrough: no X-Forwarded-For header, the client IP is lost';
  out.hops.push({
    kind: 'pod',
    name: `${app.namespace}/${app.podName ?? app.ip}`,
    ip: app.ip,
    port: app.port,
    src: d.proxySrc,
    dst: app.ip,
    note: `sees ${who} ${seen}${header}`,
  });
  out.facts.push({
    label: 'Backend',
    value: `service ${be.metadata.name} → ${appEps.map((e) => `${e.podName ?? e.ip} (${e.ip}:${e.port})`).join(', ')}`,
  });
  out.verify.push(endpointSlicesCmd(be.metadata.namespace, be.metadata.name));
  if (!proxy.headers)
    out.warnings.push('passthrough route: the application never learns the client IP (no X-Forwarded-For)');
  if (!l.etpLocal)
    out.warnings.push(
      `externalTrafficPolicy Cluster on ${nsName(d.entry.front)}: the ${proxyWord(proxy)} itself sees ` +
        (l.snat === 'ovn-gateway-router'
          ? 'OVN gateway router addresses, so X-Forwarded-For holds such an address, not the client'
          : 'node IPs, so X-Forwarded-For holds a node IP, not the client'),
    );
  proxyFollowUps(proxy, l.first, app, out);
  return done(out, proxiedAnswer(d, app), proxiedTitle(d, app), {
    seenAs: proxySrcs.length ? proxySrcs : ['node IP'],
    clientIp: proxy.headers ? 'xff' : 'lost',
  });
}

function proxyFollowUps(proxy: Proxy, first: Endpoint, app: Endpoint, out: Out): void {
  if (!app.podName) return;
  out.followUps.push(
    { title: `Egress of ${app.podName}`, question: `egress ${app.podName} -n ${app.namespace}`, intent: 'egress' },
    {
      title: `Can the ${proxyWord(proxy)} reach it?`,
      question: `can ${first.namespace}/${first.podName} reach ${app.namespace}/${app.podName}`,
      intent: 'policy',
    },
  );
}

/** What the answer calls the way in: the host, else the route / ingress / Service. */
function wayIn(d: ViaProxy): string {
  const { route, ingress, host } = d.door;
  return (
    host ??
    (route ? `route ${route.metadata.name}` : ingress ? `ingress ${ingress.metadata.name}` : nsName(d.entry.front))
  );
}

function proxiedAnswer(d: ViaProxy, app: Endpoint): string {
  const { entry: e, lb, landing: l, proxy, proxySrcs } = d;
  const seen =
    proxySrcs.length > 1
      ? `one of the ${proxyWord(proxy)} pods' IPs (${proxySrcs.join(' or ')})`
      : `the ${proxyWord(proxy)} pod IP ${proxySrcs[0]}`;
  const { hit, rule } = lb;
  const at = hit
    ? ` (${hit.publicIp ? 'public IP ' + hit.publicIp.name : 'frontend ' + hit.frontend.name} on load balancer ` +
      `${hit.lb.name}${rule ? ', rule ' + rule.name : ''})`
    : '';
  const pods = l.frontEps.map((x) => x.podName ?? x.ip).join(' or ');
  return (
    `${wayIn(d)} resolves to ${e.ip}${at}; the packet reaches ` +
    `${proxy.kind === 'router' ? 'a router' : 'an ingress controller'} pod (${pods}), which opens a new connection ` +
    `to ${app.podName ?? app.ip} (${app.ip}:${app.port}). The pod sees ${seen} ` +
    `as source${proxy.headers ? ', and the client IP in X-Forwarded-For' : ' and no X-Forwarded-For (passthrough)'}.`
  );
}

const proxiedTitle = (d: ViaProxy, app: Endpoint): string =>
  `${wayIn(d)} → ${d.entry.ip} → ${d.proxy.kind === 'router' ? 'router' : 'ingress controller'} → ` +
  `${app.podName ?? app.ip}`;

/** "its pod api-…", "its pods a, b, c and 4 more": the pods behind a Service, named for the question that said one */
const podList = (pods: string[]): string =>
  `its pod${pods.length > 1 ? 's' : ''} ${pods.slice(0, 3).join(', ')}` +
  (pods.length > 3 ? ` and ${pods.length - 3} more` : '');
