// The lookups of a SNAT question: each node's egress rule (the same walk as the egress answer), then the Azure
// Monitor metrics of every load balancer and NAT gateway that SNATs a node.
import type { Ctx } from '../family';
import { locateNode } from '../path/azure-node';
import { decideEgress, readEgressFacts, type EgressDecision } from '../path/egress-rules';
import { nodeIp } from '../path/kube';
import { lbWorld } from '../path/lb';
import { readSnatAll, snatTargetOf } from './read';
import type { SnatReading, SnatTarget } from './usage';

export interface PlacedNode {
  name: string;
  /** the node's private IPs (InternalIP and NIC address): the load balancer's BackendIPAddress */
  ips: string[];
  rule: EgressDecision;
}

export interface SnatFacts {
  nodes: PlacedNode[];
  readings: SnatReading[];
}

export async function facts({ inv, trace }: Ctx): Promise<SnatFacts> {
  const [nodes, cluster, world] = await Promise.all([
    trace.list('nodes', () => inv.list('Node')),
    trace.try('cluster', () => inv.cluster()),
    lbWorld(inv, trace, { outboundPips: true }),
  ]);
  const placed = await Promise.all(
    nodes.map(async (node): Promise<PlacedNode> => {
      const at = await locateNode(inv, node, trace);
      const azure = await readEgressFacts(inv, at, undefined, trace, world, cluster);
      const ips = [nodeIp(node), at.ipConfig?.privateIp].filter((ip): ip is string => !!ip);
      return { name: node.metadata.name, ips: [...new Set(ips)], rule: decideEgress(at, undefined, azure) };
    }),
  );
  const targets = placed.map((p) => snatTargetOf(p.rule)).filter((t): t is SnatTarget => !!t);
  return { nodes: placed, readings: await readSnatAll(inv, trace, targets) };
}
