// The NSGs an outside client's packet meets on its way in: the subnet NSG of the node the load balancer hands it to,
// then the NIC's; the first deny drops it. A Standard load balancer is closed to inbound flows unless an NSG opens
// them. Pure.
// https://learn.microsoft.com/azure/virtual-network/network-security-group-how-it-works
// https://learn.microsoft.com/azure/load-balancer/load-balancer-overview#securebydefault
import { tagsOf, vnetTagSpace, type AzureEnd } from '../path/azure-end';
import { idKey, resourceGroupOf } from '../inventory/ids';
import { AZURE_PLATFORM_IP, arrivesSnatted } from '../path/ip';
import {
  allowedBy,
  evaluatePath,
  nsgRuleText,
  nsgWhere,
  type NsgContext,
  type NsgDecision,
  type NsgPacket,
  type SourceKind,
} from '../path/nsg';
import type { PathResult } from '../path/result';
import type { Balancer, Entry, Landing } from './decide';
import type { SubnetNodes } from './facts';
import { nodeIp } from '../path/kube';

export interface InboundNsg {
  /** the node whose subnet and NIC were checked (with ETP Cluster, the one the answer walks) */
  node: string;
  /** where the NSGs are when not on a node (`Application Gateway aks-agw`, which has a subnet and no NIC of ours) */
  at?: string;
  /** the packet is one a proxy sends on to the pod ("cannot reach"), not the client's way in */
  onward?: boolean;
  packet: NsgPacket;
  decisions: NsgDecision[];
  /** NSGs referenced on the node's subnet or NIC that could not be read */
  unseen: string[];
  /** `az network nsg rule list` for each NSG on the way */
  checks: string[];
  /** the load balancer's health probe to the node, when an NSG drops it: the node is then sent nothing; `named`: the
   * rule names the probe's source (else it matches any source, and whether it catches the probe is hedged) */
  probeDenied?: { decision: NsgDecision; dst: string; port: number; named: boolean };
  /** nodes the load balancer may also use on other subnets: their subnet NSG's verdict (their NICs' are not read) */
  elsewhere?: Elsewhere[];
}

interface Elsewhere {
  subnet: string;
  nodes: string[];
  /** the deciding rule; undefined: the subnet has no NSG */
  decision?: NsgDecision;
  /** the NSG could not be read */
  unseen?: string;
  /** the health probe is dropped there too: those nodes get nothing */
  probeOut?: boolean;
  /** `az network nsg rule list` for that NSG */
  check?: string;
}

/** What the NSGs do to the client's packet through a load balancer, or undefined when the node's place on Azure is
 * unknown. */
export function inboundNsg(
  e: Entry,
  lb: Balancer,
  l: Landing,
  end?: AzureEnd,
  others: SubnetNodes[] = [],
): InboundNsg | undefined {
  if (!end?.at.nic || !e.ip || !l.node) return undefined;
  // Kubernetes' Azure cloud provider creates its rules with floating IP, unless the Service disables it
  // https://cloud-provider-azure.sigs.k8s.io/topics/loadbalancer/#loadbalancer-annotations
  const floating = lb.rule?.floatingIp ?? true;
  // floating IP keeps the frontend IP as the destination; without it the load balancer sends to the node's address
  // https://learn.microsoft.com/azure/load-balancer/load-balancer-floating-ip
  const dst = floating ? e.ip : (l.nodeIp ?? e.ip);
  const port = floating ? e.port : (lb.rule?.backendPort ?? e.port);
  // the load balancer maps only the destination: the NSG sees the client's address, whichever node SNATs it later
  // https://learn.microsoft.com/azure/load-balancer/components#frontend-ip-configuration-
  const client = clientOf(e.client, e.internal ? 'VirtualNetwork' : 'Internet');
  const packet: NsgPacket = { ...client, dst, port, protocol: e.svcPort?.protocol ?? 'TCP' };
  const g = nsgsOf(end);
  const probeDenied = probeVerdict(lb, l, g.judge);
  const elsewhere = others.map((o) => elsewhereVerdict(o, packet, floating, lb, l, g.ctx));
  const out = { ...g.said, node: l.node.metadata.name, packet, decisions: g.judge(packet), probeDenied };
  return elsewhere.length ? { ...out, elsewhere } : out;
}

/** The client's packet and the probe at another subnet's NSG (to that subnet's first node without floating IP). */
function elsewhereVerdict(
  o: SubnetNodes,
  packet: NsgPacket,
  floating: boolean,
  lb: Balancer,
  l: Landing,
  ctx: NsgContext,
): Elsewhere {
  const names = o.nodes.map((n) => n.metadata.name);
  const base = { subnet: o.subnet.name, nodes: names, unseen: o.unseen };
  if (!o.nsg) return base;
  const judge = (p: NsgPacket) => evaluatePath({ dstSubnet: o.nsg }, p, ctx);
  const ip = nodeIp(o.nodes[0]);
  const p = floating || !ip ? packet : { ...packet, dst: ip };
  const probe = ip ? probeVerdict(lb, { ...l, nodeIp: ip }, judge) : undefined;
  return { ...base, decision: judge(p)[0], probeOut: !!probe?.named, check: nsgCheck(o.nsg) };
}

