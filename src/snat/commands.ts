// The `az monitor metrics list` commands that show the same figures (and make a snapshot's azure/metrics/ file:
// their outputs as a JSON array, `jq -s . a.json b.json`). Pure.
import { LB_METRICS, NAT_METRICS, type SnatTarget } from './usage';

const list = (id: string, metrics: string[], aggregation: string, filter?: string) =>
  `az monitor metrics list --resource ${id} --metric ${metrics.join(' ')}` +
  `${filter ? ` --filter "${filter}"` : ''} --aggregation ${aggregation} --interval PT1M --offset 1h -o json`;

/** Every command a target's figures need: ports (load balancer) or drops (NAT gateway) first, failures second. */
export function metricsCommands(t: SnatTarget): string[] {
  if (t.kind === 'lb')
    return [
      list(t.id, [LB_METRICS.used, LB_METRICS.allocated], 'Maximum', `${LB_METRICS.backend} eq '*'`),
      list(t.id, [LB_METRICS.connections], 'Total', `${LB_METRICS.backend} eq '*' and ${LB_METRICS.state} eq 'failed'`),
    ];
  return [
    list(t.id, [NAT_METRICS.dropped, NAT_METRICS.total], 'Total'),
    list(t.id, [NAT_METRICS.connections], 'Total', `${NAT_METRICS.state} eq 'failed'`),
  ];
}

export const metricsCommand = (t: SnatTarget): string => metricsCommands(t)[0];
