// Transitional: the egress family's steps for a known pod (used by the east-west fallback).
import { egress } from '../egress';
import type { Inventory } from '../inventory/inventory';
import type { Pod } from '../inventory/k8s-types';
import type { PathResult } from './result';
import { Trace } from './trace';

export async function egressPath(
  inv: Inventory,
  q: { pod: Pod; destination?: string },
  trace = new Trace(),
): Promise<PathResult> {
  const r = egress.narrate(egress.decide(q, await egress.facts(q, { inv, trace, specs: [] })));
  r.errors = trace.errors;
  return r;
}