/** The NSGs for a node port dialled on a node's address: the node's own address is the destination. */
export function nodePortNsg(
  p: { client?: string; nodePort: number; protocol?: string },
  node: { name: string; ip?: string; externalIp?: string },
  end?: AzureEnd,
): InboundNsg | undefined {
  if (!end?.at.nic || !node.ip) return undefined;
  // a node reached on its public IP still receives on its private address: NSG rules name the private one
  // https://learn.microsoft.com/azure/virtual-network/network-security-group-how-it-works
  const client = clientOf(p.client, node.externalIp ? 'Internet' : 'VirtualNetwork');
  const packet: NsgPacket = { ...client, dst: node.ip, port: p.nodePort, protocol: p.protocol ?? 'TCP' };
  const g = nsgsOf(end);
  return { ...g.said, node: node.name, packet, decisions: g.judge(packet) };
}

/** The client named by address, else any client of a kind (a private client dialling a public frontend arrives
 * SNATed: `arrivesSnatted`). */
export function clientOf(client: string | undefined, kind: SourceKind): Pick<NsgPacket, 'src' | 'srcAny'> {
  if (!client) return { src: kind === 'Internet' ? 'a client on the Internet' : 'a client in the VNet', srcAny: kind };
  return arrivesSnatted(client, kind === 'Internet')
    ? { src: `${client} (arriving as its own network's public address)`, srcAny: kind }
    : { src: client };
}

/** The `az` command that lists an NSG's rules. */
export const nsgCheck = (g: { id: string; name: string }): string =>
  `az network nsg rule list -g ${resourceGroupOf(g.id)} --nsg-name ${g.name} -o table`;

/** The NSGs on a node's subnet and NIC: a judge for inbound packets, and what the answer says of them. */
export function nsgsOf(end: AzureEnd) {
  const ctx: NsgContext = {
    virtualNetwork: vnetTagSpace(end.vnet, end.routeTable),
    dstAsgs: end.at.ipConfig?.asgIds ?? [],
    ...tagsOf([end]),
  };
  const path = { dstSubnet: end.subnetNsg, dstNic: end.nicNsg };
  const checks = [end.subnetNsg, end.nicNsg].filter((g) => !!g).map(nsgCheck);
  return {
    judge: (p: NsgPacket) => evaluatePath(path, p, ctx),
    ctx,
    said: { unseen: end.unseen, checks: [...new Set(checks)] },
  };
}

// health probes come from the Azure platform address (the AzureLoadBalancer tag) to the node; an NSG that drops them
// makes the load balancer take the node out of rotation
// https://learn.microsoft.com/azure/load-balancer/load-balancer-custom-probe-overview#probe-source-ip-address
// the platform address is not subject to NSG rules unless a rule targets it by its service tag: a rule for any source
// may or may not catch it, so that case is hedged
// https://learn.microsoft.com/azure/virtual-network/network-security-groups-overview#azure-platform-considerations
function probeVerdict(lb: Balancer, l: Landing, judge: (p: NsgPacket) => NsgDecision[]): InboundNsg['probeDenied'] {
  const probe = lb.hit?.lb.probes.find((p) => lb.rule?.probeId && idKey(p.id) === idKey(lb.rule.probeId));
  if (!probe || !l.nodeIp) return undefined;
  const packet = { src: AZURE_PLATFORM_IP, dst: l.nodeIp, port: probe.port, protocol: 'TCP' };
  const decision = judge(packet).find((x) => !x.allowed);
  const named = !!decision?.source?.some((p) => /^(azureloadbalancer|168\.63\.129\.16(\/32)?)$/i.test(p.trim()));
  return decision ? { decision, dst: l.nodeIp, port: probe.port, named } : undefined;
}

