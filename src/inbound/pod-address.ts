// A private client asking for a Service that is not exposed ("can 10.10.3.5 reach db-0 on 5432?"): the ClusterIP
// answers only inside the cluster, but where pods have VNet addresses (Azure CNI with a node or pod subnet) the client
// dials the pod's own address: no load balancer, no NAT, the pod sees the client. The layers on that way are judged:
// the client subnet's route and NSG (when it is a subnet of the pod's VNet), the pod subnet's and the node NIC's NSGs,
// and the pod's ingress NetworkPolicy. Pure: the facts are read in facts.ts.
import type { NetworkSecurityGroup, RouteTable, Subnet, VnetPeering } from '../inventory/azure-model';
import type { ClusterInfo } from '../inventory/inventory';
import type { Namespace, NetworkPolicy, Node, Pod, Service } from '../inventory/k8s-types';
import { inVnet, tagsOf, vnetTagSpace, type AzureEnd } from '../path/azure-end';
import { endpointsOf, pickServicePort, type Endpoint } from '../path/endpoints';
import { cidrContains, isPrivateIp } from '../path/ip';
import { fullName, nodeIp, podIp } from '../path/kube';
import { evaluatePath, type NsgDecision, type NsgPacket } from '../path/nsg';
import { enforcementOf, verdict, type Enforcement, type Verdict } from '../path/policy';
import { candidatesOf, selectRoute, systemRoutes, userRoutes, type Candidate } from '../path/routes';

/** The client's own subnet, when it is one of the pod's VNet: its NSG and route table. */
export interface ClientSubnet {
  subnet: Subnet;
  nsg?: NetworkSecurityGroup;
  routeTable?: RouteTable;
  /** the NSG referenced on the subnet could not be read */
  unseen?: string;
}

export interface PodAddressFacts {
  /** the pod's node on Azure, with the pod's own subnet where it has one */
  end: AzureEnd;
  client?: ClientSubnet;
}

/** How the client's address is connected to the pod's VNet. */
export type Reach =
  | { kind: 'same-vnet'; vnet: string; subnet?: string; route?: Candidate }
  | { kind: 'peered'; peering: VnetPeering }
  | { kind: 'unknown' };

export type PodAddress =
  /** kubenet, overlay, OVN: the pod's address is no VNet address; only a user route (kubenet's route table, on the
   * client's subnet) leads to it */
  | {
      kind: 'not-routable';
      pod: Pod;
      podIp: string;
      client: string;
      port?: number;
      network?: string;
      route?: Candidate;
    }
  | {
      kind: 'routable';
      client: string;
      pod: Pod;
      podIp: string;
      port?: number;
      protocol: string;
      service: Service;
      reach: Reach;
      nsg: { packet: NsgPacket; decisions: NsgDecision[]; unseen: string[]; groups: NetworkSecurityGroup[] };
      netpol: Verdict;
      enforcement: Enforcement;
    };

export interface PodAddressInput {
  client: string;
  service: Service;
  /** the pod the question named, `ns/name` */
  named?: string;
  port?: number;
  pods: Pod[];
  nodes: Node[];
  slices: Parameters<typeof endpointsOf>[2];
  endpoints: Parameters<typeof endpointsOf>[3];
  policies: NetworkPolicy[];
  namespaces: Namespace[];
  cluster?: ClusterInfo;
}

/** A private address that is no pod or node of the cluster: a client that may dial a pod's address directly. */
export function isPrivateClient(ip: string | undefined, pods: Pod[], nodes: Node[]): ip is string {
  if (!ip || !isPrivateIp(ip)) return false;
  return !pods.some((p) => podIp(p) === ip) && !nodes.some((n) => nodeIp(n) === ip);
}

/** The pod the client would dial: the one named, else the Service's first ready endpoint. */
export function podToDial(i: PodAddressInput): { pod: Pod; ep?: Endpoint } | undefined {
  const eps = endpointsOf(i.service, pickServicePort(i.service, i.port), i.slices, i.endpoints, i.pods);
  const ready = eps.filter((e) => e.ready);
  const ep = ready.find((e) => `${i.service.metadata.namespace}/${e.podName}` === i.named) ?? ready[0];
  const name = i.named ?? (ep?.podName && `${i.service.metadata.namespace}/${ep.podName}`);
  const pod = i.pods.find((p) => fullName(p) === name);
  return pod ? { pod, ep: ep?.podName === pod.metadata.name ? ep : undefined } : undefined;
}

