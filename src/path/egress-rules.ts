// Azure egress, first match wins (the only place this rule lives):
//   1. the route Azure selects for the destination (src/path/routes.ts: user, BGP and system routes):
//      a VNet, peering or gateway next hop keeps the traffic private; None drops it; a virtual appliance
//      (Azure Firewall, an NVA behind an internal load balancer) takes it; Internet goes on to:
//   2. NAT gateway on the subnet
//   3. instance-level public IP on the NIC IP configuration
//   4. public load balancer outbound rule (or implicit SNAT of a load-balancing rule)
//   5. default outbound access — none at all on a private subnet
import type {
  AzureFirewall,
  EffectiveRoute,
  FirewallPolicy,
  LbRule,
  LoadBalancer,
  NatGateway,
  OutboundRule,
  RouteTable,
  VirtualMachine,
  VirtualNetwork,
} from '../inventory/azure-model';
import { idKey, nameOf, parentId, sameId } from '../inventory/ids';
import type { ClusterInfo, Inventory } from '../inventory/inventory';
import type { EgressIP } from '../inventory/k8s-types';
import { ipConfigInPool, type NodeOnAzure } from './azure-node';
import { cidrContains, isIpv4, isPrivateIp, PRIVATE_RANGES } from './ip';
import { poolSize as sizeOfPool, publicIpById, type LbWorld } from './lb';
import type { FirewallRules } from './firewall-rules';
import { hubAppliance, readAppliance, type ApplianceFacts, type ApplianceOwner } from './next-hop';
import { bgpPossible, candidatesOf, selectRoute, userRoutes, type Candidate, type Routing } from './routes';
import { addressCount, snatCapacity, type SnatCapacity } from './snat';
import type { Trace } from './trace';
import { readVwan, type VwanFacts } from './vwan';

export interface PublicAddress {
  id?: string;
  name: string;
  ip?: string;
  /** a prefix rather than one address (public IP prefixes): any address of it is used */
  prefix?: string;
}

/** The route that decided, how routes were known, and the user route table when a user route decided. */
interface Routed {
  route?: Candidate;
  routeTable?: RouteTable;
  routing: Routing;
}

/** How Azure Firewall treats the traffic. */
export type FirewallSnat =
  | 'public-ip' // Internet: SNAT to one of its public IPs
  | 'nat-gateway' // Internet: a NAT gateway on AzureFirewallSubnet SNATs instead
  | 'none-private' // destination in its private ranges: network rules do not SNAT
  | 'private-ip'; // a private (RFC 1918/6598) destination outside its ranges: SNAT to an AzureFirewallSubnet address

/** The ranges Azure Firewall does not SNAT (network rules), and where they come from. */
export interface SnatRanges {
  ranges: string[];
  /** policy: its `snat.privateRanges`; firewall: classic `Network.SNAT.PrivateRanges`; default: IANA (nothing set);
   *  not-read: the firewall has a policy that could not be read (IANA assumed) */
  from: 'policy' | 'firewall' | 'default' | 'not-read';
  policy?: string;
  /** the policy also learns ranges from a Route Server (not visible) */
  autoLearn: boolean;
}

export type EgressDecision =
  | (Routed & { via: 'private'; route: Candidate; nextHop: 'VnetLocal' | 'VNetPeering' | 'VirtualNetworkGateway' })
  | (Routed & { via: 'dropped'; route: Candidate; bgpMayCover: boolean })
  | (Routed & {
      via: 'appliance';
      route: Candidate;
      owner: ApplianceOwner;
      /** set when the owner is an Azure Firewall */
      firewallSnat?: FirewallSnat;
      /** set when the owner is an Azure Firewall */
      snatRanges?: SnatRanges;
      /** set when the owner is an Azure Firewall: its rules as read (what could not be read, named) */
      firewallRules?: FirewallRules;
      natGateway?: NatGateway;
      publicIps: PublicAddress[];
    })
  | (Routed & { via: 'nat-gateway'; natGateway: NatGateway; publicIps: PublicAddress[]; ports: number })
  | (Routed & { via: 'instance-ip'; publicIp: PublicAddress })
  | (Routed & {
      via: 'lb-outbound-rule';
      lb: LoadBalancer;
      rule: OutboundRule;
      publicIps: PublicAddress[];
      snat: SnatCapacity;
    })
  | (Routed & { via: 'lb-implicit'; lb: LoadBalancer; rule: LbRule; publicIps: PublicAddress[]; snat: SnatCapacity })
  | (Routed & {
      via: 'default-outbound';
      outboundType?: string;
      /** the node's VM record is not visible: whether it is a Flexible scale set member (no default outbound) */
      vmUnseen?: string;
    })
  | (Routed & {
      via: 'no-egress';
      reason: 'private-subnet' | 'outbound-block' | 'flexible-vmss';
      outboundType?: string;
      scaleSetId?: string;
    })
  | { via: 'unknown'; reason: string };

