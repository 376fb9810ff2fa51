// Are we running out of SNAT ports? Per load balancer outbound rule or NAT gateway: the ports each node gets (from
// the rules), the busiest node at peak and failed connections (from the metrics), and a plain verdict. Pure.
import type { EgressDecision, PublicAddress } from '../path/egress-rules';
import type { SnatCapacity } from '../path/snat';
import { CLOSE_TO_EXHAUSTION, type SnatReading, type SnatTarget, type SnatUsage } from './usage';
import { portUse, type PortUse } from './words';
import type { SnatFacts } from './facts';

export interface NodeSnat {
  node: string;
  ip?: string;
  /** peak use and failures; undefined without metrics */
  use?: PortUse;
}

/** exhausted: connections failed for lack of ports; close: ≥ 80 % of the allocation at peak; unknown: no metrics */
export type Verdict = 'exhausted' | 'close' | 'ok' | 'unknown';

export interface TargetView {
  target: SnatTarget;
  /** load balancer: the outbound rule (or load-balancing rule, for implicit SNAT) */
  rule?: { name: string; implicit: boolean; idleTimeoutMinutes?: number };
  capacity?: SnatCapacity;
  /** NAT gateway: its SNAT ports (64,512 per public IP address) */
  natPorts?: number;
  publicIps: PublicAddress[];
  nodes: NodeSnat[];
  usage?: SnatUsage;
  unavailable?: string;
  verdict: Verdict;
  /** the node with the highest share of its allocation in use at peak */
  busiest?: NodeSnat;
}

export interface OtherEgress {
  via: EgressDecision['via'];
  nodes: string[];
}

export type SnatDecision =
  { outcome: 'snat'; only?: string; targets: TargetView[]; other: OtherEgress[] } | { outcome: 'snat-no-nodes' };

type Snatting = Extract<EgressDecision, { via: 'lb-outbound-rule' | 'lb-implicit' | 'nat-gateway' }>;
const snatting = (r: EgressDecision): r is Snatting =>
  r.via === 'lb-outbound-rule' || r.via === 'lb-implicit' || r.via === 'nat-gateway';

const targetId = (r: Snatting) => (r.via === 'nat-gateway' ? r.natGateway.id : r.lb.id).toLowerCase();
const groupKey = (r: Snatting) => `${targetId(r)}|${r.via === 'nat-gateway' ? '' : r.rule.name}`;

/** `pick`: the question's names; a load balancer's or NAT gateway's narrows the answer to it */
export function decide(pick: string[], f: SnatFacts): SnatDecision {
  if (!f.nodes.length) return { outcome: 'snat-no-nodes' };
  const groups = new Map<string, { rule: Snatting; nodes: SnatFacts['nodes'] }>();
  const other = new Map<string, OtherEgress>();
  for (const p of f.nodes) {
    const r = p.rule;
    if (!snatting(r)) {
      const o = other.get(r.via) ?? other.set(r.via, { via: r.via, nodes: [] }).get(r.via)!;
      o.nodes.push(p.name);
      continue;
    }
    const g = groups.get(groupKey(r)) ?? groups.set(groupKey(r), { rule: r, nodes: [] }).get(groupKey(r))!;
    g.nodes.push(p);
  }
  let views = [...groups.values()].map((g) => viewOf(g.rule, g.nodes, f.readings));
  const only = pick.find((n) => views.some((v) => v.target.name.toLowerCase() === n.toLowerCase()));
  if (only) views = views.filter((v) => v.target.name.toLowerCase() === only.toLowerCase());
  views.sort((a, b) => a.target.name.localeCompare(b.target.name));
  return { outcome: 'snat', only, targets: views, other: only ? [] : [...other.values()] };
}

function viewOf(r: Snatting, placed: SnatFacts['nodes'], readings: SnatReading[]): TargetView {
  const target: SnatTarget =
    r.via === 'nat-gateway'
      ? { kind: 'nat-gateway', id: r.natGateway.id, name: r.natGateway.name, location: r.natGateway.location }
      : { kind: 'lb', id: r.lb.id, name: r.lb.name, location: r.lb.location };
  const reading = readings.find((x) => x.target.id.toLowerCase() === target.id.toLowerCase());
  const usage = reading && 'usage' in reading ? reading.usage : undefined;
  const byRule = r.via === 'nat-gateway' ? undefined : r.snat.portsPerInstance;
  const nodes: NodeSnat[] = placed
    .map((p) => {
      const b = usage?.backends.find((x) => p.ips.includes(x.ip));
      return {
        node: p.name,
        ip: b?.ip ?? p.ips[0],
        use: usage && target.kind === 'lb' ? portUse(b, byRule) : undefined,
      };
    })
    .sort((a, b) => a.node.localeCompare(b.node));
  const busiest = [...nodes]
    .filter((x) => x.use?.used !== undefined)
    .sort((a, b) => (b.use!.percent ?? 0) - (a.use!.percent ?? 0) || b.use!.used! - a.use!.used!)[0];
  return {
    target,
    rule:
      r.via === 'nat-gateway'
        ? undefined
        : {
            name: r.rule.name,
            implicit: r.via === 'lb-implicit',
            idleTimeoutMinutes: (r.rule as { idleTimeoutMinutes?: number }).idleTimeoutMinutes,
          },
    capacity: r.via === 'nat-gateway' ? undefined : r.snat,
    natPorts: r.via === 'nat-gateway' ? r.ports : undefined,
    publicIps: r.publicIps,
    nodes,
    usage,
    unavailable: reading && 'unavailable' in reading ? reading.unavailable : undefined,
    verdict: verdictOf(usage, nodes, busiest),
    busiest,
  };
}

// Failed SNAT connections mean ports ran out; a node near its allocation at peak is close to it.
// https://learn.microsoft.com/en-us/azure/virtual-network/nat-gateway/troubleshoot-nat-connectivity
function verdictOf(usage: SnatUsage | undefined, nodes: NodeSnat[], busiest?: NodeSnat): Verdict {
  if (!usage) return 'unknown';
  if ((usage.failed ?? 0) > 0) return 'exhausted';
  if (usage.target.kind === 'nat-gateway') return usage.failed === undefined ? 'unknown' : 'ok';
  if ((busiest?.use?.percent ?? 0) >= CLOSE_TO_EXHAUSTION) return 'close';
  return nodes.some((x) => x.use?.used !== undefined) || usage.failed !== undefined ? 'ok' : 'unknown';
}
