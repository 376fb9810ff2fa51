// The deciding egress rule in words and hops, one function per rule.
import { resourceGroupOf } from '../inventory/ids';
import type { EgressDecision, PublicAddress } from '../path/egress-rules';
import type { Hop } from '../path/result';
import type { EgressAnswer } from './decide';
import type { Draft } from './narrate';

type PathAnswer = Extract<EgressAnswer, { kind: 'path' }>;
type Rule<V extends EgressDecision['via']> = Extract<EgressDecision, { via: V }>;

export interface Told {
  answer: string;
  title?: string;
  /** the source address(es) the destination sees */
  seenAs?: string[];
}

/** Everything a rule's narration needs. */
interface Scene {
  a: PathAnswer;
  d: Draft;
  /** "sqlapi-1-8jgx8 (project1)" */
  who: string;
  name: string;
  /** the destination in words */
  dest: string;
  nodeIp?: string;
}

const addr = (p: PublicAddress) => p.ip ?? p.prefix ?? `(address of ${p.name} unknown)`;
const list = (ps: PublicAddress[]) => ps.map(addr).join(', ');
const known = (ps: PublicAddress[]) => ps.flatMap((p) => ((p.ip ?? p.prefix) ? [(p.ip ?? p.prefix)!] : []));

export function describeRule(a: PathAnswer, d: Draft): Told {
  const name = a.pod.metadata.name;
  const s: Scene = {
    a,
    d,
    name,
    who: `${name} (${a.pod.metadata.namespace ?? 'default'})`,
    dest: a.destination ?? 'the Internet',
    nodeIp: a.nodeIp,
  };
  const r = a.rule;
  switch (r.via) {
    case 'unknown':
      return { answer: `Could not work out the egress of ${s.who}: ${r.reason}.` };
    case 'vnet-local':
      return {
        answer:
          `${s.who} reaches ${s.dest} inside the virtual network, as node ` +
          `IP ${s.nodeIp} (SNAT at the node): no public IP is involved.`,
        title: `${name} reaches ${s.dest} inside the VNet`,
        seenAs: s.nodeIp ? [s.nodeIp] : undefined,
      };
    case 'route':
      return routeRule(s, r);
    case 'nat-gateway':
      return natGateway(s, r);
    case 'instance-ip':
      return instanceIp(s, r);
    case 'lb-outbound-rule':
    case 'lb-implicit':
      return loadBalancer(s, r);
    case 'default-outbound':
      return defaultOutbound(s, r);
  }
}

const internet = (s: Scene, seenAs?: string, note?: string): Hop => ({
  kind: 'internet',
  name: s.a.destination ?? 'Internet',
  ip: s.a.destination,
  src: seenAs,
  dst: s.a.destination,
  note,
});

/** The user-defined route that carries the traffic, when one does. */
function routeHop(s: Scene, r: { routeTable?: Rule<'route'>['routeTable']; route?: Rule<'route'>['route'] }) {
  const { routeTable: t, route } = r;
  if (!t || !route) return;
  const hop = `${route.nextHopType}${route.nextHopIp ? ' ' + route.nextHopIp : ''}`;
  s.d.hops.push({
    kind: 'route-table',
    name: `${t.name}/${route.name}`,
    src: s.nodeIp,
    dst: s.a.destination,
    note: `${route.prefix} → ${hop}`,
  });
  s.d.facts.push({
    label: 'Route',
    value: `${t.name}/${route.name}: ${route.prefix} → ${route.nextHopType} ${route.nextHopIp ?? ''}`.trim(),
  });
  s.d.verify.push(`az network route-table route list -g ${t.resourceGroup} --route-table-name ${t.name} -o table`);
}

/** The public IPs traffic leaves with, then the Internet hop seen from the first of them. */
function leaveAs(s: Scene, ps: PublicAddress[]): void {
  for (const p of ps) {
    s.d.hops.push({
      kind: 'public-ip',
      name: p.name,
      ip: p.ip ?? p.prefix,
      src: p.ip ?? p.prefix ?? s.nodeIp,
      dst: s.a.destination,
    });
  }
  for (const p of ps.filter((x) => x.id && !x.prefix)) {
    s.d.verify.push(`az network public-ip show -g ${resourceGroupOf(p.id!)} -n ${p.name} --query ipAddress -o tsv`);
  }
  s.d.hops.push(internet(s, known(ps)[0]));
}

const snatTo = (s: Scene, ps: PublicAddress[]) =>
  s.nodeIp && ps.length ? { kind: 'snat' as const, from: s.nodeIp, to: list(ps) } : undefined;

