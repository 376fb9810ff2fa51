import type { EgressIP, Node, Pod } from '../inventory/k8s-types';
import type { NodeOnAzure } from '../path/azure-node';
import { decideEgress, type EgressDecision } from '../path/egress-rules';
import { nodeIp, podIp } from '../path/kube';
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
  | (Common & { kind: 'path'; node: Node; nodeIp?: string; at: NodeOnAzure; rule: EgressDecision });

export function decide(s: EgressSubjects, f: EgressFacts): EgressAnswer {
  const common: Common = {
    pod: s.pod,
    podIp: podIp(s.pod),
    destination: s.destination,
    hostNetwork: !!s.pod.spec?.hostNetwork,
    egressIps: f.egressIps,
  };
  if (!f.node || !f.at || !f.azure) return { ...common, kind: 'no-node' };
  const rule = decideEgress(f.at, s.destination, f.azure);
  return { ...common, kind: 'path', node: f.node, nodeIp: nodeIp(f.node), at: f.at, rule };
}
