// The deciding egress rule in words and hops, one function per rule.
import { resourceGroupOf } from '../inventory/ids';
import { sourceIps, type EgressDecision, type PublicAddress } from '../path/egress-rules';
import { routeText, type Candidate } from '../path/routes';
import type { HubRouting } from '../path/vwan';
import type { Hop } from '../path/result';
import type { EgressAnswer } from './decide';
import type { Draft } from './narrate';
import { applianceRule } from './narrate-appliance';

type PathAnswer = Extract<EgressAnswer, { kind: 'path' }>;
export type Rule<V extends EgressDecision['via']> = Extract<EgressDecision, { via: V }>;

export interface Told {
  answer: string;
  title?: string;
  /** the source address(es) the destination sees */
  seenAs?: string[];
}

/** Everything a rule's narration needs. */
export interface Scene {
  a: PathAnswer;
  d: Draft;
  /** "sqlapi-1-8jgx8 (project1)" */
  who: string;
  name: string;
  /** the destination in words */
  dest: string;
  /** the address(es) the packet leaves the node with, in words ("10.224.0.4", "one of 10.0.2.10, 10.0.2.11") */
  src?: string;
  /** the same as a list */
  srcIps: string[];
  nodeIp?: string;
}

const addr = (p: PublicAddress) => p.ip ?? p.prefix ?? `(address of ${p.name} unknown)`;
export const list = (ps: PublicAddress[]) => ps.map(addr).join(', ');
export const known = (ps: PublicAddress[]) => ps.flatMap((p) => ((p.ip ?? p.prefix) ? [(p.ip ?? p.prefix)!] : []));

export function describeRule(a: PathAnswer, d: Draft): Told {
  const name = a.pod.metadata.name;
  const srcIps = sourceIps(a.source);
  const s: Scene = {
    a,
    d,
    name,
    who: `${name} (${a.pod.metadata.namespace ?? 'default'})`,
    dest: a.destination ?? 'the Internet',
    src: srcIps.length > 1 ? `one of ${srcIps.join(', ')}` : srcIps[0],
    srcIps,
    nodeIp: a.nodeIp,
  };
  routingFacts(s);
  const told = a.egressIpStranded ? strandedEgressIp(s) : byRule(s, a.rule);
  if (a.rule.via !== 'unknown' && a.rule.routing.effective)
    told.answer += ` (Routes: the NIC's effective routes; BGP routes ${bgpWord(a.rule.routing.bgp)}seen.)`;
  told.answer += bgpUnseen(a);
  return told;
}

/** The answer said from the route table and system routes, where a gateway can advertise a route (even 0.0.0.0/0)
 * that wins over a system route: said in the answer itself, not only as a warning
 * https://learn.microsoft.com/azure/virtual-network/virtual-networks-udr-overview#how-azure-selects-a-route */
function bgpUnseen(a: PathAnswer): string {
  const r = a.rule;
  if (r.via === 'unknown' || r.via === 'dropped' || r.routing.effective || r.routing.bgp !== 'not-visible') return '';
  // a user route wins over a BGP route of the same prefix: only a system route is open to one
  if (r.route && r.route.origin !== 'system') return '';
  const hub = r.routing.vwan;
  // (a Virtual WAN hub read is no unseen source: routes.ts leaves it out)
  const from = r.routing.sources;
  const said = hub ? hubWords(hub, r.route) : '';
  if (!from.length) return said;
  const unread = 'and the effective routes were not read';
  return `${said} Unless a BGP route overrides it: ${from.join(', ')} can advertise one, ${unread}.`;
}

/** The Virtual WAN hub's part, for an answer a system route decided. */
// https://learn.microsoft.com/azure/virtual-wan/how-to-routing-policies#prefixadvertisments
function hubWords(hub: HubRouting, route?: Candidate): string {
  if (!hub.read)
    return ` Connected to a Virtual WAN hub (peering ${hub.peering}), not read: ${hub.unread ?? 'unknown'}.`;
  if (route?.prefix !== '0.0.0.0/0') return '';
  const why = {
    'no-intent': 'it has no routing intent',
    'no-internet-policy': 'its routing intent has no Internet policy',
    'internet-security-off': "this VNet's connection has internet security (propagate default route) off",
  }[hub.why ?? 'no-intent'];
  return ` Connected to Virtual WAN hub ${hub.hub}, which advertises no default route to this VNet (${why}).`;
}