/** What the egress rules read about a node's Azure side (read by readEgressFacts, decided by decideEgress). */
export interface EgressAzureFacts {
  vnet?: VirtualNetwork;
  routeTable?: RouteTable;
  /** the NIC's effective routes, when the source has them */
  effectiveRoutes?: EffectiveRoute[];
  /** why the NIC's effective routes could not be read (no permission), said once in the answer */
  effectiveRoutesUnavailable?: string;
  /** the owner of a virtual appliance next hop, read when a route sends traffic to one */
  appliance?: ApplianceFacts;
  natGateway?: NatGateway;
  /** public load balancers whose backend pools hold the node */
  lbs: LoadBalancer[];
  /** public IPs and prefixes by lowercased ID, for the addresses of the deciding resource */
  addresses: Map<string, PublicAddress>;
  /** AKS outboundType, when known */
  outboundType?: string;
  /** the node's VM (a snapshot's `az vm list`; live: not read, no compute SDK): its scale set, if any */
  vm?: VirtualMachine;
  /** the Virtual WAN hub the VNet is connected to (read when the effective routes were not) */
  vwan?: VwanFacts;
}

/** Read, through the trace, what decideEgress needs: the same walk for every answer and for capture. */
export async function readEgressFacts(
  inv: Inventory,
  at: NodeOnAzure,
  destination: string | undefined,
  trace: Trace,
  world?: LbWorld,
  cluster?: ClusterInfo,
): Promise<EgressAzureFacts> {
  const subnet = at.subnet;
  const [vnet, routeTable, natGateway, lbs, routes, vm] = await Promise.all([
    subnet ? (at.vnet ?? readVnet(inv, parentId(subnet.id), trace)) : undefined,
    subnet?.routeTableId ? readRouteTable(inv, subnet.routeTableId, trace) : undefined,
    subnet?.natGatewayId ? readNatGateway(inv, subnet.natGatewayId, trace) : undefined,
    at.ipConfig ? loadBalancersOf(inv, at, trace, world) : [],
    readEffectiveRoutes(inv, at, trace),
    standaloneVm(at)
      ? trace.try(`virtual machine ${nameOf(at.vmId!)}`, () => inv.azure.get('virtualMachine', at.vmId!))
      : undefined,
  ]);
  const facts: EgressAzureFacts = {
    vnet,
    routeTable,
    effectiveRoutes: Array.isArray(routes) ? routes : undefined,
    effectiveRoutesUnavailable: routes && !Array.isArray(routes) ? routes.unavailable : undefined,
    natGateway,
    lbs: lbs.filter((lb) => lb.frontends.some((f) => f.publicIpId || f.publicIpPrefixId)),
    addresses: new Map(),
    outboundType: cluster?.outboundType,
    vm,
  };
  // effective routes are the truth: the hub's routes are read only without them
  if (vnet && !facts.effectiveRoutes) facts.vwan = await readVwan(inv, vnet, routeTable, trace);
  const route = selectRoute(candidatesOf(vnet, routeTable, facts.effectiveRoutes, facts.vwan).candidates, destination);
  if (route?.hub) facts.appliance = await hubAppliance(inv, route.hub, trace);
  else if (route?.nextHopType.toLowerCase() === 'virtualappliance' && route.nextHopIp)
    facts.appliance = await readAppliance(inv, route.nextHopIp, vnet, routeTable, trace);
  // the addresses only of what decides: decide once without them, read, decide again with them
  const needed = addressIds(decideEgress(at, destination, facts));
  await Promise.all(needed.map(async (id) => facts.addresses.set(idKey(id), await readAddress(inv, id, trace, world))));
  return facts;
}

