// What the inbound rules read: the cluster's pods, Services and endpoints, its
// nodes, and the Azure LB frontend carrying the front Service's address.
import type { Ctx } from '../family';
import type { FrontDoor } from '../inventory/front-door';
import type { ClusterInfo } from '../inventory/inventory';
import { azureEnd, podEnd, subnetFilters, subnetHolding, type AzureEnd } from '../path/azure-end';
import { idKey, nameOf, subscriptionOf } from '../inventory/ids';
import type { NetworkSecurityGroup, Subnet } from '../inventory/azure-model';
import { nodeIp, podIp } from '../path/kube';
import { isPrivateClient, podToDial, type PodAddressFacts } from './pod-address';
import { readVwan, type VwanFacts } from '../path/vwan';
import type { EndpointSlice, Endpoints, Namespace, NetworkPolicy, Node, Pod, Service } from '../inventory/k8s-types';
import { frontendForIp, lbIngressIps, lbWorld, type FrontendHit } from '../path/lb';
import { balancedNodes, decide, frontDoor, ingressIpsOf, routerNameOf, type InboundDecision } from './decide';
import { walkedNode } from './node-port';
import { isAgic, readAppGateway, type AppGatewayFacts } from './app-gateway';
import { isGatewaySubjects, readGatewayFacts, type GatewayFacts } from './gateway-api';
import type { InboundSubjects } from './resolve';

export interface InboundFacts {
  pods: Pod[];
  services: Service[];
  slices: EndpointSlice[];
  endpoints: Endpoints[];
  nodes: Node[];
  cluster?: ClusterInfo;
  /** NetworkPolicies and namespaces: the gates at the pods the way in ends on */
  policies?: NetworkPolicy[];
  namespaces?: Namespace[];
  /** the LB frontend carrying the entry IP (read only when the way in is known and has an address) */
  frontend?: FrontendHit;
  /** AGIC: the Application Gateway in front (no LoadBalancer Service on that path) */
  appGateway?: AppGatewayFacts;
  /** Gateway API: the Gateways, classes and Application Gateway for Containers subnets */
  gatewayApi?: GatewayFacts;
  /** Azure Front Door profiles (snapshot only), when the data has any */
  frontDoors?: FrontDoor[];
  /** the node the load balancer hands the packet to (the Application Gateway: the first pod's node), on Azure: its
   * subnet's and NIC's NSGs */
  landing?: AzureEnd;
  /** the other subnets of the landing node's VNet the load balancer may hand the packet to, with their NSGs */
  elsewhere?: SubnetNodes[];
  /** the Virtual WAN hub the landing node's VNet is a spoke of: the routes it advertises carry the replies */
  vwan?: VwanFacts;
  /** a Service not exposed, asked by a private client: the Azure side of dialling its pod's own address */
  podAddress?: PodAddressFacts;
}

/** Nodes the load balancer may use that sit on another subnet than the walked node, and that subnet's NSG. */
export interface SubnetNodes {
  subnet: Subnet;
  nodes: Node[];
  nsg?: NetworkSecurityGroup;
  /** the NSG referenced on the subnet could not be read */
  unseen?: string;
}

export async function facts(s: InboundSubjects, ctx: Ctx): Promise<InboundFacts> {
  const read = ctx.inv.azure.frontDoors;
  const [f, frontDoors] = await Promise.all([
    wayInFacts(s, ctx),
    read ? ctx.trace.try('Azure Front Door profiles', () => read.call(ctx.inv.azure)) : undefined,
  ]);
  return frontDoors?.length ? { ...f, frontDoors } : f;
}

async function wayInFacts(s: InboundSubjects, ctx: Ctx): Promise<InboundFacts> {
  const { inv, trace } = ctx;
  const [pods, services, slices, endpoints, nodes, cluster, policies, namespaces] = await Promise.all([
    trace.list('pods', () => inv.list('Pod')),
    trace.list('services', () => inv.list('Service')),
    trace.list('endpoint slices', () => inv.list('EndpointSlice')),
    trace.list('endpoints', () => inv.list('Endpoints')),
    trace.list('nodes', () => inv.list('Node')),
    trace.try('cluster', () => inv.cluster()),
    trace.try('network policies', () => inv.list('NetworkPolicy')),
    trace.try('namespaces', () => inv.list('Namespace')),
  ]);
  const f: InboundFacts = { pods, services, slices, endpoints, nodes, cluster, policies, namespaces };
  // a node port is dialled on a node address: no load balancer frontend to read
  if (s.nodePort !== undefined) return { ...f, landing: await landingEnd(decide(s, f), f, ctx) };
  if (isGatewaySubjects(s)) {
    // the backend's first pod (its node's NSGs) follows from the route alone: read alongside the gateway facts
    const routeOnly = { ...f, gatewayApi: { gateways: [], classes: [], agcSubnets: [] } };
    const [gatewayApi, landing] = await Promise.all([
      readGatewayFacts(clusterSubscription(f), ctx),
      landingEnd(decide(s, routeOnly), f, ctx),
    ]);
    return { ...f, gatewayApi, landing };
  }
  if (s.ingress && isAgic(s.ingress)) {
    const [appGateway, landing] = await Promise.all([
      readAppGateway(s.ingress, clusterSubscription(f), ctx),
      landingEnd(decide(s, f), f, ctx),
    ]);
    return { ...f, appGateway, landing };
  }
  const door = frontDoor(s, services);
  if (door.kind === 'not-exposed') return { ...f, podAddress: await podAddressFacts(s, door.service, f, ctx) };
  if (door.kind !== 'door') return f;
  if (!door.front) {
    missingFront(s, ctx);
    return f;
  }
  const entryIp = lbIngressIps(door.front)[0];
  if (!entryIp) return f;
  const d = decide(s, f);
  const [frontend, landing] = await Promise.all([
    lbWorld(inv, trace).then((world) => frontendForIp(inv, world, entryIp, trace, door.front)),
    landingEnd(d, f, ctx),
  ]);
  const [elsewhere, vwan] = landing
    ? await Promise.all([
        otherSubnets(d, f, landing, ctx),
        landing.vnet && readVwan(inv, landing.vnet, landing.routeTable, trace),
      ])
    : [];
  Object.assign(f, { frontend, landing, elsewhere, vwan });
  if (!f.frontend && !trace.errors.length)
    trace.fail(
      `load balancer frontend for ${entryIp}`,
      `no load balancer frontend in the node resource group carries ${entryIp}`,
    );
  return f;
}

