// A node port as the way in: the client dials a node address on spec.ports[].nodePort (NodePort and LoadBalancer
// Services have them), with no load balancer in between; kube-proxy (OVN-Kubernetes on ARO) DNATs to an endpoint.
// https://kubernetes.io/docs/concepts/services-networking/service/#type-nodeport
import type { ClusterInfo } from '../inventory/inventory';
import type { Node, Service, ServicePort } from '../inventory/k8s-types';
import type { Intent } from '../nlu/parse';
import { endpointsOf, podOfEndpoint, type Endpoint } from '../path/endpoints';
import { nodeIp, nodeRole } from '../path/kube';
import { isInternalService } from '../path/lb';
import { result, type PathResult } from '../path/result';
import { snatSource, trafficPolicy, type TrafficPolicy } from '../path/service-snat';
import type { InboundFacts } from './facts';
import { nodePortNsg, type InboundNsg } from './nsg';

/** The subjects of a node-port question: the Service owning the port, and the node address dialled if said. */
export interface NodePortSubjects {
  service: Service;
  nodePort: number;
  nodeIp?: string;
}

// the default node-port range (--service-node-port-range), same page
const inRange = (p: number | undefined): p is number => p !== undefined && p >= 30000 && p <= 32767;
const NODE_PORT_SAID = /\bnode ?ports?\b/;
// the terse "nodeport/31380", which the parser reads as a namespace
const TERSE = /\bnode ?port[/ :]+(\d{5})\b/;

const portOf = (intent: Intent): number | undefined => {
  const terse = TERSE.exec(intent.text.toLowerCase());
  return terse ? Number(terse[1]) : intent.port;
};

/** The question names a port of the node-port range (the nodes are read only then). */
export const nodePortAsked = (intent: Intent): boolean => inRange(portOf(intent));

/**
 * A port of the node-port range said as the way in ("nodeport 31380", "-> 10.224.0.4:31380"): the Service that
 * owns it. Only when the text says "node port", names a node address, or names nothing else.
 */
export function nodePortSubject(
  intent: Intent,
  services: Service[],
  nodes: Node[],
): NodePortSubjects | PathResult | undefined {
  const port = portOf(intent);
  if (!inRange(port)) return undefined;
  const ips = new Set(nodes.map(nodeIp));
  const at = intent.ips.find((ip) => ips.has(ip));
  const said = NODE_PORT_SAID.test(intent.text.toLowerCase());
  if (!at && !said && intent.names.length) return undefined;
  const ns = intent.namespace === 'nodeport' ? undefined : intent.namespace;
  const owners = services.filter((s) => (s.spec?.ports ?? []).some((p) => p.nodePort === port));
  const service = owners.find((s) => !ns || s.metadata.namespace === ns) ?? owners[0];
  if (service) return { service, nodePort: port, nodeIp: at };
  if (!at && !said) return undefined;
  return result('inbound', 'not-found', `No Service has node port ${port}: nothing answers on it.`);
}

/** A node a client may dial, and the ready endpoints on it. */
export interface PortNode {
  name: string;
  ip?: string;
  /** the node's ExternalIP (status.addresses): a public address when the node has one */
  externalIp?: string;
  local: Endpoint[];
  /** ETP Cluster: the source the pod sees when this node is hit (its IP, or its OVN gateway router's address) */
  snatIp?: string;
}

export interface NodePortPath {
  service: Service;
  port?: ServicePort;
  nodePort: number;
  etp: string;
  etpLocal: boolean;
  endpoints: Endpoint[];
  /** the workers, each with its ready endpoints */
  nodes: PortNode[];
  /** the node whose address was said */
  asked?: PortNode;
  /** ETP Cluster: who replaces the client address (kube-proxy: the node IP; OVN: its gateway router's address) */
  snat?: TrafficPolicy['snat'];
  cluster: ClusterInfo['kind'];
  client?: string;
  /** the load balancer address of a LoadBalancer Service: the way in from outside instead */
  lbIps: string[];
  /** that load balancer is internal (reached from the VNet only) */
  lbInternal: boolean;
  /** the NSGs on the walked node's subnet and NIC, for the client's packet */
  nsg?: InboundNsg;
}

/** The nodes that answer on the port: with ETP Local only those with a ready endpoint. */
export const answering = (p: NodePortPath): PortNode[] =>
  p.nodes.filter((n) => (p.etpLocal ? n.local.length > 0 : p.endpoints.length > 0));

/** The node the answer walks: the one said, else the first that answers. */
export const walkedNode = (p: NodePortPath): PortNode | undefined => p.asked ?? answering(p)[0] ?? p.nodes[0];

const externalIp = (n: Node) => n.status?.addresses?.find((a) => a.type === 'ExternalIP')?.address;

export function decideNodePort(
  s: NodePortSubjects & { clientIp?: string },
  f: InboundFacts,
  lbIps: string[],
): NodePortPath {
  const { service, nodePort } = s;
  const port = (service.spec?.ports ?? []).find((p) => p.nodePort === nodePort);
  const endpoints = endpointsOf(service, port, f.slices, f.endpoints, f.pods).filter((e) => e.ready);
  const podNode = (e: Endpoint) => e.nodeName ?? podOfEndpoint(e, f.pods)?.spec?.nodeName;
  // externalTrafficPolicy Local: node-port traffic goes only to endpoints on the node hit, else it is dropped;
  // Cluster: any endpoint, the client address replaced (service-snat.ts)
  const { etp, etpLocal, snat } = trafficPolicy(service, f.cluster);
  const nodes: PortNode[] = f.nodes
    .filter((n) => nodeRole(n) !== 'master')
    .map((n) => ({
      name: n.metadata.name,
      ip: nodeIp(n),
      externalIp: externalIp(n),
      local: endpoints.filter((e) => podNode(e) === n.metadata.name),
      snatIp: snatSource(snat, n),
    }));
  const path: NodePortPath = {
    service,
    port,
    nodePort,
    etp,
    etpLocal,
    endpoints,
    nodes,
    asked: s.nodeIp ? nodes.find((n) => n.ip === s.nodeIp) : undefined,
    snat,
    cluster: f.cluster?.kind ?? 'unknown',
    client: s.clientIp,
    lbIps,
    lbInternal: isInternalService(service),
  };
  const walked = walkedNode(path);
  const packet = { client: s.clientIp, nodePort, protocol: port?.protocol };
  return { ...path, nsg: walked && nodePortNsg(packet, walked, f.landing) };
}
