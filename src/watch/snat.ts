// The busiest node's SNAT port use at peak, from the same reading as "are we running out of SNAT ports?".
import { newCtx } from '../diff/ctx';
import type { Inventory } from '../inventory/inventory';
import { decide } from '../snat/decide';
import { facts } from '../snat/facts';
import { n } from '../snat/words';

export interface SnatPeak {
  percent: number;
  /** the load balancer, the node and its figures, in words */
  text: string;
}

/** The highest share of a node's allocation in use at peak; undefined when no metrics report it. */
export async function snatPeak(inv: Inventory): Promise<SnatPeak | undefined> {
  const d = decide([], await facts(newCtx(inv)));
  if (d.outcome !== 'snat') return undefined;
  let best: SnatPeak | undefined;
  for (const t of d.targets) {
    const u = t.busiest?.use;
    if (u?.percent === undefined || u.used === undefined || (best && best.percent >= u.percent)) continue;
    const of = u.allocated ? ` of ${n(u.allocated)}` : '';
    best = {
      percent: u.percent,
      text: `node ${t.busiest!.node} uses ${n(u.used)}${of} SNAT ports at peak (${u.percent} %) on ${t.target.name}`,
    };
  }
  return best;
}
