// The lookups of the load balancer list: the node resource group's load
// balancers, public IPs and NICs, and the nodes and Services behind them.
import type { Ctx } from '../family';
import type { LoadBalancer, Nic, PublicIp } from '../inventory/azure-model';
import type { Node, Service } from '../inventory/k8s-types';
import { lbWorld, publicIpById } from '../path/lb';
import { facts as snatFacts, type SnatFacts } from '../snat/facts';
import type { LbSubjects } from './resolve';

export interface LbFacts {
  /** the node resource group IDs read */
  groups: string[];
  lbs: LoadBalancer[];
  /** public IPs by lower-case ID: all of the node resource group(s), and those the frontends name */
  pips: Map<string, PublicIp>;
  nics: Nic[];
  nodes: Node[];
  services: Service[];
  /** a SNAT question: each node's outbound rule and the Azure Monitor metrics of what SNATs it */
  snat?: SnatFacts;
}

export async function facts(s: LbSubjects, ctx: Ctx): Promise<LbFacts> {
  if (s.snat) {
    const snat = await snatFacts(ctx);
    return { groups: [], lbs: [], pips: new Map(), nics: [], nodes: [], services: [], snat };
  }
  const { inv, trace } = ctx;
  const [world, nodes, services] = await Promise.all([
    lbWorld(inv, trace, { allPips: true, nics: true }),
    trace.list('nodes', () => inv.list('Node')),
    trace.list('services', () => inv.list('Service')),
  ]);
  const ids = world.lbs.flatMap((lb) => lb.frontends.map((f) => f.publicIpId).filter((id): id is string => !!id));
  await Promise.all(ids.map((id) => publicIpById(inv, world, id, trace)));
  return { groups: world.groups, lbs: world.lbs, pips: world.pips, nics: world.nics, nodes, services };
}
