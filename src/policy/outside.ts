// A pod's packet to an address outside the cluster ("can api reach 52.239.1.1 on 443?", "does an NSG block api from
// Azure Storage?"): the layers on its way out — the pod's egress NetworkPolicy (ipBlock peers), the NSGs on the node's
// NIC and subnet for the packet as it leaves the node (the egress family's source rule: node IP, pod IP or EgressIP),
// and the route out of the subnet. The egress family's answer gives the path and what the far end sees.
import { egress } from '../egress';
import type { EgressAnswer } from '../egress/decide';
import type { EgressFacts } from '../egress/facts';
import type { EgressSubjects } from '../egress/resolve';
import type { Ctx } from '../family';
import type { ClusterInfo } from '../inventory/inventory';
import type { Namespace, NetworkPolicy, Node, Pod } from '../inventory/k8s-types';
import { azureEnd, podEnd, tagsOf, vnetTagSpaceVia, type AzureEnd } from '../path/azure-end';
import { dropsBeyondRules, judgeFirewall, type FirewallPacket, type FirewallVerdict } from '../path/firewall-rules';
import { evaluatePath, type NsgDecision, type NsgPacket } from '../path/nsg';
import type { AzureService } from '../path/azure-services';
import { enforcementOf, outsideVerdict, verdict, type Enforcement, type Verdict } from '../path/policy';
import { cidrContains } from '../path/ip';
import { idKey } from '../inventory/ids';
import { podIp } from '../path/kube';

export interface OutsideFacts {
  subjects: EgressSubjects;
  egress: EgressFacts;
  /** the client's node (and pod subnet) on Azure; absent when the node is no Azure VM */
  client?: AzureEnd;
  policies: NetworkPolicy[];
  namespaces: Namespace[];
  pods: Pod[];
  cluster?: ClusterInfo;
}

export interface OutsideDecision {
  egress: EgressAnswer;
  /** the far end as said: its address, or the Azure service and its tag */
  far: string;
  ip?: string;
  service?: AzureService;
  /** the client subnet's service endpoint for that service: its traffic goes over the backbone from a private IP */
  endpoint?: string;
  port?: number;
  protocol: string;
  /** the client pod's egress NetworkPolicy verdict for the address */
  netpol: Verdict;
  enforcement: Enforcement;
  /** the packet as the node's NIC sees it, and each NSG's verdict (outbound: NIC, then subnet) */
  nsg?: { packet: NsgPacket; decisions: NsgDecision[]; unseen: string[] };
  /** why the NSGs were not judged */
  nsgWhy?: string;
  /** the Azure Firewall the packet is routed to, its rules' verdict, and what may drop the packet the rules let
   * through (threat intelligence, IDPS), in words */
  firewall?: { name: string; verdict: FirewallVerdict; dropsFirst: string[] };
}

/** What the way out to `ip` (else to the Internet) reads: the egress family's facts and the client node's NSGs. */
export async function outsideFacts(pod: Pod, ip: string | undefined, nodes: Node[], ctx: Ctx): Promise<OutsideFacts> {
  const subjects: EgressSubjects = { pod, destination: ip };
  const { inv, trace } = ctx;
  const node = nodes.find((n) => n.metadata.name === pod.spec?.nodeName);
  const onAzure = node?.spec?.providerID?.startsWith('azure://');
  const [facts, client, policies, namespaces, pods, cluster] = await Promise.all([
    egress.facts(subjects, ctx),
    onAzure ? azureEnd(inv, node!, trace).then((e) => podEnd(inv, e, podIp(pod), trace)) : undefined,
    trace.list('network policies', () => inv.list('NetworkPolicy')),
    trace.list('namespaces', () => inv.list('Namespace')),
    trace.list('pods', () => inv.list('Pod')),
    trace.try('cluster', () => inv.cluster()),
  ]);
  return { subjects, egress: facts, client, policies, namespaces, pods, cluster };
}

/** Outside the client's VNet (the Internet, a peered network, on-premises): its side is not ours to read, so the way
 * out is the whole answer; an address inside the VNet has an inbound side (its subnet's NSG) this does not judge. */
export const isOutside = (ip: string, f: OutsideFacts): boolean =>
  !(f.client?.vnet?.prefixes ?? []).some((p) => cidrContains(p, ip));

/** The far end: an address, or an Azure service's public endpoints (any address of its service tag). */
export type Far = { ip: string } | { service: AzureService; host?: string };