/** A node on a VM resource (not a Uniform scale set instance): it could be a Flexible scale set member. */
const standaloneVm = (at: NodeOnAzure) => !!at.vmId && !/\/virtualMachineScaleSets\//i.test(at.vmId);

const readVnet = (inv: Inventory, id: string, trace: Trace) =>
  trace.try(`virtual network ${nameOf(id)}`, () => inv.azure.get('virtualNetwork', id));

/**
 * Effective routes of the node's NIC, when the inventory has them (a snapshot file per node, a live read). Only
 * where BGP routes can exist (or the VNet is unknown): otherwise they add nothing to the route table and system
 * routes, and a live read is a slow long-running call.
 */
// https://learn.microsoft.com/azure/virtual-network/diagnose-network-routing-problem
function readEffectiveRoutes(inv: Inventory, at: NodeOnAzure, trace: Trace) {
  const { nic } = at;
  const read = inv.azure.effectiveRoutes;
  if (!nic || !read || (at.vnet && !bgpPossible(at.vnet))) return undefined;
  const names = [at.node.metadata.name, ...(at.vmId ? [nameOf(at.vmId)] : [])];
  return trace.try(`effective routes of ${nic.name}`, () => read.call(inv.azure, nic, names));
}

async function readRouteTable(inv: Inventory, id: string, trace: Trace) {
  const table = await trace.try(`route table ${nameOf(id)}`, () => inv.azure.get('routeTable', id));
  if (!table) trace.fail(`route table ${nameOf(id)}`, `not found: ${id}`);
  return table;
}

async function readNatGateway(inv: Inventory, id: string, trace: Trace) {
  const gw = await trace.try(`NAT gateway ${nameOf(id)}`, () => inv.azure.get('natGateway', id));
  if (!gw) trace.fail(`NAT gateway ${nameOf(id)}`, `not found: ${id}; the answer below ignores it and may be wrong`);
  return gw;
}

/** A public IP or prefix by ID; a prefix ID reads as a prefix. */
async function readAddress(inv: Inventory, id: string, trace: Trace, world?: LbWorld): Promise<PublicAddress> {
  if (/\/publicIPPrefixes\//i.test(id)) {
    const p = await trace.try(`public IP prefix ${nameOf(id)}`, () => inv.azure.get('publicIpPrefix', id));
    if (!p) trace.fail(`public IP prefix ${nameOf(id)}`, `not found: ${id}`);
    return { id, name: nameOf(id), prefix: p?.prefix };
  }
  const pip = world
    ? await publicIpById(inv, world, id, trace)
    : await trace.try(`public IP ${nameOf(id)}`, () => inv.azure.get('publicIp', id));
  if (!pip) trace.fail(`public IP ${nameOf(id)}`, `not found: ${id}`);
  return { id, name: nameOf(id), ip: pip?.ip };
}

/** IDs of the public IPs / prefixes a decision names (their addresses are read afterwards). */
function addressIds(d: EgressDecision): string[] {
  if (d.via === 'instance-ip') return d.publicIp.id ? [d.publicIp.id] : [];
  return 'publicIps' in d ? d.publicIps.flatMap((p) => (p.id ? [p.id] : [])) : [];
}