export function decidePodAddress(i: PodAddressInput, f: PodAddressFacts): PodAddress | undefined {
  const chosen = podToDial(i);
  const ip = chosen && podIp(chosen.pod);
  if (!chosen || !ip) return undefined;
  const { pod } = chosen;
  const vnet = f.end.vnet;
  if (!vnet) return undefined;
  if (!inVnet(vnet, ip)) {
    // kubenet's route table sends each node's pod range to that node: a client on a subnet carrying it gets there
    // https://learn.microsoft.com/azure/aks/configure-kubenet
    const route = f.client && selectRoute(userRoutes(f.client.routeTable), ip);
    const port = chosen.ep?.port ?? i.port;
    const network = networkOf(i.cluster);
    return {
      kind: 'not-routable',
      pod,
      podIp: ip,
      client: i.client,
      port,
      ...(network ? { network } : {}),
      ...(route ? { route } : {}),
    };
  }
  // the port the pod listens on: the Service's target port for the port asked (a named one resolved by the endpoint)
  const port = chosen.ep?.port ?? i.port;
  const protocol = pickServicePort(i.service, i.port)?.protocol ?? 'TCP';
  const packet: NsgPacket = { src: i.client, dst: ip, port, protocol };
  const reach = reachOf(i.client, ip, f);
  return {
    kind: 'routable',
    client: i.client,
    pod,
    podIp: ip,
    port,
    protocol,
    service: i.service,
    reach,
    nsg: nsgOf(packet, f, reach),
    netpol: verdict('Ingress', pod, { ip: i.client }, port, protocol, i.policies, i.namespaces),
    enforcement: enforcementOf(i.cluster, i.pods),
  };
}

/** The pod network said as its docs name it ("Azure CNI Overlay", "kubenet", "OVNKubernetes"). */
function networkOf(c?: ClusterInfo): string | undefined {
  if (c?.networkPlugin === 'azure') return c.networkPluginMode === 'overlay' ? 'Azure CNI Overlay' : undefined;
  return c?.networkPlugin;
}

/** The client's address as the pod's VNet routes to it (the way back mirrors the way in): its own space (then the
 * client subnet's route to the pod), a Connected peering, a peering that is not, or neither. */
function reachOf(client: string, dst: string, f: PodAddressFacts): Reach {
  const vnet = f.end.vnet!;
  const back = selectRoute(systemRoutes(vnet), client);
  if (back?.nextHopType === 'VnetLocal') {
    const c = f.client;
    const route = c ? selectRoute(candidatesOf(vnet, c.routeTable, undefined).candidates, dst) : undefined;
    return { kind: 'same-vnet', vnet: vnet.name, subnet: c?.subnet.name, route };
  }
  const peering = back?.peering ?? vnet.peerings.find((p) => p.remotePrefixes.some((x) => cidrContains(x, client)));
  return peering ? { kind: 'peered', peering } : { kind: 'unknown' };
}

/** The NSGs in packet order: the client's subnet (outbound, where read), the pod's subnet and its node's NIC. */
function nsgOf(packet: NsgPacket, f: PodAddressFacts, reach: Reach) {
  const { end, client } = f;
  const path = { srcSubnet: client?.nsg, dstSubnet: end.subnetNsg, dstNic: end.nicNsg };
  // ASG membership is the NIC IP configuration's: the pod's is read, the client's NIC is not
  // https://learn.microsoft.com/azure/virtual-network/application-security-groups
  const dstAsgs = end.at.nic?.ipConfigs.find((x) => x.privateIp === packet.dst)?.asgIds ?? [];
  // an address outside the VNet and its peerings arrives, if at all, through a VPN / ExpressRoute gateway: the
  // VirtualNetwork tag covers such connected on-premises ranges
  // https://learn.microsoft.com/azure/virtual-network/service-tags-overview#available-service-tags
  const gateway = reach.kind === 'unknown' ? [`${packet.src}/32`] : [];
  const ctx = { virtualNetwork: [...vnetTagSpace(end.vnet, end.routeTable), ...gateway], dstAsgs, ...tagsOf([end]) };
  const unseen = [...end.unseen, ...(client?.unseen ? [client.unseen] : [])];
  const groups = [path.srcSubnet, path.dstSubnet, path.dstNic].filter((g): g is NetworkSecurityGroup => !!g);
  return { packet, decisions: evaluatePath(path, packet, ctx), unseen, groups };
}
