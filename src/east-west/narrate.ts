// An east-west decision in words and hops. The hops, facts, warnings and
// checks are shared with the policy family, which words the path's answer
// as a verdict (src/policy/narrate.ts); an Internet question is egress's.
import { egress } from '../egress';
import type { Pod } from '../inventory/k8s-types';
import { fullName } from '../path/kube';
import type { Verdict as PolicyVerdict } from '../path/policy';
import {
  result,
  type Fact,
  type FollowUp,
  type Hop,
  type LayerVerdict,
  type PathResult,
  type Status,
} from '../path/result';
import type { ServiceFront } from '../path/index';
import type { EastWestDecision, PathDecision, PodEnd, PortMapping, ServiceView, Transport } from './decide';

/** How a family words a path: the answer, the title and its typed fields. */
export interface PairWording {
  intent: 'east-west' | 'policy';
  path(d: PathDecision): { answer: string; title: string } & Partial<PathResult>;
  /** typed fields of an answer where the connection fails before any NetworkPolicy applies */
  fails?: Partial<PathResult>;
}

export const EAST_WEST: PairWording = {
  intent: 'east-west',
  path(d) {
    const { client, server } = d;
    const from = client.pod.metadata.name;
    const to = server.pod.metadata.name;
    const svc = d.via?.service;
    const sp = d.via?.port;
    const vip = `${d.dst.ip}${sp ? ':' + sp.port : ''}`;
    const through =
      svc && !d.via?.headless
        ? ` through Service ${svc.metadata.name} (${vip}${frontWords(d.via)}, DNATed at ${client.pod.spec?.nodeName})`
        : '';
    const where = d.sameNode ? ' on the same node' : ` on node ${server.pod.spec?.nodeName}`;
    const policy = policyWords(d);
    const blocked = denied(d);
    const verdictText = blocked.length
      ? ` But it is ${blocked.map((v) => v.reason).join('; and ')}.`
      : policy === NO_POLICY
        ? ''
        : ` ${capital(policy)}.`;
    const sees = `${to} sees ${client.ip} (the pod IP of ${from}) as source: no SNAT inside the cluster.`;
    return {
      answer: `${sees} ${from} connects${through} to ${server.ip}${portText(d)}${where}.${verdictText}`,
      title: `${to} sees ${client.ip}`,
    };
  },
};

/** ", its load balancer IP": said when the client dialed the Service other than by its ClusterIP */
const frontWords = (via?: ServiceView): string =>
  !via?.front ? '' : via.front.kind === 'load-balancer' ? ', its load balancer IP' : ', its external IP';

/** The parts every answer about a pair starts with: the client, how to check it, its egress. */
class Draft {
  readonly hops: Hop[] = [];
  readonly facts: Fact[];
  readonly warnings: string[] = [];
  readonly verify: string[];
  readonly followUps: FollowUp[];
  constructor(
    readonly wording: PairWording,
    readonly client: PodEnd,
  ) {
    const { pod, ip } = client;
    const ns = pod.metadata.namespace ?? 'default';
    this.facts = [{ label: 'Client', value: `${clientName(pod)} (${ip ?? 'no IP'}) on ${pod.spec?.nodeName ?? '?'}` }];
    this.verify = [`kubectl get pod ${pod.metadata.name} -n ${ns} -o wide`];
    this.followUps = [
      { title: `Egress of ${pod.metadata.name}`, question: `egress ${pod.metadata.name} -n ${ns}`, intent: 'egress' },
    ];
  }
  done(status: Status, answer: string, extra: Partial<PathResult> = {}): PathResult {
    const { hops, facts, warnings, verify, followUps } = this;
    return result(this.wording.intent, status, answer, { hops, facts, warnings, verify, followUps, ...extra });
  }
  /** an answer where the connection fails (no such port, no endpoints) */
  fails(answer: string, title: string, layers?: LayerVerdict[]): PathResult {
    const typed = this.wording.fails ?? {};
    return this.done('answered', answer, { title, ...typed, ...(typed.verdict && layers ? { layers } : {}) });
  }
}

