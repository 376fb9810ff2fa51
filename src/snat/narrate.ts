// A SNAT answer in words: per load balancer outbound rule or NAT gateway, the ports per node and the room to scale
// (from the rules), the busiest node at peak and failed connections (from the metrics), and the verdict.
import { result, type Fact, type FollowUp, type PathResult, type Section } from '../path/result';
import type { SnatCapacity } from '../path/snat';
import { metricsCommands } from './commands';
import { growthText } from './default-ports';
import type { NodeSnat, OtherEgress, SnatDecision, TargetView, Verdict } from './decide';
import { n, natText, portsText, useText, windowText } from './words';

const VERDICT: Record<Verdict, string> = {
  exhausted: 'ports ran out: connections failed',
  close: 'close to exhaustion',
  ok: 'not close to exhaustion',
  unknown: 'usage not known',
};

const what = (v: TargetView): string =>
  v.target.kind === 'nat-gateway' ? `NAT gateway ${v.target.name}` : `load balancer ${v.target.name} (${ruleText(v)})`;

const ruleText = (v: TargetView): string =>
  v.rule?.implicit ? `load-balancing rule ${v.rule.name}, implicit SNAT` : `outbound rule ${v.rule?.name}`;

/** What the rules give: ports per node and how many nodes fit, or the NAT gateway's port inventory. */
function capacityText(v: TargetView): string {
  const nodes = `${v.nodes.length} node${v.nodes.length === 1 ? '' : 's'}`;
  if (v.target.kind === 'nat-gateway')
    return `${n(v.natPorts ?? 0)} SNAT ports shared by ${nodes} (64,512 per public IP address)`;
  const c = v.capacity!;
  return (c.explicit ? explicitText(c) : defaultAllocationText(v, c)) + frontendsText(v);
}

// The most instances an outbound rule serves: frontend IPs × 64,000 / ports per instance.
// https://learn.microsoft.com/azure/load-balancer/outbound-rules#scale
const explicitText = (c: SnatCapacity): string =>
  `${n(c.portsPerInstance)} SNAT ports per node (allocatedOutboundPorts ${c.portsPerInstance} per instance), ` +
  `room for ${n(c.maxInstances)} nodes (${c.frontendIps} frontend IP${c.frontendIps === 1 ? '' : 's'} × 64,000 / ` +
  `${c.portsPerInstance}; ${c.poolSize} in the pool)`;

// Default allocation: the table's ports for the pool size, per frontend IP, at most 1,024; it ends at 1,000 instances.
// https://learn.microsoft.com/azure/load-balancer/load-balancer-outbound-connections#preallocatedports
function defaultAllocationText(v: TargetView, c: SnatCapacity): string {
  const how = v.rule?.implicit ? 'implicit SNAT' : 'allocatedOutboundPorts 0';
  const ports = c.portsPerInstance;
  return (
    `${n(ports)} SNAT ports per node (${how}: Azure's default, ${ports} per instance for a pool of ${c.poolSize}); ` +
    growthText(c.poolSize, c.frontendIps)
  );
}

/** The outbound frontends the ports come from: each public IP (or prefix) gives 64,000 ports to share out. */
// https://learn.microsoft.com/azure/load-balancer/outbound-rules#snatports
function frontendsText(v: TargetView): string {
  if (!v.publicIps.length) return '';
  const one = (p: TargetView['publicIps'][number]) => `${p.name}${(p.prefix ?? p.ip) ? ` (${p.prefix ?? p.ip})` : ''}`;
  const shown = v.publicIps.slice(0, 4).map(one).join(', ');
  const more = v.publicIps.length > 4 ? `, … ${v.publicIps.length - 4} more` : '';
  return `; frontend${v.publicIps.length === 1 ? '' : 's'} ${shown}${more}`;
}

/** What the metrics say, or why they are not there. */
function usageText(v: TargetView): string {
  if (!v.usage)
    return (
      `SNAT usage: not available (${v.unavailable ?? 'not read'}); ` +
      `the usage needs Azure Monitor metrics (Monitoring Reader on ${v.target.name})`
    );
  if (v.target.kind === 'nat-gateway') return natText(v.usage);
  const b = v.busiest;
  const failed =
    v.usage.failed === undefined ? 'failed connections not reported' : `${n(v.usage.failed)} failed connections`;
  if (!b) return `No port usage reported in ${windowText(v.usage)}; ${failed}`;
  return `Busiest node ${b.node}: ${portsText(b.use!, v.usage)}; ${failed} on all nodes`;
}

const cap = (t: string): string => t.charAt(0).toUpperCase() + t.slice(1);

const sentence = (v: TargetView): string =>
  `${cap(what(v))}: ${capacityText(v)}. ${cap(usageText(v))}.` +
  (v.verdict === 'unknown' ? '' : ` Verdict: ${VERDICT[v.verdict]}.`);

function nodeLine(x: NodeSnat, v: TargetView): string {
  const at = `${x.node}${x.ip ? ` (${x.ip})` : ''}`;
  return x.use && v.usage ? `${at}: ${useText(x.use, v.usage)}` : at;
}