function routeRule(s: Scene, r: Rule<'route'>): Told {
  routeHop(s, r);
  const { route, routeTable } = r;
  const via = `route ${route.name} (${route.prefix}) of route table ${routeTable.name}`;
  if (r.nextHop === 'VirtualAppliance') return appliance(s, r, via);
  if (r.nextHop === 'VirtualNetworkGateway') {
    s.d.hops.push(internet(s, s.nodeIp, 'through the virtual network gateway (VPN/ExpressRoute): no SNAT by Azure'));
    return {
      answer:
        `${s.who} reaches ${s.dest} through the virtual network gateway ` +
        `(route ${route.name} ${route.prefix} of ${routeTable.name}), with the node IP ${s.nodeIp} as source.`,
      seenAs: s.nodeIp ? [s.nodeIp] : undefined,
    };
  }
  if (r.nextHop === 'VnetLocal') {
    return {
      answer: `${s.who} reaches ${s.dest} inside the virtual network (route ${route.name}), as node IP ${s.nodeIp}.`,
      seenAs: s.nodeIp ? [s.nodeIp] : undefined,
    };
  }
  s.d.warnings.push(
    `Route ${route.name} (${route.prefix}) of ${routeTable.name} has next hop None: traffic to ${s.dest} is dropped`,
  );
  return { answer: `${s.who} cannot reach ${s.dest}: ${via} drops it (next hop None).` };
}

function appliance(s: Scene, r: Rule<'route'> & { nextHop: 'VirtualAppliance' }, via: string): Told {
  const { route } = r;
  if (r.firewall) {
    const fw = r.firewall;
    s.d.hops.push({
      kind: 'firewall',
      name: fw.name,
      ip: route.nextHopIp,
      src: s.nodeIp,
      dst: s.a.destination,
      note: `SNAT to its public IP(s) ${list(r.publicIps)}`,
      nat: snatTo(s, r.publicIps),
    });
    leaveAs(s, r.publicIps);
    s.d.facts.push({ label: 'Firewall', value: `${fw.name} (${fw.resourceGroup})` });
    const query = 'ipConfigurations[].{private:privateIpAddress,publicIp:publicIpAddress.id}';
    s.d.verify.push(`az network firewall show -g ${fw.resourceGroup} -n ${fw.name} --query '${query}'`);
    const ipText = r.publicIps.length ? list(r.publicIps) : 'its public IP (not readable)';
    return {
      answer:
        `${s.who} reaches ${s.dest} as ${ipText}: ${via} sends it to Azure ` +
        `Firewall ${fw.name} (${route.nextHopIp}), which SNATs it.`,
      title: `${s.name} leaves as ${ipText} via firewall ${fw.name}`,
      seenAs: known(r.publicIps),
    };
  }
  s.d.hops.push({
    kind: 'virtual-appliance',
    name: route.nextHopIp ?? 'virtual appliance',
    ip: route.nextHopIp,
    src: s.nodeIp,
    dst: s.a.destination,
    note: 'the appliance decides the public source address',
  });
  s.d.hops.push(internet(s, undefined, 'source address chosen by the appliance'));
  s.d.warnings.push(
    `The next hop ${route.nextHopIp} is not an Azure Firewall in this ` +
      `subscription: which public IP it uses is configured on the appliance itself`,
  );
  return {
    answer:
      `${s.who} reaches ${s.dest} through the virtual appliance ${route.nextHopIp} ` +
      `(route ${route.name} ${route.prefix} of route table ${r.routeTable.name}); ` +
      `the appliance decides the public source IP.`,
    title: `${s.name} leaves through appliance ${route.nextHopIp}`,
  };
}

function natGateway(s: Scene, r: Rule<'nat-gateway'>): Told {
  routeHop(s, r);
  const gw = r.natGateway;
  s.d.hops.push({
    kind: 'nat-gateway',
    name: gw.name,
    src: s.nodeIp,
    dst: s.a.destination,
    note: `SNAT to ${list(r.publicIps)}`,
    nat: snatTo(s, r.publicIps),
  });
  leaveAs(s, r.publicIps);
  s.d.facts.push({ label: 'NAT gateway', value: `${gw.name} (${gw.resourceGroup})` });
  if (gw.idleTimeoutMinutes) s.d.facts.push({ label: 'Idle timeout', value: `${gw.idleTimeoutMinutes} min` });
  s.d.verify.push(
    `az network nat gateway show --ids ${gw.id} --query '{ips:publicIpAddresses[].id,prefixes:publicIpPrefixes[].id}'`,
  );
  return {
    answer:
      `${s.who} reaches ${s.dest} as ${list(r.publicIps)}: NAT gateway ` +
      `${gw.name} on subnet ${s.a.at.subnet?.name} SNATs it (a NAT gateway ` +
      `takes precedence over load balancer outbound rules and instance public IPs).`,
    title: `${s.name} leaves as ${list(r.publicIps)} via NAT gateway`,
    seenAs: known(r.publicIps),
  };
}

function instanceIp(s: Scene, r: Rule<'instance-ip'>): Told {
  routeHop(s, r);
  const p = r.publicIp;
  const nic = s.a.at.nic?.name;
  s.d.hops.push({
    kind: 'public-ip',
    name: p.name,
    ip: p.ip,
    src: s.nodeIp,
    dst: s.a.destination,
    note: `instance-level public IP of ${nic}: 1:1 NAT`,
    nat: snatTo(s, [p]),
  });
  s.d.hops.push(internet(s, p.ip));
  s.d.facts.push({ label: 'Public IP', value: `${p.name} (${addr(p)})` });
  return {
    answer:
      `${s.who} reaches ${s.dest} as ${addr(p)}: the instance-level public ` +
      `IP ${p.name} on NIC ${nic} of node ${s.a.node.metadata.name}.`,
    title: `${s.name} leaves as ${addr(p)} (instance public IP)`,
    seenAs: known([p]),
  };
}