export function narratePair(d: EastWestDecision, wording: PairWording): PathResult {
  if (d.kind === 'internet') return egress.narrate(d.egress);
  const draft = new Draft(wording, d.client);
  const from = d.client.pod.metadata.name;
  switch (d.kind) {
    case 'cannot-resolve':
      return draft.done('not-found', `${from} cannot resolve ${d.name}: ${d.reason}.`);
    case 'no-pod-behind-headless':
      return draft.done(
        'not-found',
        `${d.name}: no pod ${d.hostname} behind headless Service ${d.service.metadata.name}.`,
      );
    case 'unknown-ip':
      return draft.done('not-found', `${d.ip} is neither a pod IP nor a Service IP in this cluster.`);
  }
  draft.hops.push({ kind: 'pod', name: clientName(d.client.pod), ip: d.client.ip, src: d.client.ip });
  if (d.kind === 'no-such-port') return noSuchPort(draft, d);
  if (d.via) serviceParts(draft, d.via);
  if (d.kind === 'no-ready-endpoints') {
    const svc = fullName(d.via.service);
    draft.warnings.push(`Service ${svc} has no ready endpoints: connections to it fail`);
    const title = `${d.via.service.metadata.name} has no ready endpoints`;
    return draft.fails(`${svc} has no ready endpoints: ${from}'s connection has nowhere to go.`, title);
  }
  if (d.via) serviceHops(draft, d.via, d.client);
  if (d.kind === 'pod-not-found') return draft.done('not-found', `Could not find the destination pod.`);
  return path(draft, d);
}

function noSuchPort(draft: Draft, d: Extract<EastWestDecision, { kind: 'no-such-port' }>): PathResult {
  const svc = fullName(d.service);
  const ports = (d.service.spec?.ports ?? []).map((p) => p.port).join(', ');
  const from = d.client.pod.metadata.name;
  const vip = `${d.service.spec?.clusterIP}:${d.port}`;
  if (d.mapsTo) return targetPortAsked(draft, d, d.mapsTo);
  draft.warnings.push(`Service ${svc} has no port ${d.port} (ports: ${ports})`);
  const fails = `so the connection to ${vip} fails`;
  return draft.fails(
    `${from} cannot reach ${svc} on port ${d.port}: the Service has no such port (it has ${ports}), ${fails}.`,
    `${d.service.metadata.name} has no port ${d.port}`,
  );
}

/** The pod port asked of the Service: the ClusterIP does not listen there, its Service port forwards to it. */
function targetPortAsked(
  draft: Draft,
  d: Extract<EastWestDecision, { kind: 'no-such-port' }>,
  m: PortMapping,
): PathResult {
  const svc = fullName(d.service);
  const name = d.service.metadata.name;
  const from = d.client.pod.metadata.name;
  const ip = d.service.spec?.clusterIP;
  const sp = m.servicePort.port;
  draft.warnings.push(
    `${d.port} is the pod port (targetPort) of Service ${svc}, not a Service port: ` +
      `the Service listens on ${sp} (→ pod ${m.podPort})`,
  );
  draft.facts.push({ label: 'Service', value: `${svc} ${ip} port ${sp} → pod port ${m.podPort}` });
  draft.verify.push(`kubectl get svc ${name} -n ${d.service.metadata.namespace} -o yaml`);
  // the packet gets as far as the ClusterIP, which has no listener on the port asked
  draft.hops.push({ kind: 'service', name: svc, ip, port: d.port, note: `refused: the Service listens on ${sp}` });
  const no = draft.wording.intent === 'policy' ? 'No: ' : '';
  return draft.fails(
    `${no}${from} cannot reach ${svc} on ${d.port} through the Service: ${ip}:${d.port} is refused, because the ` +
      `Service port is ${sp} (→ pod ${m.podPort}). Use ${name}:${sp}, or the pod IP directly on ${m.podPort}.`,
    `${name}: Service port ${sp} (→ pod ${m.podPort}), not ${d.port}`,
    [{ layer: 'service', verdict: 'refused', by: `${svc} port ${sp} → ${m.podPort}`, note: `${ip}:${d.port}` }],
  );
}

/** What the Service says: endpoints not ready, its address and port, how to check it. */
function serviceParts(draft: Draft, via: ServiceView): void {
  const { service, port } = via;
  const svc = fullName(service);
  const notReady = via.endpoints.length - via.ready.length;
  if (notReady > 0) draft.warnings.push(`${notReady} endpoint(s) of ${svc} are not ready and get no traffic`);
  const address = via.headless ? '(headless)' : (service.spec?.clusterIP ?? '');
  draft.facts.push({
    label: 'Service',
    value: `${svc} ${address}${port ? ` port ${port.port}/${port.protocol ?? 'TCP'}` : ''}`,
  });
  const { name, namespace } = service.metadata;
  draft.verify.push(
    `kubectl get svc ${name} -n ${namespace} -o wide`,
    `kubectl get endpointslices -n ${namespace} -l kubernetes.io/service-name=${name} -o wide`,
  );
}

