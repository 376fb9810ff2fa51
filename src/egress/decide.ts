import type { Subnet, VirtualNetwork } from '../inventory/azure-model';
import { idKey } from '../inventory/ids';
import type { EgressIP, Node, Pod } from '../inventory/k8s-types';
import { subnetHolding } from '../path/azure-end';
import type { NodeOnAzure } from '../path/azure-node';
import {
  clusterSource,
  decideEgress,
  egressIpReachesInternet,
  type ClusterSource,
  type EgressDecision,
} from '../path/egress-rules';
import { nodeIp, podIp } from '../path/kube';
import type { SnatReading } from '../snat/usage';
import type { EgressFacts } from './facts';
import type { EgressSubjects } from './resolve';

interface Common {
  pod: Pod;
  podIp?: string;
  destination?: string;
  hostNetwork: boolean;
  /** OpenShift EgressIPs that move this pod's egress to another address */
  egressIps: EgressIP[];
}

export type EgressAnswer =
  | (Common & { kind: 'no-node' })
  | (Common & {
      kind: 'path';
      node: Node;
      nodeIp?: string;
      at: NodeOnAzure;
      rule: EgressDecision;
      /** the address the packet leaves the node with (pod, node or EgressIP), by CNI */
      source: ClusterSource;
      /** an EgressIP source with no outbound path to the Internet (load balancer / default outbound) */
      egressIpStranded: boolean;
      /** SNAT usage of the load balancer or NAT gateway (read in facts), or why it is not known */
      snat?: SnatReading;
      /** the pod's own subnet when it is not the node's (Azure CNI pod subnet) */
      podSubnet?: Subnet;
      /** `at` is the pod's own subnet, not the node's: the pod leaves from it (its NAT gateway and routes) */
      leavesFromPodSubnet?: boolean;
    });

export function decide(s: EgressSubjects, f: EgressFacts): EgressAnswer {
  const common: Common = {
    pod: s.pod,
    podIp: podIp(s.pod),
    destination: s.destination,
    hostNetwork: !!s.pod.spec?.hostNetwork,
    egressIps: f.egressIps,
  };
  if (!f.node || !f.at || !f.azure) return { ...common, kind: 'no-node' };
  const at = f.exit ?? f.at;
  const rule = decideEgress(at, s.destination, f.azure);
  const nIp = nodeIp(f.node);
  const source: ClusterSource = f.exit
    ? { kind: 'pod', ip: common.podIp, plugin: 'azure (pod subnet)' }
    : clusterSource({ ...common, cluster: f.cluster, nodeIp: nIp, egressIps: f.egressIps });
  const egressIpStranded = source.kind === 'egress-ip' && !egressIpReachesInternet(rule);
  const podSubnet = podSubnetOf(f.azure.vnet, common.podIp, f.at.subnet);
  const path = { kind: 'path' as const, node: f.node, nodeIp: nIp, at, rule, source, egressIpStranded };
  const fromPods = f.exit ? { leavesFromPodSubnet: true } : {};
  return { ...common, ...path, snat: f.snat, ...(podSubnet ? { podSubnet } : {}), ...fromPods };
}

/** The subnet of the node's VNet holding the pod's address, when it is another than the node's. */
function podSubnetOf(vnet: VirtualNetwork | undefined, ip: string | undefined, own: Subnet | undefined) {
  const subnet = subnetHolding(vnet, ip);
  return subnet && own && idKey(subnet.id) !== idKey(own.id) ? subnet : undefined;
}