function hubFacts(s: Scene, h: HubRouting): void {
  s.d.facts.push({ label: 'Virtual WAN', value: hubFact(h) });
  if (h.hubId) {
    const [rg, name] = [resourceGroupOf(h.hubId), h.hub];
    s.d.verify.push(`az network vhub routing-intent list -g ${rg} --vhub-name ${name} -o json`);
    s.d.verify.push(`az network vhub connection list -g ${rg} --vhub-name ${name} -o table`);
  }
}

/** The hub, its routing policies and whether it advertises a default route to this VNet, in one line. */
function hubFact(h: HubRouting): string {
  if (!h.read) return `peering ${h.peering} to a Virtual WAN hub; the hub was not read: ${h.unread ?? 'unknown'}`;
  const policies = h.policies.length ? `routing intent ${h.policies.join(', ')}` : 'no routing intent';
  const dflt = h.defaultRoute ? 'advertises 0.0.0.0/0 to this VNet' : 'no default route to this VNet';
  return `hub ${h.hub}: ${policies}; ${dflt}${h.unread ? ` (${h.unread})` : ''}`;
}

const bgpWord = (b: string) => (b === 'seen' ? '' : 'not ');

function byRule(s: Scene, r: EgressDecision): Told {
  switch (r.via) {
    case 'unknown':
      return { answer: `Could not work out the egress of ${s.who}: ${r.reason}.` };
    case 'private':
      return privateRule(s, r);
    case 'dropped':
      return dropped(s, r);
    case 'appliance':
      return applianceRule(s, r);
    case 'nat-gateway':
      return natGateway(s, r);
    case 'instance-ip':
      return instanceIp(s, r);
    case 'lb-outbound-rule':
    case 'lb-implicit':
      return loadBalancer(s, r);
    case 'no-egress':
      return noEgress(s, r);
    case 'default-outbound':
      return defaultOutbound(s, r);
  }
}

/** Where the routes came from, and whether BGP routes were seen. */
function routingFacts(s: Scene): void {
  const r = s.a.rule;
  if (r.via === 'unknown') return;
  const { routing } = r;
  const value = routing.effective
    ? `effective routes of the node's NIC (${routing.bgp === 'seen' ? 'BGP routes seen' : 'no BGP routes'})`
    : `${s.a.at.subnet?.routeTableId ? 'route table and system routes' : 'system routes (no route table)'}; ` +
      'BGP routes not seen' +
      (routing.bgp === 'disabled' ? ' (route propagation is disabled on the route table)' : '') +
      (routing.unavailable ? ` — effective routes could not be read: ${routing.unavailable}` : '') +
      (routing.vwan?.read ? `; Virtual WAN hub ${routing.vwan.hub}'s routes worked out from its routing intent` : '');
  s.d.facts.push({ label: 'Routes', value });
  if (routing.vwan) hubFacts(s, routing.vwan);
  if (!routing.effective && routing.bgp === 'not-visible' && routing.sources.length && !routing.vwan?.read) {
    s.d.warnings.push(
      'BGP routes were not seen (no effective routes): a VPN/ExpressRoute gateway or route server can advertise ' +
        'routes (even 0.0.0.0/0) that override the system routes used here — check ' +
        '`az network nic show-effective-route-table`',
    );
  }
  const nic = s.a.at.nic;
  if (nic) s.d.verify.push(`az network nic show-effective-route-table -g ${nic.resourceGroup} -n ${nic.name} -o table`);
}

export const internet = (s: Scene, seenAs?: string, note?: string): Hop => ({
  kind: 'internet',
  name: s.a.destination ?? 'Internet',
  ip: s.a.destination,
  src: seenAs,
  dst: s.a.destination,
  note,
});