/** The Azure side of the node the answer walks through (the rules pick it from the Kubernetes facts alone): the
 * load balancer's landing node, the node a node port is dialled on, or the node of the pod a gateway sends to. */
async function landingEnd(d: InboundDecision, f: InboundFacts, ctx: Ctx): Promise<AzureEnd | undefined> {
  const name =
    d.kind === 'node-port'
      ? walkedNode(d.path)?.name
      : d.kind === 'app-gateway' || d.kind === 'gateway-api'
        ? d.path.appEps[0]?.nodeName
        : 'landing' in d
          ? d.landing.node?.metadata.name
          : '';
  const node = f.nodes.find((n) => n.metadata.name === name);
  if (!node?.spec?.providerID?.startsWith('azure://')) return undefined;
  const end = await azureEnd(ctx.inv, node, ctx.trace);
  // a gateway connects to the pod's own address: with a pod subnet, that subnet's NSG filters it
  const podIp = d.kind === 'app-gateway' || d.kind === 'gateway-api' ? d.path.appEps[0]?.ip : undefined;
  return podEnd(ctx.inv, end, podIp, ctx.trace);
}

/** The nodes the load balancer may hand the packet to — with ETP Local those running the front pods, else every
 * worker — grouped by the subnet of the walked node's VNet their address is in, where that subnet has another NSG
 * than the walked node's (none counts); each NSG read once, together. */
async function otherSubnets(d: InboundDecision, f: InboundFacts, end: AzureEnd, ctx: Ctx): Promise<SubnetNodes[]> {
  const walked = end.at.subnet;
  if (!('landing' in d) || !walked) return [];
  const groups = new Map<string, SubnetNodes>();
  for (const node of balancedNodes(d.landing, f.nodes)) {
    const ip = nodeIp(node);
    const subnet = subnetHolding(end.vnet, ip);
    if (!subnet || idKey(subnet.id) === idKey(walked.id) || idKey(subnet.nsgId ?? '') === idKey(walked.nsgId ?? ''))
      continue;
    const g = groups.get(idKey(subnet.id)) ?? { subnet, nodes: [] };
    groups.set(idKey(subnet.id), { ...g, nodes: [...g.nodes, node] });
  }
  return Promise.all([...groups.values()].map((g) => withNsgOf(g, ctx)));
}

async function withNsgOf(g: SubnetNodes, { inv, trace }: Ctx): Promise<SubnetNodes> {
  const id = g.subnet.nsgId;
  if (!id) return g;
  const nsg = await trace.try(`network security group ${nameOf(id)}`, () => inv.azure.get('nsg', id));
  return nsg ? { ...g, nsg } : { ...g, unseen: idKey(id) };
}

/** A private client and a Service not exposed: the pod's node (and pod subnet), and the client's subnet where it is
 * one of the pod's VNet, with its NSG and route table. */
async function podAddressFacts(s: InboundSubjects, service: Service, f: InboundFacts, ctx: Ctx) {
  if (!isPrivateClient(s.clientIp, f.pods, f.nodes)) return undefined;
  const input = { ...f, client: s.clientIp, service, named: s.pod, port: s.portSaid, policies: [], namespaces: [] };
  const pod = podToDial(input)?.pod;
  const node = f.nodes.find((n) => n.metadata.name === pod?.spec?.nodeName);
  if (!pod || !node?.spec?.providerID?.startsWith('azure://')) return undefined;
  const end = await podEnd(ctx.inv, await azureEnd(ctx.inv, node, ctx.trace), podIp(pod), ctx.trace);
  const subnet = subnetHolding(end.vnet, s.clientIp);
  return { end, ...(subnet ? { client: { subnet, ...(await subnetFilters(ctx.inv, subnet, ctx.trace)) } } : {}) };
}

/** The subscription to look for the gateway in: the cluster's, else the nodes'. */
function clusterSubscription(f: InboundFacts): string | undefined {
  const sub = [f.cluster?.id, ...f.nodes.map((n) => n.spec?.providerID)].map(subscriptionOf).find(Boolean);
  return sub ? `/subscriptions/${sub}` : undefined;
}

/** Say which front Service is missing: the router's, or the ingress controller's. */
function missingFront(s: InboundSubjects, ctx: Ctx): void {
  if (s.route) {
    const name = routerNameOf(s.route);
    ctx.trace.fail(`router Service router-${name}`, 'not found in namespace openshift-ingress');
  } else if (s.ingress) {
    const ips = ingressIpsOf(s.ingress);
    ctx.trace.fail(
      'ingress controller Service',
      `no LoadBalancer Service carries the Ingress address ${ips.join(', ') || '(none yet)'}`,
    );
  }
}
