// One node as a packet's end on Azure: its NIC and subnet, the NSGs on both, the VNet (address space for the
// VirtualNetwork tag, system routes), the subnet's route table and, when a rule needs it, the service tag list.
// Every Azure read goes through the trace; capture runs the same walk, so snapshots hold what it reads.
import type { NetworkSecurityGroup, RouteTable, Subnet, VirtualNetwork } from '../inventory/azure-model';
import { idKey, nameOf, parentId } from '../inventory/ids';
import type { Inventory } from '../inventory/inventory';
import type { Node } from '../inventory/k8s-types';
import type { ServiceTagsRead } from '../inventory/service-tags';
import { locateNode, type NodeOnAzure } from './azure-node';
import { cidrContains } from './ip';
import { usesServiceTags, type NsgContext } from './nsg';
import type { Candidate } from './routes';
import type { Trace } from './trace';

/** One end of a connection on Azure. */
export interface AzureEnd {
  at: NodeOnAzure;
  nicNsg?: NetworkSecurityGroup;
  subnetNsg?: NetworkSecurityGroup;
  vnet?: VirtualNetwork;
  routeTable?: RouteTable;
  /** NSG IDs referenced but not readable (not in the snapshot) */
  unseen: string[];
  /** read only when a rule names a service tag beyond VirtualNetwork / AzureLoadBalancer / Internet */
  serviceTags?: ServiceTagsRead;
  /** a pod's own subnet (Azure CNI pod subnet): `subnetNsg` and `routeTable` are then that subnet's */
  podSubnet?: string;
}

/** A node's NIC, subnet, their NSGs and the VNet. */
export async function azureEnd(inv: Inventory, node: Node, trace: Trace): Promise<AzureEnd> {
  const at = await locateNode(inv, node, trace);
  const unseen: string[] = [];
  const nsg = async (id?: string) => {
    if (!id) return undefined;
    const got = await trace.try(`network security group ${nameOf(id)}`, () => inv.azure.get('nsg', id));
    if (!got) unseen.push(idKey(id));
    return got;
  };
  const vnetId = at.subnet ? parentId(at.subnet.id) : undefined;
  const rtId = at.subnet?.routeTableId;
  // one round after the subnet: both NSGs, the VNet and the route table together
  const [nicNsg, subnetNsg, vnet, routeTable] = await Promise.all([
    nsg(at.nic?.nsgId),
    nsg(at.subnet?.nsgId),
    vnetId ? trace.try(`virtual network ${nameOf(vnetId)}`, () => inv.azure.get('virtualNetwork', vnetId)) : undefined,
    rtId ? trace.try(`route table ${nameOf(rtId)}`, () => inv.azure.get('routeTable', rtId)) : undefined,
  ]);
  const serviceTags = usesServiceTags([nicNsg, subnetNsg]) ? await readServiceTags(inv, at, trace) : undefined;
  return { at, nicNsg, subnetNsg, vnet, routeTable, unseen: [...new Set(unseen)], serviceTags };
}

/** The end as a pod with an address of another subnet of its node's VNet (Azure CNI pod subnet) has it: that
 * subnet's NSG and route table instead of the node subnet's; the node's NIC and its NSG stay. */
// pods have a separate subnet, with NSGs and routes of its own apart from the nodes'
// https://learn.microsoft.com/azure/aks/configure-azure-cni-dynamic-ip-allocation
export async function podEnd(inv: Inventory, end: AzureEnd, podIp: string | undefined, trace: Trace) {
  const own = end.at.subnet;
  const subnet = subnetHolding(end.vnet, podIp);
  if (!own || !subnet || idKey(subnet.id) === idKey(own.id)) return end;
  const { nsg: subnetNsg, routeTable, unseen: missing } = await subnetFilters(inv, subnet, trace);
  const unseen = missing ? [...end.unseen, missing] : end.unseen;
  return { ...end, subnetNsg, routeTable, unseen, podSubnet: subnet.name };
}