export function decideOutside(f: OutsideFacts, far: Far, port: number | undefined, proto = 'TCP'): OutsideDecision {
  const { pod } = f.subjects;
  const protocol = proto.toUpperCase();
  const answer = egress.decide(f.subjects, f.egress);
  const ip = 'ip' in far ? far.ip : undefined;
  const service = 'service' in far ? far.service : undefined;
  // an egress rule's ipBlock peer matches the destination address (a service's: any public one)
  // https://kubernetes.io/docs/concepts/services-networking/network-policies/#networkpolicy-resource
  const netpol = ip
    ? verdict('Egress', pod, { ip }, port, protocol, f.policies, f.namespaces)
    : outsideVerdict('Egress', pod, port, protocol, f.policies);
  const enforcement = enforcementOf(f.cluster, f.pods);
  const label = ip ?? `${service!.name} (service tag ${service!.tag})`;
  const endpoint = service && serviceEndpoint(f.client, service);
  const src = answer.kind === 'path' ? sourceOnWire(answer) : undefined;
  const host = 'host' in far ? far.host : undefined;
  const firewall = endpoint
    ? undefined
    : firewallVerdict(answer, { src, dst: ip, dstTag: service?.tag, host, port, protocol }, f);
  const base = { egress: answer, far: label, ip, service, endpoint, port, protocol, netpol, enforcement, firewall };
  if (!f.client) return { ...base, nsgWhy: 'the node is not an Azure VM in the data' };
  if (answer.kind === 'path' && answer.source.kind === 'egress-ip')
    return { ...base, nsgWhy: 'the packet leaves through an EgressIP node, whose NSGs are not judged here' };
  if (!src) return { ...base, nsgWhy: 'the address the packet leaves the node with is not known' };
  const packet: NsgPacket = ip
    ? { src, dst: ip, port, protocol }
    : { src, dst: service!.tag, dstTag: service!.tag, port, protocol };
  const c = f.client;
  // outbound: the NIC's NSG, then the subnet's
  // https://learn.microsoft.com/azure/virtual-network/network-security-group-how-it-works
  const asgs = c.at.nic?.ipConfigs.find((x) => x.privateIp === src)?.asgIds ?? (c.at.nic ? [] : undefined);
  const ctx = { virtualNetwork: vnetTagSpaceVia(c, routeOf(answer)), srcAsgs: asgs, ...tagsOf([c]) };
  const decisions = evaluatePath({ srcNic: c.nicNsg, srcSubnet: c.subnetNsg }, packet, ctx);
  return { ...base, nsg: { packet, decisions, unseen: c.unseen } };
}

/** The route the packet leaves by, when one decided. */
const routeOf = (a: EgressAnswer) => (a.kind === 'path' && 'route' in a.rule ? a.rule.route : undefined);

/** The Azure Firewall's rules for the packet, when the route out takes it to one whose rules were read. */
function firewallVerdict(a: EgressAnswer, p: Partial<FirewallPacket>, f: OutsideFacts): OutsideDecision['firewall'] {
  const rule = a.kind === 'path' ? a.rule : undefined;
  if (rule?.via !== 'appliance' || rule.owner.kind !== 'firewall' || !rule.firewallRules) return undefined;
  const name = rule.owner.firewall.name;
  if (!p.src)
    return {
      name,
      verdict: { verdict: 'unknown', why: 'the address the packet leaves the node with is not known' },
      dropsFirst: [],
    };
  const ctx = { virtualNetwork: vnetTagSpaceVia(f.client, routeOf(a)), ...tagsOf(f.client ? [f.client] : []) };
  const verdict = judgeFirewall(rule.firewallRules, { ...p, src: p.src, protocol: p.protocol ?? 'TCP' }, ctx);
  return { name, verdict, dropsFirst: dropsBeyondRules(name, rule.firewallRules) };
}

/** The address the packet has on the node's NIC: the node IP (SNAT) or the pod IP (Azure CNI, no SNAT). */
function sourceOnWire(a: Extract<EgressAnswer, { kind: 'path' }>): string | undefined {
  const s = a.source;
  if (a.hostNetwork) return a.nodeIp;
  return s.kind === 'node' || s.kind === 'pod' ? (s.ip ?? a.podIp) : undefined;
}

// a subnet's service endpoint for the service: its traffic to the service leaves from the VNet's private addresses,
// straight over the Azure backbone, whatever routes send Internet traffic elsewhere
// https://learn.microsoft.com/azure/virtual-network/virtual-network-service-endpoints-overview
function serviceEndpoint(c: AzureEnd | undefined, service: AzureService): string | undefined {
  const subnet = c?.podSubnet ? c.vnet?.subnets.find((x) => idKey(x.id) === idKey(c.podSubnet!)) : c?.at.subnet;
  const on = subnet?.serviceEndpoints ?? [];
  return on.find((e) => e.toLowerCase() === service.endpoint.toLowerCase());
}
