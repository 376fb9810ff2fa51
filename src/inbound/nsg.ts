// The NSGs an outside client's packet meets on its way in: the subnet NSG of the node the load balancer hands it to,
// then the NIC's; the first deny drops it. A Standard load balancer is closed to inbound flows unless an NSG opens
// them. Pure.
// https://learn.microsoft.com/azure/virtual-network/network-security-group-how-it-works
// https://learn.microsoft.com/azure/load-balancer/load-balancer-overview#securebydefault
import { tagSpace, tagsOf, type AzureEnd } from '../path/azure-end';
import { resourceGroupOf } from '../inventory/ids';
import {
  allowedBy,
  evaluatePath,
  nsgRuleText,
  nsgWhere,
  type NsgContext,
  type NsgDecision,
  type NsgPacket,
} from '../path/nsg';
import type { PathResult } from '../path/result';
import type { Balancer, Entry, Landing } from './decide';

export interface InboundNsg {
  /** the node whose subnet and NIC were checked (with ETP Cluster, the one the answer walks) */
  node: string;
  packet: NsgPacket;
  decisions: NsgDecision[];
  /** NSGs referenced on the node's subnet or NIC that could not be read */
  unseen: string[];
  /** `az network nsg rule list` for each NSG on the way */
  checks: string[];
}

/** What the NSGs do to the client's packet, or undefined when the node's place on Azure is unknown. */
export function inboundNsg(e: Entry, lb: Balancer, l: Landing, end?: AzureEnd): InboundNsg | undefined {
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
  const srcAny = e.client ? undefined : e.internal ? 'VirtualNetwork' : 'Internet';
  const src = e.client ?? (e.internal ? 'a client in the VNet' : 'a client on the Internet');
  const packet: NsgPacket = { src, srcAny, dst, port, protocol: e.svcPort?.protocol ?? 'TCP' };
  const ctx: NsgContext = {
    virtualNetwork: [...new Set(tagSpace(end))],
    dstAsgs: end.at.ipConfig?.asgIds ?? [],
    ...tagsOf([end]),
  };
  const path = { dstSubnet: end.subnetNsg, dstNic: end.nicNsg };
  const checks = [end.subnetNsg, end.nicNsg]
    .filter((g) => !!g)
    .map((g) => `az network nsg rule list -g ${resourceGroupOf(g.id)} --nsg-name ${g.name} -o table`);
  const decisions = evaluatePath(path, packet, ctx);
  return { node: l.node.metadata.name, packet, decisions, unseen: end.unseen, checks: [...new Set(checks)] };
}

/** The answer with the NSGs' verdict: a deny is the answer (the path shown is where the packet would go). */
export function withNsg(r: PathResult, n: InboundNsg | undefined): PathResult {
  if (!n || r.status !== 'answered') return r;
  const out = { ...r, facts: [...r.facts], warnings: [...r.warnings], verify: [...r.verify, ...n.checks] };
  const deny = n.decisions.find((x) => !x.allowed);
  const at = `node ${n.node}`;
  for (const x of n.decisions) if (x.unsure) out.warnings.push(unsureWords(x.unsure, n.packet));
  for (const id of n.unseen) out.warnings.push(`Not checked: NSG ${id} on ${at} is not in the data`);
  if (!deny) {
    const by = allowedBy(n.decisions);
    if (by) out.facts.push({ label: 'NSG', value: `at ${at}: allowed by ${by}` });
    else if (!n.unseen.length)
      out.facts.push({ label: 'NSG', value: `none in the data on the subnet or NIC of ${at}` });
    return out;
  }
  const rule = `NSG ${nsgRuleText(deny)} (${nsgWhere(deny)} of ${at})`;
  const { src, dst, port, protocol } = n.packet;
  const to = `${dst}${port === undefined ? '' : `:${port}`}`;
  out.answer = `${cap(src)} cannot get in on ${protocol.toLowerCase()} ${to}: ${rule} drops it. Were it allowed: `;
  out.answer += r.answer;
  out.title = `Denied by NSG: ${r.title ?? to}`;
  out.facts.push({ label: 'NSG', value: `denied: ${rule.replace(/^NSG /, '')}` });
  out.warnings.unshift(`${rule} denies ${src} → ${to}`);
  return out;
}

/** A rule that may decide first: for a client not named by address, a rule for some addresses only. */
const unsureWords = (unsure: string, p: NsgPacket): string =>
  p.srcAny
    ? `For ${p.src} in general; ${unsure}: ask with the client address ("from <IP>") for its own verdict`
    : `NSG verdict unsure: ${unsure}`;

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
