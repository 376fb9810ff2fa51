// What a reachability answer reads beyond the pair's Kubernetes facts: for
// each end's node, its NIC and subnet, the NSGs on both, the VNet (address
// space for the VirtualNetwork tag, system routes) and the client subnet's
// route table. Every Azure read goes through the trace.
import { decide as decidePair } from '../east-west/decide';
import { facts as pairFacts, type EastWestFacts } from '../east-west/facts';
import type { EastWestSubjects } from '../east-west/resolve';
import type { Ctx } from '../family';
import type { NetworkSecurityGroup, RouteTable, VirtualNetwork } from '../inventory/azure-model';
import { idKey, nameOf, parentId } from '../inventory/ids';
import type { ClusterInfo, Inventory } from '../inventory/inventory';
import type { ServiceTagsRead } from '../inventory/service-tags';
import type { Namespace, NetworkPolicy, Node, Pod } from '../inventory/k8s-types';
import { locateNode, type NodeOnAzure } from '../path/azure-node';
import { fullName } from '../path/kube';
import { usesServiceTags } from '../path/nsg';
import type { Trace } from '../path/trace';
import type { PolicySubjects } from './resolve';

/** One end of the connection on Azure. */
export interface AzureEnd {
  at: NodeOnAzure;
  nicNsg?: NetworkSecurityGroup;
  subnetNsg?: NetworkSecurityGroup;
  vnet?: VirtualNetwork;
  routeTable?: RouteTable;
  /** NSG IDs referenced but not readable (not in the snapshot) */
  unseen: string[];
  /** read only when a rule names a service tag beyond VirtualNetwork / AzureLoadBalancer / Internet */
  serviceTags?: ServiceTagsRead;
}

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

export type AnyPolicyFacts = PolicyFacts | ListFacts;

export const isListFacts = (f: AnyPolicyFacts): f is ListFacts => 'list' in f;

export async function facts(s: PolicySubjects, ctx: Ctx): Promise<AnyPolicyFacts> {
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
  if (d.kind !== 'path') return { pair };
  const nodeOf = (name?: string) => (pair.nodes ?? []).find((n) => n.metadata.name === name);
  const [cn, sn] = [nodeOf(d.client.pod.spec?.nodeName), nodeOf(d.server.pod.spec?.nodeName)];
  if (!cn?.spec?.providerID?.startsWith('azure://') || !sn?.spec?.providerID?.startsWith('azure://')) return { pair };
  const [client, server] = await Promise.all([azureEnd(ctx.inv, cn, ctx.trace), azureEnd(ctx.inv, sn, ctx.trace)]);
  return { pair, azure: { client, server, routeTable: client.routeTable } };
}

/** A node's NIC, subnet, their NSGs and the VNet (capture runs this walk too, so snapshots hold what it reads). */
export async function azureEnd(inv: Inventory, node: Node, trace: Trace): Promise<AzureEnd> {
  const at = await locateNode(inv, node, trace);
  const unseen: string[] = [];
  const nsg = async (id?: string) => {
    if (!id) return undefined;
    const got = await trace.try(`network security group ${nameOf(id)}`, () => inv.azure.get('nsg', id));
    if (!got) unseen.push(idKey(id));
    return got;
  };
  const vnetId = at.subnet ? parentId(at.subnet.id) : undefined;
  const rtId = at.subnet?.routeTableId;
  // one round after the subnet: both NSGs, the VNet and the route table together
  const [nicNsg, subnetNsg, vnet, routeTable] = await Promise.all([
    nsg(at.nic?.nsgId),
    nsg(at.subnet?.nsgId),
    vnetId ? trace.try(`virtual network ${nameOf(vnetId)}`, () => inv.azure.get('virtualNetwork', vnetId)) : undefined,
    rtId ? trace.try(`route table ${nameOf(rtId)}`, () => inv.azure.get('routeTable', rtId)) : undefined,
  ]);
  const serviceTags = usesServiceTags([nicNsg, subnetNsg]) ? await readServiceTags(inv, at, trace) : undefined;
  return { at, nicNsg, subnetNsg, vnet, routeTable, unseen: [...new Set(unseen)], serviceTags };
}

/** The service tag list of the node's cloud (the region only picks the cloud), or why it is not there. */
async function readServiceTags(inv: Inventory, at: NodeOnAzure, trace: Trace): Promise<ServiceTagsRead> {
  const [sub, location] = [at.nic?.subscription, at.nic?.location ?? at.vnet?.location];
  if (!inv.azure.serviceTags) return { unavailable: `the ${inv.source} does not read service tags` };
  if (!sub || !location) return { unavailable: 'the node NIC has no subscription or location in the data' };
  const lookup = 'service tags (discovery API)';
  const got = await trace.try(lookup, () => inv.azure.serviceTags!(sub, location));
  return got ?? { unavailable: trace.errors.find((e) => e.lookup === lookup)?.reason ?? 'the read failed' };
}
