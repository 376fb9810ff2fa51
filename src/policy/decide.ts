// The reachability rules on top of the pair's path: for each layer the packet
// crosses, its verdict — NetworkPolicy (enforced or not), the NSGs on the
// subnets and NICs for the packet as it is on the wire, the route out of the
// client's subnet — and what could not be seen. Pure.
import { decide as decidePair, type EastWestDecision, type PathDecision } from '../east-west/decide';
import type { EastWestSubjects } from '../east-west/resolve';
import { inVnet, tagsOf, vnetTagSpace, type AzureEnd } from '../path/azure-end';
import { evaluatePath, type NsgContext, type NsgDecision, type NsgPacket } from '../path/nsg';
import { candidatesOf, selectRoute, type Candidate } from '../path/routes';
import { inbound } from '../inbound';
import type { InboundDecision } from '../inbound/decide';
import type { Pod } from '../inventory/k8s-types';
import {
  isListFacts,
  type AnyPolicyFacts,
  type InternetInFacts,
  type ToServiceFacts,
  type ListFacts,
  type PolicyFacts,
  type ReachAzure,
} from './facts';
import { enforcementOf } from '../path/policy';
import { decideNamed, decideSelects, decideSources, type ListContext, type ListDecision } from './listing';
import { decideOutside, isOutside, type OutsideDecision } from './outside';
import { isList, type ListSubjects, type PolicySubjects } from './resolve';

/** The packet the NSGs see: the pod IPs (routed pods), or the nodes' tunnel (overlay). */
export type Wire =
  | { kind: 'same-node' }
  | { kind: 'pods'; packet: NsgPacket }
  | { kind: 'tunnel'; packet: NsgPacket; tunnel: string }
  | { kind: 'unknown'; why: string };

export interface NsgLayer {
  wire: Wire;
  decisions: NsgDecision[];
  /** NSGs referenced on the path that could not be read */
  unseen: string[];
  /** NSGs present on the path (0: nothing filters) */
  present: number;
}

export interface Reach {
  nsg: NsgLayer;
  route?: Candidate;
  /** the destination the route was chosen for */
  routeDst?: string;
}

export interface PolicyDecision {
  pair: EastWestDecision;
  /** absent when the Azure side is not known (nodes not on Azure VMs, or the pair stops before a path) */
  reach?: Reach;
  /** the far end is an address outside the cluster: the layers on the way out to it */
  outside?: OutsideDecision;
}

export type AnyPolicyDecision =
  PolicyDecision | ListDecision | { internetIn: InboundDecision } | { toService: OutsideDecision; from: Pod };

export function decide(s: PolicySubjects, f: AnyPolicyFacts): AnyPolicyDecision {
  if ('internetIn' in s) return { internetIn: inbound.decide(s.internetIn, (f as InternetInFacts).internetIn) };
  if ('toService' in s) {
    const { service, host, port } = s.toService;
    const toService = decideOutside((f as ToServiceFacts).toService, { service, host }, port);
    return { toService, from: s.toService.from };
  }
  if (isList(s) !== isListFacts(f)) throw new Error('policy: the facts read are not for these subjects');
  return isList(s) ? decideList(s, f as ListFacts) : decideReach(s, f as PolicyFacts);
}

/** A listing: the policies around one party (see listing.ts). */
function decideList(s: ListSubjects, f: ListFacts): ListDecision {
  const c: ListContext = {
    policies: f.policies,
    pods: f.pods,
    namespaces: f.namespaces,
    enforcement: enforcementOf(f.cluster, f.pods),
    unevaluated: f.unevaluated,
  };
  if (s.list === 'policy') return decideNamed(s.policy, c);
  if (s.list === 'sources') return decideSources(s.namespace, s.to, s.port, 'TCP', c);
  return decideSelects(s, s.pods, c);
}

