// NetworkPolicy at the end of the way in: the pod a connection lands on takes it only when a policy selecting it
// allows the source it sees there — the client, the node after SNAT, or the proxy pod that opened a new connection.
// https://kubernetes.io/docs/concepts/services-networking/network-policies/
import type { NetworkPolicy, Namespace, Pod } from '../inventory/k8s-types';
import type { ClusterInfo } from '../inventory/inventory';
import { podOfEndpoint } from '../path/endpoints';
import { fullName } from '../path/kube';
import { enforcementOf, outsideVerdict, verdict, type Enforcement, type Verdict } from '../path/policy';
import type { InboundDecision, Landing } from './decide';

export interface PolicyFacts {
  pods: Pod[];
  cluster?: ClusterInfo;
  policies?: NetworkPolicy[];
  namespaces?: Namespace[];
}

/** One pod's ingress verdict for the source it sees. */
export interface PodGate {
  pod: string;
  source: string;
  verdict: Verdict & { onlyFrom?: string[] };
  /** the source is the load balancer's or the node's after a rewrite: which one a policy acts on is not defined */
  rewritten: boolean;
}

export interface InboundPolicy {
  gates: PodGate[];
  enforcement: Enforcement;
}

type Walked = Extract<InboundDecision, { kind: 'direct' | 'via-proxy' }>;

/** The gates on the way in (the front pod, then the app pod behind a proxy); none when the cluster has no policy. */
export function inboundPolicy(d: InboundDecision, f: PolicyFacts): InboundPolicy | undefined {
  if (!f.policies?.length || (d.kind !== 'direct' && d.kind !== 'via-proxy')) return undefined;
  const gates = [frontGate(d, f)];
  if (d.kind === 'via-proxy') gates.push(appGate(d, f));
  return { gates: gates.filter((g): g is PodGate => !!g), enforcement: enforcementOf(f.cluster, f.pods) };
}

/** The front Service's pod (the app, or the router / ingress controller) for the client's packet. */
function frontGate(d: Walked, f: PolicyFacts): PodGate | undefined {
  const l: Landing = d.landing;
  const pod = l.frontPod ?? podOfEndpoint(l.first, f.pods);
  if (!pod || pod.spec?.hostNetwork) return undefined;
  const port = l.first.port;
  const protocol = d.entry.svcPort?.protocol ?? 'TCP';
  const policies = f.policies ?? [];
  // (a private client SNATed on its way to a public frontend arrives as an address not known: any client)
  const snatted = d.entry.arrivesAs !== d.entry.client;
  if (l.etpLocal && (!d.entry.client || snatted))
    return {
      pod: fullName(pod),
      source: snatted ? d.entry.arrivesAs! : 'the client',
      verdict: outsideVerdict('Ingress', pod, port, protocol, policies),
      rewritten: false,
    };
  const ip = l.etpLocal ? d.entry.client! : l.frontSrc;
  const v = verdict('Ingress', pod, { ip }, port, protocol, policies, f.namespaces ?? []);
  // with ETP Cluster the node SNATs the client: whether a policy sees the client or the node is not defined
  // https://kubernetes.io/docs/concepts/services-networking/network-policies/#behavior-of-to-and-from-selectors
  return {
    pod: fullName(pod),
    source: l.etpLocal ? ip : `${ip} (the node, after SNAT)`,
    verdict: v,
    rewritten: !l.etpLocal,
  };
}

/** The app pod behind a proxy, for the proxy's own connection (from its pod, or its node on the host network). */
function appGate(d: Extract<InboundDecision, { kind: 'via-proxy' }>, f: PolicyFacts): PodGate | undefined {
  const pod = podOfEndpoint(d.appEps[0], f.pods);
  if (!pod) return undefined;
  const proxy = d.landing.frontPod;
  const ip = d.proxySrc ?? '';
  const host = !!proxy?.spec?.hostNetwork;
  const peer = host || !proxy ? { ip } : { pod: proxy, ip };
  const protocol = 'TCP';
  const v = verdict('Ingress', pod, peer, d.appEps[0].port, protocol, f.policies ?? [], f.namespaces ?? []);
  const source = proxy ? `${fullName(proxy)} (${ip}${host ? ', its node: host network' : ''})` : ip;
  return { pod: fullName(pod), source, verdict: v, rewritten: host };
}