/** The answer with the NSGs' verdict: a deny is the answer (the path shown is where the packet would go). */
export function withNsg(r: PathResult, n: InboundNsg | 'not-read' | undefined): PathResult {
  if (!n || r.status !== 'answered') return r;
  if (n === 'not-read') {
    const value = "not checked for the client's side: the gateway's frontend and subnet are not read";
    return { ...r, facts: [...r.facts, { label: 'NSG', value }] };
  }
  const out = { ...r, facts: [...r.facts], warnings: [...r.warnings], verify: [...r.verify, ...n.checks] };
  const deny = n.decisions.find((x) => !x.allowed);
  const at = n.at ?? `node ${n.node}`;
  if (n.probeDenied) probeDropped(out, n.probeDenied, at, !deny);
  for (const x of n.decisions) if (x.unsure) out.warnings.push(unsureWords(x.unsure, n.packet));
  for (const id of n.unseen) out.warnings.push(`Not checked: NSG ${id} on ${at} is not in the data`);
  if (!deny) {
    const by = allowedBy(n.decisions);
    if (by) out.facts.push({ label: 'NSG', value: `at ${at}: allowed by ${by}` });
    else if (!n.unseen.length)
      out.facts.push({ label: 'NSG', value: `none in the data on the subnet${n.at ? '' : ' or NIC'} of ${at}` });
    out.answer += elsewhereSaid(out, n, true);
    return out;
  }
  const rule = `NSG ${nsgRuleText(deny)} (${nsgWhere(deny)} of ${at})`;
  const { src, dst, port, protocol } = n.packet;
  const to = `${dst}${port === undefined ? '' : `:${port}`}`;
  const verb = n.onward ? 'cannot reach' : 'cannot get in on';
  const partly = elsewhereSaid(out, n, false);
  out.answer = `${cap(src)} ${verb} ${protocol.toLowerCase()} ${to}: ${rule} drops it.${partly} Were it allowed: `;
  out.answer += r.answer;
  out.title = `${partly ? 'Partly denied' : 'Denied'} by NSG: ${r.title ?? to}`;
  out.facts.push({ label: 'NSG', value: `denied: ${rule.replace(/^NSG /, '')}` });
  out.warnings.unshift(`${rule} denies ${src} → ${to}`);
  return out;
}

/** The other subnets' verdicts as facts; a sentence for the answer where one differs from the walked node's: with
 * ETP Cluster the load balancer spreads connections over every node that passes its probe, so some fail. */
function elsewhereSaid(out: PathResult, n: InboundNsg, walkedAllowed: boolean): string {
  let said = '';
  const differ: string[] = [];
  for (const o of n.elsewhere ?? []) {
    const some = o.nodes.slice(0, 3).join(', ') + (o.nodes.length > 3 ? ', …' : '');
    const where = `subnet ${o.subnet} (${o.nodes.length} node${o.nodes.length > 1 ? 's' : ''}: ${some})`;
    if (o.unseen) out.warnings.push(`Not checked: NSG ${o.unseen} on ${where} is not in the data`);
    const d = o.decision;
    if (o.check) out.verify.push(o.check);
    if (o.probeOut) {
      out.facts.push({ label: 'NSG', value: `on ${where}: the health probe is dropped, those nodes get nothing` });
      continue;
    }
    const allowed = d ? d.allowed : !o.unseen;
    const verdict = !d ? 'no subnet NSG' : `${d.allowed ? 'allowed' : 'denied'} by ${nsgRuleText(d)}`;
    out.facts.push({ label: 'NSG', value: `on ${where}: ${verdict} (their NICs' NSGs not read)` });
    if (o.unseen || allowed === walkedAllowed) continue;
    differ.push(o.subnet);
    said += walkedAllowed
      ? ` But on ${where} NSG ${nsgRuleText(d!)} (inbound at the subnet) drops it, and the load balancer hands ` +
        'connections to those nodes too: those fail.'
      : ` On ${where} ${d ? `NSG ${nsgRuleText(d)} lets it in` : 'no subnet NSG stops it'}: connections the load ` +
        'balancer hands there get through, so only some fail.';
  }
  if (said) out.warnings.unshift(`Some connections fail: subnet ${differ.join(', ')} gives another NSG verdict`);
  return said;
}

/** The health probe dropped: the answer when the client's packet itself would pass, a warning otherwise. */
function probeDropped(out: PathResult, p: NonNullable<InboundNsg['probeDenied']>, at: string, answer: boolean): void {
  const rule = `NSG ${nsgRuleText(p.decision)} (${nsgWhere(p.decision)} of ${at})`;
  const what = `the load balancer's health probe ${AZURE_PLATFORM_IP} → ${p.dst}:${p.port}`;
  const ruleText = rule.replace(/^NSG /, '');
  if (!p.named) {
    out.warnings.push(
      `${rule} matches any source above AllowAzureLoadBalancerInBound: if it catches ${what}, the load balancer ` +
        'sends that node nothing (allow the AzureLoadBalancer tag before it)',
    );
    out.facts.push({ label: 'Health probe', value: `maybe denied: ${ruleText}` });
    return;
  }
  out.warnings.unshift(`${rule} drops ${what}: the load balancer sends that node nothing`);
  out.facts.push({ label: 'Health probe', value: `denied: ${ruleText}` });
  if (!answer) return;
  out.answer =
    `${cap(what)} is dropped by ${rule}: the load balancer marks the node down and sends it nothing. ` +
    `Were the probe allowed: ${out.answer}`;
  out.title = `Probe denied by NSG: ${out.title ?? p.dst}`;
}

/** A rule that may decide first: for a client not named by address, a rule for some addresses only. */
const unsureWords = (unsure: string, p: NsgPacket): string =>
  p.srcAny
    ? `For ${p.src} in general; ${unsure}: ask with the client address ("from <IP>") for its own verdict`
    : `NSG verdict unsure: ${unsure}`;

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