/** Name resolution, and the ClusterIP the client addresses (a headless Service has none). */
function serviceHops(draft: Draft, via: ServiceView, client: PodEnd): void {
  const svc = fullName(via.service);
  if (via.headless) {
    draft.hops.push({
      kind: 'dns',
      name: via.fqdn ?? svc,
      ip: via.ready.map((e) => e.ip).join(', '),
      note: `headless Service: the name resolves straight to the ready pod IPs (${via.ready.length})`,
    });
    return;
  }
  if (via.front) return frontHop(draft, via, via.front, client);
  const clusterIp = via.service.spec?.clusterIP;
  if (via.fqdn)
    draft.hops.push({
      kind: 'dns',
      name: via.fqdn,
      ip: clusterIp,
      note: 'resolved by the cluster DNS to the ClusterIP',
    });
  draft.hops.push({
    kind: 'service',
    name: svc,
    ip: clusterIp,
    port: via.port?.port,
    src: client.ip,
    dst: clusterIp,
    note: 'virtual IP: never on the wire, translated at the client’s node',
  });
}

/** A Service's load balancer or external IP dialed from a pod: the client's node takes it like the ClusterIP. */
function frontHop(draft: Draft, via: ServiceView, front: ServiceFront, client: PodEnd): void {
  const what = front.kind === 'load-balancer' ? 'load balancer IP' : 'external IP';
  const never = front.kind === 'load-balancer' ? ': the packet never goes out to the load balancer' : '';
  draft.hops.push({
    kind: 'service',
    name: fullName(via.service),
    ip: front.ip,
    port: via.port?.port,
    src: client.ip,
    dst: front.ip,
    note: `the Service's ${what}: translated at the client’s node like its ClusterIP${never}`,
  });
  draft.warnings.push(
    `${front.ip} is the ${what} of Service ${fullName(via.service)} in this cluster: a pod's packets to it are ` +
      `taken by the service proxy on the pod's own node${never} (Service status ipMode VIP, the default), so no ` +
      'outbound SNAT applies',
  );
}

/** The packet from the client's node to the server pod, the server's facts, and the policy verdicts. */
function path(draft: Draft, d: PathDecision): PathResult {
  const { client, server } = d;
  const fromIp = client.ip;
  const node = server.pod.spec?.nodeName;
  draft.hops.push(clientNode(d));
  if (!d.sameNode) {
    const note = `cross-node: ${TRANSPORT[d.transport]}, addresses unchanged`;
    draft.hops.push({ kind: 'node', name: node ?? '?', ip: server.nodeIp, src: fromIp, dst: server.ip, note });
  }
  draft.hops.push({
    kind: 'pod',
    name: serverName(server.pod),
    ip: server.ip,
    port: d.dst.port,
    src: fromIp,
    dst: server.ip,
    note: `sees source ${fromIp}: no SNAT inside the cluster`,
  });
  draft.facts.push(
    { label: 'Server', value: `${serverName(server.pod)} (${server.ip}${portText(d)}) on ${node ?? '?'}` },
    { label: 'Nodes', value: d.sameNode ? 'same node' : 'different nodes' },
  );
  const ready = d.via?.ready ?? [];
  if (ready.length > 1)
    draft.facts.push({
      label: 'Endpoints',
      value: ready.map((e) => `${e.ip}${e.port ? ':' + e.port : ''}`).join(', '),
    });
  const { name, namespace } = server.pod.metadata;
  draft.verify.push(`kubectl get pod ${name} -n ${namespace} -o wide`);
  for (const v of denied(d)) draft.warnings.push(`NetworkPolicy ${v.reason}`);
  policyCaveats(draft, d);
  draft.facts.push({ label: 'Policy', value: policyWords(d) });
  if (d.policy.anyPolicy) draft.verify.push(`kubectl get networkpolicy -n ${namespace} -o yaml`);
  const { answer, ...extra } = draft.wording.path(d);
  // pods see each other's IPs: no SNAT inside the cluster
  // https://kubernetes.io/docs/concepts/services-networking/
  const seenAs = fromIp ? [fromIp] : undefined;
  return draft.done('answered', answer.replace(/\.\./g, '.'), { seenAs, ...extra });
}