/** Load balancers whose pools may hold the node: referenced by the NIC, plus IP-based pools in the node group. */
async function loadBalancersOf(
  inv: Inventory,
  at: NodeOnAzure,
  trace: Trace,
  world?: LbWorld,
): Promise<LoadBalancer[]> {
  const referenced = [...new Set((at.ipConfig?.poolIds ?? []).map((id) => parentId(id).toLowerCase()))];
  const inGroup =
    world?.lbs ??
    (at.nodeResourceGroupId
      ? await trace.list(`load balancers in resource group ${nameOf(at.nodeResourceGroupId)}`, () =>
          inv.azure.list('loadBalancer', at.nodeResourceGroupId!),
        )
      : []);
  // load balancers outside the node resource group(s) that the NIC's pools point at
  const byRef = await Promise.all(
    referenced
      .filter((id) => !inGroup.some((lb) => sameId(lb.id, id)))
      .map((id) => trace.try(`load balancer ${nameOf(id)}`, () => inv.azure.get('loadBalancer', id))),
  );
  const all = [...inGroup];
  for (const lb of byRef) if (lb && !all.some((x) => sameId(x.id, lb.id))) all.push(lb);
  for (const id of referenced) {
    if (!all.some((x) => sameId(x.id, id)) && !trace.failed(`load balancer ${nameOf(id)}`)) {
      trace.fail(`load balancer ${nameOf(id)}`, `the node's NIC is in a backend pool of ${id}, which was not found`);
    }
  }
  return all.filter((lb) => lb.pools.some((p) => ipConfigInPool(at.ipConfig, p, at.nodeIp)));
}

const poolSize = (lb: LoadBalancer, poolId?: string): number => {
  const pool = lb.pools.find((p) => sameId(p.id, poolId));
  return pool ? sizeOfPool(pool) : 0;
};

/** An address by ID from the facts (name only until it is read). */
const address = (f: EgressAzureFacts, id: string): PublicAddress =>
  f.addresses.get(idKey(id)) ?? { id, name: nameOf(id) };

/** The egress rules, first match wins. Pure: reads nothing. */
export function decideEgress(at: NodeOnAzure, destination: string | undefined, f: EgressAzureFacts): EgressDecision {
  if (!at.ipConfig) return { via: 'unknown', reason: 'the node’s network interface could not be read' };
  const { candidates, routing: known } = candidatesOf(f.vnet, f.routeTable, f.effectiveRoutes, f.vwan);
  const routing = f.effectiveRoutesUnavailable ? { ...known, unavailable: f.effectiveRoutesUnavailable } : known;
  const route = selectRoute(candidates, destination);
  // without the VNet its own and peered ranges are unknown: a private destination cannot be placed
  if (destination && !f.vnet && !routing.effective && route?.origin === 'system' && route.nextHopType === 'None') {
    return {
      via: 'unknown',
      reason:
        `the node’s virtual network could not be read, ` +
        `so whether its ranges or peerings cover ${destination} is not known`,
    };
  }
  const routed: Routed = { route, routeTable: route?.origin === 'user' ? f.routeTable : undefined, routing };
  return byNextHop(at, destination, f, routed);
}

/** What the selected route's next hop makes of the traffic. */
function byNextHop(
  at: NodeOnAzure,
  destination: string | undefined,
  f: EgressAzureFacts,
  routed: Routed,
): EgressDecision {
  const { route, routing } = routed;
  const t = (route?.nextHopType ?? 'Internet').toLowerCase();
  if (route && /^(vnetlocal|vnetpeering|vnetglobalpeering)$/.test(t))
    return { ...routed, route, via: 'private', nextHop: t === 'vnetlocal' ? 'VnetLocal' : 'VNetPeering' };
  if (route && t === 'virtualnetworkgateway')
    return { ...routed, route, via: 'private', nextHop: 'VirtualNetworkGateway' };
  // next hop None: Azure drops the packet
  // https://learn.microsoft.com/azure/virtual-network/virtual-networks-udr-overview#next-hop-types-across-azure-tools
  if (route && t === 'none')
    return {
      ...routed,
      route,
      via: 'dropped',
      bgpMayCover: routing.bgp === 'not-visible' && routing.sources.length > 0,
    };
  if (route && t === 'virtualappliance') return applianceDecision(f, destination, { ...routed, route });
  if (t !== 'internet')
    return { via: 'unknown', reason: `route ${route?.name} has next hop ${route?.nextHopType}, which is not followed` };
  return internetDecision(at, f, routed);
}

// Azure Firewall network rules do not SNAT destinations in its private ranges (default: IANA RFC 1918 and
// RFC 6598 shared space: PRIVATE_RANGES); application rules always SNAT.
// https://learn.microsoft.com/azure/firewall/snat-private-range

