// The lookups of a DNS answer, each through the trace: a failed one is an
// entry in errors and an undefined list here (the answer then says so).
import type { Ctx } from '../family';
import type { ClusterInfo } from '../inventory/inventory';
import type { EndpointSlice, Endpoints, Node, Pod, Service } from '../inventory/k8s-types';
import { inbound } from '../inbound';
import type { InboundFacts } from '../inbound/facts';
import { locateNode, type NodeOnAzure } from '../path/azure-node';
import { clusterDnsService, resolvConfOf } from '../path/dns';
import { endpointsOf } from '../path/endpoints';
import type { DnsPathAsk, DnsSubjects } from './resolve';

export interface DnsFacts {
  services?: Service[];
  pods?: Pod[];
  slices?: EndpointSlice[];
  legacy?: Endpoints[];
  /** what the inbound family reads for a route / ingress host */
  external?: InboundFacts;
  /** the resolution path: the cluster, its nodes and the Azure side of the node that asks upstream */
  path?: DnsPathFacts;
  /** a name looked up from a pod, no cluster DNS Service read: the address the kubelet gives pods as nameserver */
  dnsServiceIp?: string;
}

export interface DnsPathFacts {
  cluster?: ClusterInfo;
  nodes?: Node[];
  /** the node whose resolv.conf names the upstream (a DNS pod's; the pod's own when it skips the cluster DNS) */
  upstreamNode?: NodeOnAzure;
}

export async function facts(s: DnsSubjects, ctx: Ctx): Promise<DnsFacts> {
  if (s.external) return { external: await inbound.facts(s.external, ctx) };
  const { inv, trace } = ctx;
  const [services, pods, slices, legacy] = await Promise.all([
    trace.try('services', () => inv.list('Service')),
    trace.try('pods', () => inv.list('Pod')),
    trace.try('endpoint slices', () => inv.list('EndpointSlice')),
    trace.try('endpoints', () => inv.list('Endpoints')),
  ]);
  const base = { services, pods, slices, legacy };
  // a pod that skips the cluster DNS asks its node's (or its own) servers: that path answers even a name lookup
  const path = s.path ?? (s.from && resolvConfOf(s.from).via !== 'cluster' ? { pod: s.from } : undefined);
  if (!path) return s.from && !clusterDnsService(services ?? []) ? { ...base, ...(await kubeletDns(ctx)) } : base;
  const external = path.served ? await inbound.facts(path.served, ctx) : undefined;
  return { ...base, path: await pathFacts(path, base, ctx), ...(external ? { external } : {}) };
}

/** AKS's dnsServiceIp: the nameserver the kubelet writes in every ClusterFirst pod's resolv.conf
 * (https://learn.microsoft.com/azure/aks/configure-kubenet, DNS service IP) */
async function kubeletDns(ctx: Ctx): Promise<Pick<DnsFacts, 'dnsServiceIp'>> {
  const cluster = await ctx.trace.try('cluster', () => ctx.inv.cluster());
  return cluster?.dnsServiceIp ? { dnsServiceIp: cluster.dnsServiceIp } : {};
}

async function pathFacts(ask: DnsPathAsk, f: DnsFacts, ctx: Ctx): Promise<DnsPathFacts> {
  const { inv, trace } = ctx;
  const [cluster, nodes] = await Promise.all([
    trace.try('cluster', () => inv.cluster()),
    trace.try('nodes', () => inv.list('Node')),
  ]);
  const nodeName = upstreamNodeName(ask, f);
  const node = nodes?.find((n) => n.metadata.name === nodeName) ?? nodes?.[0];
  const upstreamNode = node ? await locateNode(inv, node, trace) : undefined;
  return { cluster, nodes, upstreamNode };
}

/** The node that sends names upstream: the pod's own when it uses the node's resolv.conf, else a DNS pod's. */
function upstreamNodeName(ask: DnsPathAsk, f: DnsFacts): string | undefined {
  if (ask.pod && resolvConfOf(ask.pod).via === 'node') return ask.pod.spec?.nodeName;
  const svc = clusterDnsService(f.services ?? []);
  if (!svc) return ask.pod?.spec?.nodeName;
  const eps = endpointsOf(svc, svc.spec?.ports?.[0], f.slices ?? [], f.legacy ?? [], f.pods ?? []);
  return eps.find((e) => e.ready && e.nodeName)?.nodeName ?? ask.pod?.spec?.nodeName;
}