const sectionOf = (v: TargetView): Section => ({
  title: `${v.target.kind === 'nat-gateway' ? 'NAT gateway' : 'Load balancer'} ${v.target.name}: ${VERDICT[v.verdict]}`,
  subtitle: capacityText(v),
  lines: v.target.kind === 'nat-gateway' ? [usageText(v)] : nodeLines(v),
});

/** A line per node, the busiest first (by share of its allocation at peak), at most MAX_NODE_LINES. */
const MAX_NODE_LINES = 20;
function nodeLines(v: TargetView): string[] {
  const share = (x: NodeSnat) => x.use?.percent ?? -1;
  const nodes = v.usage ? [...v.nodes].sort((a, b) => share(b) - share(a) || a.node.localeCompare(b.node)) : v.nodes;
  const more = nodes.length - MAX_NODE_LINES;
  return [
    ...nodes.slice(0, MAX_NODE_LINES).map((x) => nodeLine(x, v)),
    ...(more > 0 ? [`… and ${more} more node${more === 1 ? '' : 's'}`] : []),
  ];
}

const OTHER: Partial<Record<OtherEgress['via'], string>> = {
  appliance: 'leave through a virtual appliance (a firewall): SNAT happens there, not by a load balancer',
  'instance-ip': 'have an instance-level public IP: 1:1 NAT, no shared SNAT ports',
  'default-outbound': 'use default outbound access: Azure-managed SNAT, no metrics',
  'no-egress': 'have no outbound path to the Internet',
};
const otherLine = (o: OtherEgress): string =>
  `${o.nodes.length} node${o.nodes.length === 1 ? '' : 's'} ` +
  `(${o.nodes.slice(0, 3).join(', ')}${o.nodes.length > 3 ? ', …' : ''}) ` +
  (OTHER[o.via] ?? 'have an egress not worked out');

function warningsOf(v: TargetView): string[] {
  const out = v.capacity?.warning ? [v.capacity.warning] : [];
  const u = v.usage;
  if (!u) return out;
  if (v.verdict === 'exhausted')
    out.push(
      `SNAT: ${n(u.failed ?? 0)} failed connections through ${v.target.name} in ${windowText(u)}: ` +
        (v.target.kind === 'nat-gateway'
          ? 'add public IPs to the NAT gateway or lower its idle timeout'
          : 'give nodes more ports (allocatedOutboundPorts, more frontend IPs) or use a NAT gateway'),
    );
  else if (v.verdict === 'close' && v.busiest?.use)
    out.push(
      `SNAT: node ${v.busiest.node} used ${n(v.busiest.use.used!)} of ${n(v.busiest.use.allocated!)} ports ` +
        `at peak (${v.busiest.use.percent} %): close to exhaustion`,
    );
  return out;
}

function verifyOf(v: TargetView): string[] {
  const rg = v.target.id.split('/')[4];
  const rules =
    v.target.kind === 'lb'
      ? `az network lb outbound-rule list --lb-name ${v.target.name} -g ${rg} -o table`
      : `az network nat gateway show --ids ${v.target.id} ` +
        `--query '{ips:publicIpAddresses[].id,idle:idleTimeoutInMinutes}'`;
  return [rules, ...metricsCommands(v.target)];
}

const followUpsOf = (targets: TargetView[]): FollowUp[] => [
  ...targets
    .filter((v) => v.target.kind === 'lb')
    .slice(0, 3)
    .map((v) => ({
      title: `Load balancer ${v.target.name}`,
      question: `what does load balancer ${v.target.name} do`,
      intent: 'load-balancers',
    })),
  { title: 'All load balancers', question: 'which load balancers are there', intent: 'load-balancers' },
];

function title(targets: TargetView[]): string {
  const worst = (['exhausted', 'close', 'ok', 'unknown'] as Verdict[]).find((w) =>
    targets.some((v) => v.verdict === w),
  );
  if (!targets.length) return 'SNAT: no load balancer or NAT gateway SNATs the nodes';
  if (worst === 'unknown') return 'SNAT capacity (usage not available)';
  const who = targets.filter((v) => v.verdict === worst).map((v) => v.target.name);
  return worst === 'ok' ? 'SNAT ports: not close to exhaustion' : `SNAT ports: ${VERDICT[worst!]} on ${who.join(', ')}`;
}

export function narrate(d: SnatDecision): PathResult {
  if (d.outcome === 'snat-no-nodes')
    return result('load-balancers', 'answered', 'No nodes are visible, so there is no SNAT to work out.', {});
  const { targets, other } = d;
  const lines = [...targets.map(sentence), ...other.map(otherLine)];
  const answer = lines.length ? lines.join('\n') : 'No node’s egress could be worked out.';
  const facts: Fact[] = targets.map((v) => ({ label: v.target.name, value: capacityText(v) }));
  return result('load-balancers', 'answered', answer, {
    title: title(targets),
    facts,
    sections: targets.map(sectionOf),
    warnings: targets.flatMap(warningsOf),
    verify: targets.flatMap(verifyOf),
    followUps: followUpsOf(targets),
  });
}