export function firewallKeepsSource(privateRanges: string[] | undefined, destination: string): boolean {
  const ranges = (privateRanges ?? ['IANAPrivateRanges']).flatMap((r) =>
    r.toLowerCase() === 'ianaprivateranges' ? PRIVATE_RANGES : [r],
  );
  return ranges.some((r) => cidrContains(r, destination));
}

/** The firewall's SNAT private ranges: its policy's when it has one (read), else its classic setting, else IANA. */
// https://learn.microsoft.com/azure/firewall/snat-private-range
export function snatRangesOf(fw: AzureFirewall, policy?: FirewallPolicy): SnatRanges {
  const iana = ['IANAPrivateRanges'];
  const policyName = fw.firewallPolicyId ? nameOf(fw.firewallPolicyId) : undefined;
  if (policy)
    return policy.privateRanges
      ? { ranges: policy.privateRanges, from: 'policy', policy: policy.name, autoLearn: policy.autoLearnPrivateRanges }
      : { ranges: iana, from: 'default', policy: policy.name, autoLearn: policy.autoLearnPrivateRanges };
  if (fw.privateRanges) return { ranges: fw.privateRanges, from: 'firewall', policy: policyName, autoLearn: false };
  return { ranges: iana, from: fw.firewallPolicyId ? 'not-read' : 'default', policy: policyName, autoLearn: false };
}

function applianceDecision(
  f: EgressAzureFacts,
  destination: string | undefined,
  routed: Routed & { route: Candidate },
): EgressDecision {
  const owner: ApplianceOwner = f.appliance?.owner ?? { kind: 'unknown', searched: [], unreadable: [] };
  if (owner.kind !== 'firewall') return { ...routed, via: 'appliance', owner, publicIps: [] };
  const fw = owner.firewall;
  const snatRanges = snatRangesOf(fw, f.appliance?.firewallPolicy);
  const firewallRules = f.appliance?.firewallRules;
  const firewall = { ...routed, via: 'appliance' as const, owner, snatRanges, firewallRules };
  if (destination && isIpv4(destination) && firewallKeepsSource(snatRanges.ranges, destination))
    return { ...firewall, firewallSnat: 'none-private', publicIps: [] };
  // a private destination outside its ranges (e.g. ranges 255.255.255.255/32: always SNAT) is SNATed to one of
  // the firewall's private addresses in AzureFirewallSubnet, not to a public IP
  // https://learn.microsoft.com/azure/firewall/snat-private-range
  if (destination && isIpv4(destination) && firewallKeepsSource(undefined, destination)) {
    const sn = f.appliance?.firewallSubnet;
    const name = sn?.name ?? 'AzureFirewallSubnet';
    const publicIps = sn?.prefixes.length ? sn.prefixes.map((prefix) => ({ name, prefix })) : [{ name }];
    return { ...firewall, firewallSnat: 'private-ip', publicIps };
  }
  // a NAT gateway on AzureFirewallSubnet takes over the firewall's outbound SNAT
  // https://learn.microsoft.com/azure/firewall/integrate-with-nat-gateway
  const gw = f.appliance?.firewallNatGateway;
  if (gw) {
    const ids = [...gw.publicIpIds, ...gw.publicIpPrefixIds];
    const publicIps = ids.map((id) => address(f, id));
    return { ...firewall, firewallSnat: 'nat-gateway', natGateway: gw, publicIps };
  }
  // several public IPs: the firewall picks any of them per connection
  // https://learn.microsoft.com/azure/firewall/features#multiple-public-ip-addresses
  const publicIps = [
    ...fw.publicIpIds.map((id) => address(f, id)),
    ...fw.publicIps.map((ip) => ({ name: fw.name, ip })),
  ];
  return { ...firewall, firewallSnat: 'public-ip', publicIps };
}

