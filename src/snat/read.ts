// Reading SNAT usage for the load balancer or NAT gateway that SNATs a node's egress: through the trace, so a
// failure (403: Monitoring Reader missing, a timeout) is an error of the answer and a reason in its words.
import type { Inventory } from '../inventory/inventory';
import type { EgressDecision } from '../path/egress-rules';
import type { Trace } from '../path/trace';
import type { SnatReading, SnatTarget } from './usage';

/** The resource that SNATs an egress decision's traffic, when Azure Monitor has SNAT metrics for it. */
export function snatTargetOf(rule: EgressDecision): SnatTarget | undefined {
  if (rule.via === 'lb-outbound-rule' || rule.via === 'lb-implicit')
    return { kind: 'lb', id: rule.lb.id, name: rule.lb.name, location: rule.lb.location };
  if (rule.via === 'nat-gateway')
    return {
      kind: 'nat-gateway',
      id: rule.natGateway.id,
      name: rule.natGateway.name,
      location: rule.natGateway.location,
    };
  return undefined;
}

/** The usage over the last hour, or why it is not available (in words, for "SNAT usage: not available (…)"). */
export async function readSnat(inv: Inventory, trace: Trace, target: SnatTarget): Promise<SnatReading> {
  const metrics = inv.metrics;
  if (!metrics) return { target, unavailable: 'no Azure Monitor metrics in this source' };
  const lookup = `SNAT metrics of ${target.name}`;
  const usage = await trace.try(lookup, () => metrics.snatUsage(target, 60));
  if (usage) return { target, usage };
  const failed = trace.errors.find((e) => e.lookup === lookup);
  return { target, unavailable: failed?.reason ?? `no metrics for ${target.name} in this source` };
}

/** Read each target once (several nodes share a load balancer). */
export async function readSnatAll(inv: Inventory, trace: Trace, targets: SnatTarget[]): Promise<SnatReading[]> {
  const unique = [...new Map(targets.map((t) => [t.id.toLowerCase(), t])).values()];
  return Promise.all(unique.map((t) => readSnat(inv, trace, t)));
}