function loadBalancer(s: Scene, r: Rule<'lb-outbound-rule'> | Rule<'lb-implicit'>): Told {
  routeHop(s, r);
  const explicit = r.via === 'lb-outbound-rule';
  const lb = r.lb;
  const ruleText = explicit
    ? `outbound rule ${r.rule.name}`
    : `load-balancing rule ${r.rule.name} (implicit outbound SNAT)`;
  s.d.hops.push({
    kind: 'load-balancer',
    name: lb.name,
    src: s.nodeIp,
    dst: s.a.destination,
    note: `${ruleText}: SNAT to ${list(r.publicIps)}`,
    nat: snatTo(s, r.publicIps),
  });
  leaveAs(s, r.publicIps);
  const idle = (r.rule as { idleTimeoutMinutes?: number }).idleTimeoutMinutes ?? 4;
  snatFacts(s, r, idle);
  if (!explicit) {
    s.d.warnings.push(
      `No outbound rule: ${lb.name} SNATs implicitly through ${r.rule.name}; Azure recommends explicit outbound rules`,
    );
  }
  const rg = lb.resourceGroup;
  s.d.verify.push(
    explicit
      ? `az network lb outbound-rule list --lb-name ${lb.name} -g ${rg} -o table`
      : `az network lb rule list --lb-name ${lb.name} -g ${rg} -o table`,
    `az network lb frontend-ip list --lb-name ${lb.name} -g ${rg} --query '[].[name,publicIpAddress.id]' -o tsv`,
  );
  const n = r.snat;
  const budget = n.explicit
    ? `${n.portsPerInstance} SNAT ports per node, ${idle} min idle timeout, ` +
      `room for ${n.maxInstances} nodes (${n.poolSize} in the pool).`
    : `${n.portsPerInstance} SNAT ports per node (Azure's default allocation ` +
      `for ${n.poolSize} nodes; fewer per node as the pool grows), ${idle} min idle timeout.`;
  return {
    answer:
      `${s.who} reaches ${s.dest} as ${list(r.publicIps)}: node ${s.a.node.metadata.name} ` +
      `SNATs the pod to ${s.nodeIp}, then load balancer ${lb.name} (${ruleText}) ` +
      `SNATs it to public IP ${r.publicIps.map((p) => p.name).join(', ')}. ` +
      budget,
    title: `${s.name} leaves the cluster as ${list(r.publicIps)}`,
    seenAs: known(r.publicIps),
  };
}

/** The SNAT port budget of a load balancer rule. */
// https://learn.microsoft.com/azure/load-balancer/outbound-rules#snatports
function snatFacts(s: Scene, r: Rule<'lb-outbound-rule'> | Rule<'lb-implicit'>, idle: number): void {
  const n = r.snat;
  const ips = `${n.frontendIps} frontend IP${n.frontendIps === 1 ? '' : 's'}`;
  s.d.facts.push(
    { label: 'Load balancer', value: `${r.lb.name} (${r.lb.resourceGroup})` },
    { label: r.via === 'lb-outbound-rule' ? 'Outbound rule' : 'Rule', value: r.rule.name },
    { label: 'Public IP', value: r.publicIps.map((p) => `${p.name} (${addr(p)})`).join(', ') },
    {
      label: 'SNAT ports per node',
      value: `${n.portsPerInstance}${n.explicit ? '' : ' (default allocation for the pool size)'}`,
    },
    { label: 'Idle timeout', value: `${idle} min` },
    {
      label: 'Max nodes',
      value: n.explicit
        ? `${n.maxInstances} (${ips} × 64,000 / ${n.portsPerInstance}); ${n.poolSize} in the pool`
        : `${n.maxInstances} (default allocation: fewer ports per node as ` +
          `the pool grows past 50); ${n.poolSize} in the pool`,
    },
  );
  if (n.warning) s.d.warnings.push(n.warning);
}

function defaultOutbound(s: Scene, r: Rule<'default-outbound'>): Told {
  routeHop(s, r);
  s.d.hops.push(internet(s, undefined, 'Azure default outbound access: an Azure-chosen public IP'));
  s.d.warnings.push(
    `Default outbound access: no route to an appliance, no NAT gateway, ` +
      `no instance public IP and no load balancer outbound rule covers ` +
      `node ${s.a.node.metadata.name}; Azure picks a public IP that can ` +
      `change (deprecated by Azure — add a NAT gateway or outbound rule)`,
  );
  return {
    answer:
      `${s.who} reaches ${s.dest} through Azure default outbound access: ` +
      `the public IP is chosen by Azure, is not yours and can change.`,
    title: `${s.name} uses default outbound access`,
  };
}