/** A subnet's NSG and route table, read together; `unseen`: the NSG referenced but not readable. */
export async function subnetFilters(inv: Inventory, subnet: Subnet, trace: Trace) {
  const [nsgId, rtId] = [subnet.nsgId, subnet.routeTableId];
  const [nsg, routeTable] = await Promise.all([
    nsgId ? trace.try(`network security group ${nameOf(nsgId)}`, () => inv.azure.get('nsg', nsgId)) : undefined,
    rtId ? trace.try(`route table ${nameOf(rtId)}`, () => inv.azure.get('routeTable', rtId)) : undefined,
  ]);
  return { nsg, routeTable, ...(nsgId && !nsg ? { unseen: idKey(nsgId) } : {}) };
}

/** The service tag list of the node's cloud (the region only picks the cloud), or why it is not there. */
async function readServiceTags(inv: Inventory, at: NodeOnAzure, trace: Trace): Promise<ServiceTagsRead> {
  const [sub, location] = [at.nic?.subscription, at.nic?.location ?? at.vnet?.location];
  if (!inv.azure.serviceTags) return { unavailable: `the ${inv.source} does not read service tags` };
  if (!sub || !location) return { unavailable: 'the node NIC has no subscription or location in the data' };
  const lookup = 'service tags (discovery API)';
  const got = await trace.try(lookup, () => inv.azure.serviceTags!(sub, location));
  return got ?? { unavailable: trace.errors.find((e) => e.lookup === lookup)?.reason ?? 'the read failed' };
}

// the VirtualNetwork tag: the VNet's address space, peered VNets' and the prefixes of user-defined routes
// https://learn.microsoft.com/azure/virtual-network/service-tags-overview
export const vnetTagSpace = (vnet?: VirtualNetwork, ...tables: (RouteTable | undefined)[]): string[] => [
  ...new Set([
    ...(vnet?.prefixes ?? []),
    ...(vnet?.peerings ?? []).flatMap((p) => p.remotePrefixes),
    ...tables.flatMap((t) => (t?.routes ?? []).map((r) => r.prefix)),
  ]),
];

/** The VirtualNetwork tag for a packet that leaves by `route`: a BGP route's prefix (a gateway's, a Virtual WAN hub's)
 * is in it too, as connected on-premises and gateway-connected ranges are ("might also contain default routes")
 * https://learn.microsoft.com/azure/virtual-network/service-tags-overview#available-service-tags */
export const vnetTagSpaceVia = (end: AzureEnd | undefined, route: Candidate | undefined): string[] => [
  ...new Set([...vnetTagSpace(end?.vnet, end?.routeTable), ...(route?.origin === 'bgp' ? [route.prefix] : [])]),
];

/** An address of the VNet's own space. Azure CNI gives pods such addresses; kubenet and overlay pods have addresses
 * apart from it, reachable only through the nodes https://learn.microsoft.com/azure/aks/concepts-network-cni-overview */
export const inVnet = (vnet: VirtualNetwork | undefined, ip: string | undefined): boolean =>
  !!ip && (vnet?.prefixes ?? []).some((p) => cidrContains(p, ip));

/** The subnet of a VNet that holds an address. */
export const subnetHolding = (vnet: VirtualNetwork | undefined, ip: string | undefined): Subnet | undefined =>
  ip ? vnet?.subnets.find((x) => x.prefixes.some((c) => cidrContains(c, ip))) : undefined;

/** The service tag list read for either end, else why none was. */
export function tagsOf(ends: AzureEnd[]): Pick<NsgContext, 'serviceTags' | 'serviceTagsWhy'> {
  const reads = ends.map((e) => e.serviceTags).filter((t) => !!t);
  const tags = reads.find((t) => !('unavailable' in t));
  if (tags && !('unavailable' in tags)) return { serviceTags: tags };
  const why = reads.find((t) => 'unavailable' in t);
  return { serviceTagsWhy: why && 'unavailable' in why ? why.unavailable : undefined };
}
