// The lookups of an egress answer: the pod's node, EgressIPs that select the
// pod, the node's NIC and subnet, and what the subnet's egress rules read.
import type { Ctx } from '../family';
import type { ClusterInfo } from '../inventory/inventory';
import type { VirtualNetwork } from '../inventory/azure-model';
import { sameId } from '../inventory/ids';
import type { EgressIP, Node, Pod } from '../inventory/k8s-types';
import { subnetHolding } from '../path/azure-end';
import { locateNode, type NodeOnAzure } from '../path/azure-node';
import { decideEgress, readEgressFacts, type EgressAzureFacts } from '../path/egress-rules';
import { egressIpsFor, podIp } from '../path/kube';
import { lbWorld } from '../path/lb';
import { readSnat, snatTargetOf } from '../snat/read';
import type { SnatReading } from '../snat/usage';
import type { EgressSubjects } from './resolve';

export interface EgressFacts {
  node?: Node;
  egressIps: EgressIP[];
  at?: NodeOnAzure;
  azure?: EgressAzureFacts;
  /** network plugin and outbound type (what a private destination sees depends on the CNI) */
  cluster?: ClusterInfo;
  /** SNAT usage (Azure Monitor) of the load balancer or NAT gateway that SNATs the node, or why it is not known */
  snat?: SnatReading;
  /** where the pod's packets leave when it is not the node's subnet: an Azure CNI pod subnet with a NAT gateway */
  exit?: NodeOnAzure;
}

export async function facts(s: EgressSubjects, { inv, trace }: Ctx): Promise<EgressFacts> {
  const [nodes, namespaces, egressIpObjs, cluster] = await Promise.all([
    trace.list('nodes', () => inv.list('Node')),
    trace.list('namespaces', () => inv.list('Namespace')),
    trace.list('EgressIPs', () => inv.list('EgressIP')),
    trace.try('cluster', () => inv.cluster()),
  ]);
  const node = nodes.find((n) => n.metadata.name === s.pod.spec?.nodeName);
  const egressIps = egressIpsFor(s.pod, namespaces, egressIpObjs);
  if (!node) {
    if (s.pod.spec?.nodeName) trace.fail(`node ${s.pod.spec.nodeName}`, 'not found in the cluster');
    return { egressIps, cluster };
  }
  // the node resource group's load balancers and public IPs are read while the node is located
  const [at, world] = await Promise.all([locateNode(inv, node, trace), lbWorld(inv, trace, { outboundPips: true })]);
  const nodeWay = await readEgressFacts(inv, at, s.destination, trace, world, cluster);
  const exit = podSubnetExit(s.pod, at, nodeWay.vnet, cluster, egressIps);
  const azure = exit ? await readEgressFacts(inv, exit, s.destination, trace, world, cluster) : nodeWay;
  // the rule is decided again in decide (pure); here only to know whose metrics to read
  const target = snatTargetOf(decideEgress(exit ?? at, s.destination, azure));
  const snat = target ? await readSnat(inv, trace, target) : undefined;
  return { node, egressIps, at, azure, cluster, snat, ...(exit ? { exit } : {}) };
}

// Azure CNI pod subnet is a flat network: traffic leaving the cluster keeps the pod IP (no SNAT to the node), and a
// NAT gateway on the pod subnet fixes pods' source IP apart from the nodes'
// https://learn.microsoft.com/azure/aks/concepts-network-cni-overview#flat-networks
// https://learn.microsoft.com/azure/aks/configure-azure-cni-dynamic-ip-allocation
function podSubnetExit(pod: Pod, at: NodeOnAzure, vnet?: VirtualNetwork, cluster?: ClusterInfo, eips?: EgressIP[]) {
  const flat = cluster?.networkPlugin?.toLowerCase() === 'azure' && !cluster.networkPluginMode;
  if (!flat || pod.spec?.hostNetwork || eips?.length || !at.subnet) return undefined;
  const pods = subnetHolding(vnet ?? at.vnet, podIp(pod));
  if (!pods?.natGatewayId || sameId(pods.id, at.subnet.id)) return undefined;
  return sameId(pods.natGatewayId, at.subnet.natGatewayId) ? undefined : { ...at, subnet: pods };
}
