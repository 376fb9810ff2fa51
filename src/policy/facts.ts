// What a reachability answer reads beyond the pair's Kubernetes facts: for
// each end's node, its NIC and subnet, the NSGs on both, the VNet (address
// space for the VirtualNetwork tag, system routes) and the client subnet's
// route table. Every Azure read goes through the trace.
import { decide as decidePair } from '../east-west/decide';
import { facts as pairFacts, type EastWestFacts } from '../east-west/facts';
import type { EastWestSubjects } from '../east-west/resolve';
import type { Ctx } from '../family';
import type { RouteTable } from '../inventory/azure-model';
import type { ClusterInfo } from '../inventory/inventory';
import type { Namespace, NetworkPolicy, Node, Pod } from '../inventory/k8s-types';
import { inbound } from '../inbound';
import type { InboundFacts } from '../inbound/facts';
import { azureEnd, podEnd, type AzureEnd } from '../path/azure-end';
import { fullName } from '../path/kube';
import { outsideFacts, type OutsideFacts } from './outside';
import type { PolicySubjects } from './resolve';

export interface ReachAzure {
  client: AzureEnd;
  server: AzureEnd;
  /** the client subnet's route table */
  routeTable?: RouteTable;
}

export interface PolicyFacts {
  pair: EastWestFacts;
  /** absent when the pair does not get as far as two pods, or the nodes are not Azure VMs */
  azure?: ReachAzure;
  /** the far end is an address outside the cluster: the way out to it */
  outside?: OutsideFacts;
}

/** What a listing reads: every policy, pod and namespace, and the cluster's policy engine. */
export interface ListFacts {
  list: true;
  policies: NetworkPolicy[];
  pods: Pod[];
  namespaces: Namespace[];
  cluster?: ClusterInfo;
  /** AdminNetworkPolicy and other kinds present: "AdminNetworkPolicy deny-db" */
  unevaluated: string[];
}

/** What the way out to an Azure service reads. */
export interface ToServiceFacts {
  toService: OutsideFacts;
}

/** What the way in reads, for the Internet let in to one party. */
export interface InternetInFacts {
  internetIn: InboundFacts;
}

export type AnyPolicyFacts = PolicyFacts | ListFacts | InternetInFacts | ToServiceFacts;

export const isListFacts = (f: AnyPolicyFacts): f is ListFacts => 'list' in f;

export async function facts(s: PolicySubjects, ctx: Ctx): Promise<AnyPolicyFacts> {
  if ('internetIn' in s) return { internetIn: await inbound.facts(s.internetIn, ctx) };
  if ('toService' in s) {
    const nodes = await ctx.trace.list('nodes', () => ctx.inv.list('Node'));
    return { toService: await outsideFacts(s.toService.from, undefined, nodes, ctx) };
  }
  return 'list' in s ? listFacts(ctx) : reachFacts(s, ctx);
}

// present, never evaluated: they are reported so the listing is not taken as the whole story
const OTHER_KINDS = [
  'AdminNetworkPolicy',
  'BaselineAdminNetworkPolicy',
  'CiliumNetworkPolicy',
  'CiliumClusterwideNetworkPolicy',
] as const;

async function listFacts({ inv, trace }: Ctx): Promise<ListFacts> {
  const [policies, pods, namespaces, cluster, ...others] = await Promise.all([
    trace.list('network policies', () => inv.list('NetworkPolicy')),
    trace.list('pods', () => inv.list('Pod')),
    trace.list('namespaces', () => inv.list('Namespace')),
    trace.try('cluster', () => inv.cluster()),
    ...OTHER_KINDS.map((k) => trace.try(k, () => inv.list(k))),
  ]);
  const unevaluated = OTHER_KINDS.flatMap((k, i) => (others[i] ?? []).map((o) => `${k} ${fullName(o)}`));
  return { list: true, policies, pods, namespaces, cluster, unevaluated };
}

/** The pair's Kubernetes facts and, when both ends are Azure VMs, the NSGs, VNet and route table around them. */
export async function reachFacts(s: EastWestSubjects, ctx: Ctx): Promise<PolicyFacts> {
  const pair = await pairFacts(s, ctx);
  if (pair.kind !== 'pair') return { pair };
  // the rules pick the server pod; its node is what the Azure walk needs
  const d = decidePair(s, pair);
  // (a node's own address is no outside party: a pasted log's node IP is not where the pod connects)
  const nodeAddress = (ip: string) =>
    (pair.nodes ?? []).some((n) => n.status?.addresses?.some((a) => a.address === ip));
  if (d.kind === 'unknown-ip' && !nodeAddress(d.ip))
    return { pair, outside: await outsideFacts(d.client.pod, d.ip, pair.nodes ?? [], ctx) };
  if (d.kind !== 'path') return { pair };
  const nodeOf = (name?: string) => (pair.nodes ?? []).find((n) => n.metadata.name === name);
  const [cn, sn] = [nodeOf(d.client.pod.spec?.nodeName), nodeOf(d.server.pod.spec?.nodeName)];
  if (!cn?.spec?.providerID?.startsWith('azure://') || !sn?.spec?.providerID?.startsWith('azure://')) return { pair };
  const end = (node: Node, podIp?: string) =>
    azureEnd(ctx.inv, node, ctx.trace).then((e) => podEnd(ctx.inv, e, podIp, ctx.trace));
  const [client, server] = await Promise.all([end(cn, d.client.ip), end(sn, d.server.ip)]);
  return { pair, azure: { client, server, routeTable: client.routeTable } };
}
