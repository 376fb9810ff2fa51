// The families' decisions as compact facts: short, stable strings (Azure names lower-cased, lists sorted), so
// the same resources written in another order or casing give the same fact.
import type { EgressAnswer } from '../egress/decide';
import type { InboundDecision } from '../inbound/decide';
import type { LbView } from '../load-balancers/decide';
import type { EgressDecision } from '../path/egress-rules';
import { ruleLines } from '../path/firewall-rules';
import { fullName } from '../path/kube';
import type { PathResult } from '../path/result';

export type FactKind = 'egress' | 'host' | 'lb-frontend' | 'lb-rules' | 'firewall-rules' | 'snat' | 'policy';

export interface Fact {
  kind: FactKind;
  /** what the fact is about: a workload group (ns/app), a host, lb/frontend, client → ns/service:port */
  subject: string;
  /** what the other side sees or the verdict: the part people allowlist or rely on */
  value: string;
  /** what decides the value (rule, router, layers): a change here alone is a change too */
  detail?: string;
}

/** The egress value of a group that does not reach the Internet (no egress, dropped, stranded EgressIP). */
export const NO_EGRESS = 'no Internet egress';

/** Azure names and IDs are case-insensitive: compare and show them lower-cased. */
const az = (s: string | undefined): string => (s ?? '?').toLowerCase();

const sortedJoin = (xs: (string | undefined)[], sep = ', '): string =>
  [...new Set(xs.filter((x): x is string => !!x))].sort().join(sep);

/** The rule that decides a pod's egress, in a few words. */
function egressRuleOf(r: EgressDecision): string {
  switch (r.via) {
    case 'lb-outbound-rule':
      return `outbound rule ${az(r.lb.name)}/${az(r.rule.name)}`;
    case 'lb-implicit':
      return `load-balancing rule ${az(r.lb.name)}/${az(r.rule.name)} (implicit SNAT)`;
    case 'nat-gateway':
      return `NAT gateway ${az(r.natGateway.name)}`;
    case 'instance-ip':
      return `instance public IP ${az(r.publicIp.name)}`;
    case 'appliance':
      return `route ${r.route.prefix} → ${applianceOf(r)}`;
    case 'private':
    case 'dropped':
      return `route ${r.route.prefix} → ${r.route.nextHopType}`;
    case 'default-outbound':
      return 'default outbound access';
    case 'no-egress':
      return `no egress (${r.reason})`;
    default:
      return `unknown (${r.reason})`;
  }
}

function applianceOf(r: Extract<EgressDecision, { via: 'appliance' }>): string {
  const o = r.owner;
  const hop = r.route.nextHopIp ?? '?';
  if (o.kind === 'firewall') return `Azure Firewall ${az(o.firewall.name)} (${hop})`;
  if (o.kind === 'ilb') return `internal load balancer ${az(o.lb.name)} (${hop})`;
  if (o.kind === 'nic') return `appliance NIC ${az(o.nic.name)} (${hop})`;
  return `virtual appliance ${hop}`;
}

/** The deciding rule of an egress answer, with the cluster-side source when it is not the node (EgressIP). */
export function describeRule(a: EgressAnswer): string {
  if (a.kind !== 'path') return 'node unknown';
  const rule = egressRuleOf(a.rule);
  return a.source.kind === 'egress-ip' ? `EgressIP ${sortedJoin(a.source.ips)} then ${rule}` : rule;
}

/** The SNAT budget of the rule that decides egress: ports per node and the most nodes it leaves room for. */
export function snatOf(r: EgressDecision): Fact | undefined {
  if (r.via === 'lb-outbound-rule' || r.via === 'lb-implicit') {
    const s = r.snat;
    return {
      kind: 'snat',
      subject: `${az(r.lb.name)}/${az(r.rule.name)}`,
      value: `${s.portsPerInstance} ports per node, room for ${s.maxInstances} nodes`,
      detail: `${s.frontendIps} frontend IP(s), pool of ${s.poolSize}`,
    };
  }
  // the gateway's ports (64,512 per public address) are shared by the subnet, not allotted per node
  // https://learn.microsoft.com/azure/nat-gateway/nat-gateway-resource
  if (r.via === 'nat-gateway')
    return {
      kind: 'snat',
      subject: `natgw/${az(r.natGateway.name)}`,
      value: `${r.ports} ports in all`,
      detail: `${r.publicIps.length} public address(es)`,
    };
  return undefined;
}

/** An Azure Firewall's rules (when read), in processing order: what it lets out and stops. */
export function firewallFact(r: EgressDecision): Fact | undefined {
  if (r.via !== 'appliance' || r.owner.kind !== 'firewall' || !r.firewallRules || r.firewallRules.missing.length)
    return undefined;
  const lines = ruleLines(r.firewallRules).map((l) => `${l.path}: ${l.action} ${l.what}`);
  return { kind: 'firewall-rules', subject: az(r.owner.firewall.name), value: lines.join('; ') || 'no rules' };
}

/** A host's way in: the address clients dial and the front that carries it (router, ingress, gateway). */
export function hostFact(host: string, d: InboundDecision, r: PathResult): Fact {
  const hop = (kind: string) => r.hops.find((h) => h.kind === kind);
  const ip = hop('public-ip')?.ip ?? hop('application-gateway')?.ip ?? hop('dns')?.ip;
  const lb = hop('load-balancer')?.name;
  let front: string;
  if ('entry' in d) front = `${fullName(d.entry.front)}${lb ? ` on load balancer ${az(lb)}` : ''}`;
  else if (d.kind === 'app-gateway') front = `application gateway ${az(d.path.gateway?.name)}`;
  else if (d.kind === 'gateway-api')
    front = `gateway ${d.path.gateway ? fullName(d.path.gateway) : '?'} ${d.path.address ?? ''}`.trim();
  else front = d.kind;
  const state = 'entry' in d && d.kind !== 'via-proxy' && d.kind !== 'direct' ? ` (${d.kind})` : '';
  return { kind: 'host', subject: host, value: ip ?? 'no address', detail: `${front}${state}` };
}

/** A load balancer's frontends (their addresses) and its load-balancing rules. */
export function lbFacts(lb: LbView): Fact[] {
  const name = az(lb.name);
  const frontends: Fact[] = lb.frontends.map((f) => ({
    kind: 'lb-frontend',
    subject: `${name}/${az(f.name)}`,
    value: f.address.ip ?? (f.address.kind === 'public' ? `public IP ${az(f.address.name)}` : 'no address'),
  }));
  const rules = lb.rules.map(
    (r) =>
      `${az(r.name)} ${r.protocol.toLowerCase()} ${r.frontendPort}→${r.backendPort}${r.floatingIp ? ' floating' : ''}`,
  );
  return [...frontends, { kind: 'lb-rules', subject: name, value: sortedJoin(rules, '; ') || 'no rules' }];
}