/** The client's node: where a ClusterIP is translated (DNAT) to the chosen endpoint. */
function clientNode(d: PathDecision): Hop {
  const { client } = d;
  const hop: Hop = {
    kind: 'node',
    name: client.pod.spec?.nodeName ?? '?',
    ip: client.nodeIp,
    src: client.ip,
    dst: d.dst.ip,
    note: undefined,
  };
  if (!d.dnat) return hop;
  const { clusterIp, servicePort, podIp } = d.dnat;
  const from = `${clusterIp}:${servicePort ?? ''}`;
  const to = `${podIp}${portText(d)}`;
  hop.note = `DNAT ${from} → ${to} (EndpointSlice; at the client’s node)`;
  hop.nat = { kind: 'dnat', from: servicePort === undefined ? `${clusterIp}` : from, to };
  return hop;
}

const TRANSPORT: Record<Transport, string> = {
  kubenet: 'routed by the subnet’s route table (kubenet: one route per node pod range)',
  'azure-cni': 'routed by the VNet (Azure CNI: pod IPs are VNet addresses)',
  'ovn-kubernetes': 'carried by the OVN-Kubernetes Geneve overlay',
  'openshift-sdn': 'carried by the openshift-sdn VXLAN overlay',
  'cluster-network': 'carried by the cluster network',
};

const NO_POLICY = 'allowed (no NetworkPolicy applies)';

/** The verdicts that deny the connection (egress at the client, ingress at the server); none when not enforced. */
export const denied = (d: PathDecision): PolicyVerdict[] =>
  d.policy.enforcement.enforced === false ? [] : [d.policy.egress, d.policy.ingress].filter((v) => !v.allowed);

/** The NetworkPolicy verdict in words, saying when the cluster enforces none. */
export function policyWords(d: PathDecision): string {
  const { egress, ingress, enforcement, anyPolicy } = d.policy;
  if (enforcement.enforced === false)
    return anyPolicy
      ? `allowed — NetworkPolicies exist but this cluster enforces none: ${enforcement.why}`
      : `allowed (no NetworkPolicy, and ${enforcement.why})`;
  return policyText(egress, ingress);
}

/** Warnings every pair answer carries about policy layers it could not fully judge. */
function policyCaveats(draft: Draft, d: PathDecision): void {
  const { enforcement, anyPolicy, unevaluated } = d.policy;
  if (enforcement.enforced === false && anyPolicy)
    draft.warnings.push(`NetworkPolicies exist but are not enforced: ${enforcement.why}`);
  if (enforcement.enforced === undefined && anyPolicy) draft.warnings.push(capital(enforcement.why));
  if (d.policy.forVip && enforcement.enforced !== false)
    draft.warnings.push(vipWords(d.policy.forVip, d.policy.egress));
  // ANP are evaluated before NetworkPolicy, BANP after it
  // https://docs.openshift.com/container-platform/4.16/networking/network_security/network-policy-apis.html
  if (unevaluated.length)
    draft.warnings.push(
      `Not evaluated: ${unevaluated.join(', ')} — these can allow or deny this connection ` +
        `before (AdminNetworkPolicy, Cilium) or after (BaselineAdminNetworkPolicy) NetworkPolicy`,
    );
}

// whether egress policies see a Service address before or after its translation is left to the implementation
// https://kubernetes.io/docs/concepts/services-networking/network-policies/#behavior-of-to-and-from-selectors
function vipWords(vip: { vip: string; verdict: PolicyVerdict }, pod: PolicyVerdict): string {
  const said = (v: PolicyVerdict) => (v.allowed ? 'allowed' : 'denied');
  return (
    `Egress judged for the pod address the Service address ${vip.vip} is translated to (${said(pod)}); judged for ` +
    `${vip.vip} itself it is ${said(vip.verdict)} (${vip.verdict.reason}). Kubernetes leaves undefined which of the ` +
    `two a NetworkPolicy sees: check your policy engine, or name the pods rather than the address in the ipBlock`
  );
}

function policyText(eg: PolicyVerdict, ing: PolicyVerdict): string {
  if (eg.allowed && ing.allowed && !eg.policies.length && !ing.policies.length) return NO_POLICY;
  if (eg.allowed && ing.allowed)
    return `allowed by ${[...eg.policies, ...ing.policies].map((p) => `NetworkPolicy ${p}`).join(' and ')}`;
  const directions = [eg, ing].filter((v) => !v.allowed).map((v) => v.direction.toLowerCase());
  return `denied (${directions.join(' and ')})`;
}

/** ":port" of the server, or nothing when the question named no port. */
export const portText = (d: PathDecision): string => (d.dst.port ? `:${d.dst.port}` : '');

/** The client as namespace/name (its namespace defaults to "default"). */
export const clientName = (p: Pod): string => `${p.metadata.namespace ?? 'default'}/${p.metadata.name}`;
export const serverName = (p: Pod): string => fullName(p);
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