/** The route that carries the traffic, as a hop (user and BGP routes) and a fact. */
export function routeHop(s: Scene, r: { routeTable?: Rule<'private'>['routeTable']; route?: Candidate }): string {
  const { routeTable: t, route } = r;
  if (!route) return '';
  const text = routeText(route, t?.name);
  s.d.facts.push({ label: 'Route', value: `${text}${route.origin === 'user' ? ` → ${route.nextHopType}` : ''}` });
  if (route.origin !== 'system') {
    s.d.hops.push({
      kind: 'route-table',
      name: t ? `${t.name}/${route.name}` : route.name,
      src: s.srcIps[0],
      dst: s.a.destination,
      note: `${route.prefix} → ${route.nextHopType}${route.nextHopIp ? ' ' + route.nextHopIp : ''}`,
    });
  }
  if (t)
    s.d.verify.push(`az network route-table route list -g ${t.resourceGroup} --route-table-name ${t.name} -o table`);
  return text;
}

/** What the source is, in words, for a destination reached without Azure SNAT. */
export function sourceWords(s: Scene): string {
  const src = s.a.source;
  if (src.kind === 'pod') return `its pod IP ${src.ip} (${src.plugin}: pods have VNet addresses)`;
  if (src.kind === 'egress-ip') return `its EgressIP ${src.ips.join(' / ')}`;
  if (src.kind === 'node') return `node IP ${src.ip}${src.why === 'snat' ? ` (${src.plugin} SNATs to the node)` : ''}`;
  return `its pod IP ${src.podIp} or node IP ${src.nodeIp} — not visible: the network plugin is unknown`;
}

/** Warnings about what decides the source and is not visible. */
export function sourceCaveats(s: Scene, viaGateway: boolean): void {
  const src = s.a.source;
  if (src.kind === 'pod' && viaGateway) {
    s.d.warnings.push(
      `Azure CNI keeps the pod IP unless the ip-masq-agent configuration (kube-system ConfigMaps ` +
        `azure-ip-masq-agent-config*) masquerades ${s.dest}: not visible here`,
    );
  }
  if (src.kind === 'unknown')
    s.d.warnings.push('The network plugin is not known (no cluster.json): pod or node IP depends on it');
}

function privateRule(s: Scene, r: Rule<'private'>): Told {
  const via = routeHop(s, r);
  const gw = r.nextHop === 'VirtualNetworkGateway';
  sourceCaveats(s, gw || r.nextHop === 'VNetPeering');
  const where =
    r.nextHop === 'VnetLocal'
      ? 'inside the virtual network'
      : r.nextHop === 'VNetPeering'
        ? `in the peered virtual network (${r.route.peering?.name ?? r.route.name})`
        : 'through the virtual network gateway (VPN/ExpressRoute)';
  const seen = s.srcIps.length ? s.srcIps : undefined;
  if (gw && !s.a.destination) {
    s.d.hops.push(internet(s, undefined, 'forced tunnelling: the on-premises edge decides the public address'));
    s.d.warnings.push(`Internet traffic is sent to the virtual network gateway by ${via}: forced tunnelling`);
    return {
      answer:
        `${s.who} reaches the Internet through the virtual network gateway (${via}): the on-premises network ` +
        'decides the public source address (not visible from Azure).',
      title: `${s.name} is force-tunnelled through the gateway`,
    };
  }
  s.d.hops.push(internet(s, s.src, gw ? 'through the gateway: no SNAT by Azure' : 'no SNAT by Azure'));
  return {
    answer: `${s.who} reaches ${s.dest} ${where}, as ${sourceWords(s)} (${via}): no public IP is involved.`,
    title: `${s.name} reaches ${s.dest} ${r.nextHop === 'VnetLocal' ? 'inside the VNet' : where}`,
    seenAs: s.a.source.kind === 'unknown' ? undefined : seen,
  };
}

