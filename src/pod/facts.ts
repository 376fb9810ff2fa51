// The lookups of pod facts: the nodes (its node's IP) and the Services its
// environment may point at.
import type { Ctx } from '../family';
import type { Node, Service } from '../inventory/k8s-types';
import type { PodSubjects } from './resolve';

export interface PodFacts {
  nodes: Node[];
  services: Service[];
}

export async function facts(_s: PodSubjects, { inv, trace }: Ctx): Promise<PodFacts> {
  const [nodes, services] = await Promise.all([
    trace.list('nodes', () => inv.list('Node')),
    trace.list('services', () => inv.list('Service')),
  ]);
  return { nodes, services };
}