/** The Internet next hop: NAT gateway, instance IP, load balancer, default outbound (absent on private subnets). */
function internetDecision(at: NodeOnAzure, f: EgressAzureFacts, routed: Routed): EgressDecision {
  const outboundType = f.outboundType;
  // AKS outboundType block: egress is blocked
  // https://learn.microsoft.com/azure/aks/concepts-network-isolated
  if (outboundType?.toLowerCase() === 'block')
    return { ...routed, via: 'no-egress', reason: 'outbound-block', outboundType };
  // 2. a NAT gateway takes precedence over instance public IPs and load balancer outbound rules
  // https://learn.microsoft.com/azure/nat-gateway/nat-overview#outbound-connectivity
  if (f.natGateway) {
    const ids = [...f.natGateway.publicIpIds, ...f.natGateway.publicIpPrefixIds];
    const publicIps = ids.map((id) => address(f, id));
    return { ...routed, via: 'nat-gateway', natGateway: f.natGateway, publicIps, ports: natGatewayPorts(publicIps) };
  }
  // 3. instance-level public IP
  // https://learn.microsoft.com/azure/virtual-network/ip-services/default-outbound-access
  if (at.ipConfig?.publicIpId) return { ...routed, via: 'instance-ip', publicIp: address(f, at.ipConfig.publicIpId) };
  // 4. load balancer outbound rule, else implicit SNAT of a load-balancing rule
  // https://learn.microsoft.com/azure/load-balancer/outbound-rules
  const lb = lbDecision(at, f, routed);
  if (lb) return lb;
  // 5. default outbound access does not exist on a private subnet (defaultOutboundAccess: false)
  // https://learn.microsoft.com/azure/virtual-network/ip-services/default-outbound-access
  if (at.subnet?.defaultOutboundAccess === false)
    return { ...routed, via: 'no-egress', reason: 'private-subnet', outboundType };
  // VMs of a Flexible-orchestration scale set never get default outbound access
  // https://learn.microsoft.com/azure/virtual-machine-scale-sets/virtual-machine-scale-sets-networking#explicit-network-outbound-connectivity-for-flexible-scale-sets
  if (f.vm?.scaleSetId)
    return { ...routed, via: 'no-egress', reason: 'flexible-vmss', outboundType, scaleSetId: f.vm.scaleSetId };
  const vmUnseen = standaloneVm(at) && !f.vm ? nameOf(at.vmId!) : undefined;
  return { ...routed, via: 'default-outbound', outboundType, vmUnseen };
}

// Each NAT gateway public IP provides 64,512 SNAT ports; a prefix adds that per address.
// https://learn.microsoft.com/azure/nat-gateway/nat-gateway-resource
const natGatewayPorts = (ps: PublicAddress[]): number =>
  ps.reduce((n, p) => n + (p.prefix ? (addressCount(p.prefix) ?? 0) : 1) * 64512, 0);

function lbDecision(at: NodeOnAzure, f: EgressAzureFacts, via: Routed): EgressDecision | undefined {
  const inPool = (lb: LoadBalancer, poolId?: string) =>
    lb.pools.some((p) => sameId(p.id, poolId) && ipConfigInPool(at.ipConfig, p, at.nodeIp));
  for (const lb of f.lbs) {
    const rule = lb.outboundRules.find((r) => inPool(lb, r.poolId));
    if (!rule) continue;
    const fronts = lb.frontends.filter((fe) => rule.frontendIds.some((id) => sameId(id, fe.id)));
    const publicIps = fronts.flatMap((fe) => {
      const id = fe.publicIpId ?? fe.publicIpPrefixId;
      return id ? [address(f, id)] : [];
    });
    // a prefix frontend offers 64,000 ports per address of the prefix
    // https://learn.microsoft.com/azure/load-balancer/outbound-rules#scale
    const ips = publicIps.reduce((n, p) => n + (p.prefix ? (addressCount(p.prefix) ?? 1) : 1), 0);
    const snat = snatCapacity(rule.allocatedOutboundPorts, ips, poolSize(lb, rule.poolId));
    return { ...via, via: 'lb-outbound-rule', lb, rule, publicIps, snat };
  }
  for (const lb of f.lbs) {
    const publicFront = (r: LbRule) => lb.frontends.find((fe) => sameId(fe.id, r.frontendId) && fe.publicIpId);
    const rule = lb.rules.find((r) => !r.disableOutboundSnat && r.poolIds.some((p) => inPool(lb, p)) && publicFront(r));
    if (!rule) continue;
    const publicIps = [address(f, publicFront(rule)!.publicIpId!)];
    const snat = snatCapacity(0, 1, poolSize(lb, rule.poolIds[0]));
    return { ...via, via: 'lb-implicit', lb, rule, publicIps, snat };
  }
  return undefined;
}