function dropped(s: Scene, r: Rule<'dropped'>): Told {
  const via = routeHop(s, r);
  s.d.hops.push(internet(s, undefined, 'dropped by Azure (next hop None)'));
  const maybe = r.bgpMayCover
    ? ' — unless a BGP route from a gateway covers it: BGP routes were not seen (no effective routes)'
    : '';
  s.d.warnings.push(`Only ${via} covers ${s.dest}: Azure drops the traffic${maybe}`);
  return {
    answer: `${s.who} cannot reach ${s.dest}: the route Azure selects is ${via}, so the packet is dropped${maybe}.`,
    title: `${s.name} cannot reach ${s.dest} (dropped)`,
  };
}

/** The public IPs traffic leaves with, then the Internet hop seen from them (any one of a set). */
export function leaveAs(s: Scene, ps: PublicAddress[]): void {
  for (const p of ps) {
    s.d.hops.push({
      kind: 'public-ip',
      name: p.name,
      ip: p.ip ?? p.prefix,
      src: p.ip ?? p.prefix ?? s.srcIps[0],
      dst: s.a.destination,
      note: p.prefix ? `public IP prefix: any address of ${p.prefix}` : undefined,
    });
  }
  for (const p of ps.filter((x) => x.id && !x.prefix)) {
    s.d.verify.push(`az network public-ip show -g ${resourceGroupOf(p.id!)} -n ${p.name} --query ipAddress -o tsv`);
  }
  for (const p of ps.filter((x) => x.id && x.prefix)) {
    s.d.verify.push(
      `az network public-ip prefix show -g ${resourceGroupOf(p.id!)} -n ${p.name} --query ipPrefix -o tsv`,
    );
  }
  const ks = known(ps);
  s.d.hops.push(
    internet(s, ks.length === 1 ? ks[0] : undefined, ks.length > 1 ? `any one of ${ks.join(', ')}` : undefined),
  );
}

export const snatTo = (s: Scene, ps: PublicAddress[]) =>
  s.srcIps[0] && ps.length ? { kind: 'snat' as const, from: s.srcIps[0], to: list(ps) } : undefined;

function natGateway(s: Scene, r: Rule<'nat-gateway'>): Told {
  routeHop(s, r);
  const gw = r.natGateway;
  s.d.hops.push({
    kind: 'nat-gateway',
    name: gw.name,
    src: s.srcIps[0],
    dst: s.a.destination,
    note: `SNAT to ${list(r.publicIps)}`,
    nat: snatTo(s, r.publicIps),
  });
  leaveAs(s, r.publicIps);
  s.d.facts.push({ label: 'NAT gateway', value: `${gw.name} (${gw.resourceGroup})` });
  if (gw.idleTimeoutMinutes) s.d.facts.push({ label: 'Idle timeout', value: `${gw.idleTimeoutMinutes} min` });
  s.d.facts.push({ label: 'SNAT ports', value: `${r.ports.toLocaleString('en-US')} (64,512 per public IP address)` });
  s.d.verify.push(
    `az network nat gateway show --ids ${gw.id} --query '{ips:publicIpAddresses[].id,prefixes:publicIpPrefixes[].id}'`,
  );
  return {
    answer:
      `${s.who} reaches ${s.dest} as ${anyOf(r.publicIps)}: NAT gateway ` +
      `${gw.name} on subnet ${s.a.at.subnet?.name} SNATs it (a NAT gateway ` +
      `takes precedence over load balancer outbound rules and instance public IPs); ` +
      `${r.ports.toLocaleString('en-US')} SNAT ports.`,
    title: `${s.name} leaves as ${list(r.publicIps)} via NAT gateway`,
    seenAs: known(r.publicIps),
  };
}

/** "20.1.2.3", or "any of 20.1.2.3, 20.1.2.4" when Azure picks one of several. */
export const anyOf = (ps: PublicAddress[]) =>
  ps.length > 1 || ps.some((p) => p.prefix) ? `any of ${list(ps)}` : list(ps);

