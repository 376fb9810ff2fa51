// The lookups of an egress answer: the pod's node, EgressIPs that select the
// pod, the node's NIC and subnet, and what the subnet's egress rules read.
import type { Ctx } from '../family';
import type { ClusterInfo } from '../inventory/inventory';
import type { EgressIP, Node } from '../inventory/k8s-types';
import { locateNode, type NodeOnAzure } from '../path/azure-node';
import { decideEgress, readEgressFacts, type EgressAzureFacts } from '../path/egress-rules';
import { egressIpsFor } from '../path/kube';
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
  const azure = await readEgressFacts(inv, at, s.destination, trace, world, cluster);
  // the rule is decided again in decide (pure); here only to know whose metrics to read
  const target = snatTargetOf(decideEgress(at, s.destination, azure));
  const snat = target ? await readSnat(inv, trace, target) : undefined;
  return { node, egressIps, at, azure, cluster, snat };
}