/** The longest-prefix user route of a table for a destination (Internet: its default route). */
export const matchRoute = (table: RouteTable, destination?: string): Candidate | undefined =>
  selectRoute(userRoutes(table), destination);

/** The address a packet carries as it leaves the node, before anything in Azure translates it. */
export type ClusterSource =
  | { kind: 'pod'; ip?: string; plugin: string }
  | { kind: 'node'; ip?: string; why: 'host-network' | 'snat'; plugin?: string }
  | { kind: 'egress-ip'; ips: string[]; nodes: string[] }
  | { kind: 'unknown'; plugin?: string; podIp?: string; nodeIp?: string };

export interface SourceInput {
  cluster?: ClusterInfo;
  podIp?: string;
  nodeIp?: string;
  hostNetwork: boolean;
  egressIps: EgressIP[];
  destination?: string;
}

const isPrivate = (ip?: string) => !!ip && isPrivateIp(ip);

/** Which address the destination sees from the cluster side, by CNI. Pure. */
export function clusterSource(o: SourceInput): ClusterSource {
  if (o.hostNetwork) return { kind: 'node', ip: o.nodeIp, why: 'host-network' };
  // an assigned OpenShift EgressIP replaces the source of the selected pods' traffic leaving the cluster
  // https://docs.openshift.com/container-platform/latest/networking/ovn_kubernetes_network_provider/configuring-egress-ips-ovn.html
  const assigned = o.egressIps.flatMap((e) => e.status?.items ?? []);
  if (assigned.length)
    return { kind: 'egress-ip', ips: assigned.map((i) => i.egressIP), nodes: assigned.map((i) => i.node) };
  const plugin = o.cluster?.networkPlugin;
  const p = plugin?.toLowerCase();
  // kubenet, Azure CNI overlay and OpenShift SDN / OVN-Kubernetes SNAT to the node IP when leaving the cluster
  // https://learn.microsoft.com/azure/aks/concepts-network-cni-overview
  if (p === 'kubenet' || p === 'ovnkubernetes' || p === 'openshiftsdn')
    return { kind: 'node', ip: o.nodeIp, why: 'snat', plugin };
  if (p === 'azure' && o.cluster?.networkPluginMode?.toLowerCase() === 'overlay')
    return { kind: 'node', ip: o.nodeIp, why: 'snat', plugin: 'azure (overlay)' };
  // Azure CNI flat (node subnet or pod subnet): pods have VNet addresses; ip-masq-agent masquerades the rest
  if (p === 'azure') {
    const mode = o.cluster?.podSubnet ? 'azure (pod subnet)' : 'azure (node subnet)';
    if (isPrivate(o.destination)) return { kind: 'pod', ip: o.podIp, plugin: mode };
    return { kind: 'node', ip: o.nodeIp, why: 'snat', plugin: mode };
  }
  return { kind: 'unknown', plugin, podIp: o.podIp, nodeIp: o.nodeIp };
}

/** The address(es) a ClusterSource stands for. */
export const sourceIps = (s: ClusterSource): string[] =>
  s.kind === 'egress-ip' ? s.ips : s.kind === 'unknown' ? [] : s.ip ? [s.ip] : [];

/**
 * On Azure an EgressIP is a secondary NIC address outside the load balancer's outbound pool: the Internet is
 * reachable from it only through a NAT gateway on the subnet or a route to an appliance.
 */
// https://docs.openshift.com/container-platform/latest/networking/ovn_kubernetes_network_provider/configuring-egress-ips-ovn.html
export const egressIpReachesInternet = (d: EgressDecision): boolean =>
  d.via === 'nat-gateway' || d.via === 'appliance' || d.via === 'private' || d.via === 'dropped';