function instanceIp(s: Scene, r: Rule<'instance-ip'>): Told {
  routeHop(s, r);
  const p = r.publicIp;
  const nic = s.a.at.nic?.name;
  s.d.hops.push({
    kind: 'public-ip',
    name: p.name,
    ip: p.ip,
    src: s.srcIps[0],
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
    src: s.srcIps[0],
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
      `${s.who} reaches ${s.dest} as ${anyOf(r.publicIps)}: node ${s.a.node.metadata.name} ` +
      `SNATs the pod to ${s.src}, then load balancer ${lb.name} (${ruleText}) ` +
      `SNATs it to ${r.publicIps.map((p) => `${p.prefix ? 'public IP prefix' : 'public IP'} ${p.name}`).join(', ')}. ` +
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

function noEgress(s: Scene, r: Rule<'no-egress'>): Told {
  routeHop(s, r);
  s.d.hops.push(internet(s, undefined, 'no outbound path'));
  const subnet = s.a.at.subnet;
  const why =
    r.reason === 'outbound-block'
      ? 'the cluster’s outboundType is block (network isolated: egress blocked)'
      : r.reason === 'flexible-vmss'
        ? `its node's VM is in scale set ${r.scaleSetId?.split('/').pop()} (Flexible orchestration), which has no ` +
          'default outbound access, and no NAT gateway, instance public IP, load balancer outbound rule or route ' +
          'to an appliance gives it one'
        : `subnet ${subnet?.name} is a private subnet (defaultOutboundAccess: false) and no NAT gateway, ` +
          'instance public IP, load balancer outbound rule or route to an appliance gives it one' +
          (r.outboundType ? ` (outboundType ${r.outboundType})` : '');
  if (subnet) s.d.verify.push(`az network vnet subnet show --ids ${subnet.id} --query defaultOutboundAccess`);
  return {
    answer: `${s.who} has no Internet egress: ${why}.`,
    title: `${s.name} has no Internet egress`,
  };
}

function defaultOutbound(s: Scene, r: Rule<'default-outbound'>): Told {
  routeHop(s, r);
  s.d.hops.push(internet(s, undefined, 'Azure default outbound access: an Azure-chosen public IP'));
  s.d.warnings.push(
    `Default outbound access: no route to an appliance, no NAT gateway, ` +
      `no instance public IP and no load balancer outbound rule covers ` +
      `node ${s.a.node.metadata.name}; Azure picks a public IP that can ` +
      `change (being retired by Azure: new VNets get private subnets — add a NAT gateway or outbound rule)`,
  );
  if (s.a.at.subnet && s.a.at.subnet.defaultOutboundAccess === undefined)
    s.d.warnings.push('The subnet does not say defaultOutboundAccess: if it is a private subnet there is no egress');
  if (r.vmUnseen)
    s.d.warnings.push(
      `VM ${r.vmUnseen} was not read (no compute resources): if it belongs to a Flexible-orchestration scale set ` +
        'it has no default outbound access, so no Internet egress',
    );
  const none = r.outboundType?.toLowerCase() === 'none' ? ' (outboundType none: AKS configures no egress)' : '';
  return {
    answer:
      `${s.who} reaches ${s.dest} through Azure default outbound access${none}: ` +
      `the public IP is chosen by Azure, is not yours and can change.`,
    title: `${s.name} uses default outbound access`,
  };
}

function strandedEgressIp(s: Scene): Told {
  const src = s.a.source as Extract<PathAnswer['source'], { kind: 'egress-ip' }>;
  s.d.hops.push(internet(s, undefined, 'no outbound path from the EgressIP'));
  s.d.warnings.push(
    `On Azure an EgressIP is a secondary NIC address outside the load balancer's outbound pool: ` +
      'Internet traffic from it needs a NAT gateway on the subnet or a route to a firewall/appliance',
  );
  return {
    answer:
      `${s.who} has no Internet egress: its traffic leaves with EgressIP ${src.ips.join(' / ')} ` +
      `(on ${src.nodes.join(', ')}), which ${describeVia(s.a.rule)} does not translate.`,
    title: `${s.name} has no Internet egress (EgressIP)`,
  };
}

const describeVia = (r: EgressDecision): string =>
  r.via === 'lb-outbound-rule' || r.via === 'lb-implicit'
    ? `load balancer ${r.lb.name}`
    : r.via === 'instance-ip'
      ? 'the instance public IP'
      : 'Azure default outbound access';