/** The pair's path and, where the Azure side is known, what the NSGs and the client subnet's route do to it. */
export function decideReach(s: EastWestSubjects, f: PolicyFacts): PolicyDecision {
  const pair = decidePair(s, f.pair);
  if (pair.kind === 'unknown-ip' && f.outside && isOutside(pair.ip, f.outside) && !('internet' in s))
    return { pair, outside: decideOutside(f.outside, { ip: pair.ip }, s.port, s.protocol) };
  if (pair.kind !== 'path' || !f.azure) return { pair };
  const nsg = nsgLayer(pair, f.azure);
  const dst = 'packet' in nsg.wire ? nsg.wire.packet.dst : undefined;
  const { candidates } = candidatesOf(f.azure.client.vnet, f.azure.routeTable, undefined);
  const route = dst && nsg.wire.kind !== 'same-node' ? selectRoute(candidates, dst) : undefined;
  return { pair, reach: { nsg, route, routeDst: dst } };
}

// Overlays carry pod packets between nodes in a tunnel: the NSGs see node → node UDP.
// OVN-Kubernetes: Geneve, UDP 6081; openshift-sdn: VXLAN, UDP 4789.
// https://docs.openshift.com/container-platform/4.16/installing/installing_azure/installing-azure-network-customizations.html
const TUNNELS: Record<string, { port: number; name: string }> = {
  'ovn-kubernetes': { port: 6081, name: 'Geneve (UDP 6081)' },
  'openshift-sdn': { port: 4789, name: 'VXLAN (UDP 4789)' },
};

/** What the NSGs see of this connection. */
function wireOf(d: PathDecision, az: ReachAzure): Wire {
  if (d.sameNode) return { kind: 'same-node' };
  const protocol = d.policy.protocol;
  const tunnel = TUNNELS[d.transport];
  const [cIp, sIp] = [d.client.nodeIp, d.server.nodeIp];
  if (tunnel && cIp && sIp)
    return { kind: 'tunnel', tunnel: tunnel.name, packet: { src: cIp, dst: sIp, port: tunnel.port, protocol: 'UDP' } };
  // kubenet routes pod IPs through the VNet (UDR per node); Azure CNI gives pods VNet addresses: the NSGs see pod IPs
  // https://learn.microsoft.com/azure/aks/concepts-network-cni-overview
  const vnet = az.client.vnet;
  const routed =
    d.transport === 'kubenet' ||
    (d.transport === 'azure-cni' && inVnet(vnet, d.client.ip) && inVnet(vnet, d.server.ip));
  if (routed && d.client.ip && d.server.ip)
    return { kind: 'pods', packet: { src: d.client.ip, dst: d.server.ip, port: d.dst.port, protocol } };
  // Azure CNI overlay (pod IPs outside the VNet) and other plugins: the packet NSGs see is not modelled here
  const how = d.transport === 'azure-cni' ? 'Azure CNI with pod IPs outside the VNet (overlay)' : d.transport;
  return { kind: 'unknown', why: `pod traffic is carried by ${how}: what the NSGs see is not modelled` };
}

function nsgLayer(d: PathDecision, az: ReachAzure): NsgLayer {
  const wire = wireOf(d, az);
  const ends = [az.client, az.server];
  const unseen = [...new Set(ends.flatMap((e) => e.unseen))];
  const path = {
    srcNic: az.client.nicNsg,
    srcSubnet: az.client.subnetNsg,
    dstSubnet: az.server.subnetNsg,
    dstNic: az.server.nicNsg,
  };
  const present = Object.values(path).filter(Boolean).length;
  if (!('packet' in wire)) return { wire, decisions: [], unseen, present };
  const virtualNetwork = [
    ...new Set([...vnetTagSpace(az.client.vnet, az.routeTable), ...vnetTagSpace(az.server.vnet)]),
  ];
  const ctx = { virtualNetwork, ...asgsOf(wire.packet, az), ...tagsOf(ends) };
  return { wire, decisions: evaluatePath(path, wire.packet, ctx), unseen, present };
}

// ASG membership belongs to NIC IP configurations: a rule naming a group matches the addresses of its members'
// IP configurations, so an address no IP configuration holds (a kubenet pod IP) is in no group
// https://learn.microsoft.com/azure/virtual-network/application-security-groups
function asgsOf(p: NsgPacket, az: ReachAzure): Pick<NsgContext, 'srcAsgs' | 'dstAsgs'> {
  const of = (e: AzureEnd, ip: string) =>
    e.at.nic ? (e.at.nic.ipConfigs.find((x) => x.privateIp === ip)?.asgIds ?? []) : undefined;
  return { srcAsgs: of(az.client, p.src), dstAsgs: of(az.server, p.dst) };
}
