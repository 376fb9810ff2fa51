// A node port in words: client → node IP:nodePort → (DNAT, SNAT with externalTrafficPolicy Cluster) → pod, no load
// balancer hop; which node addresses answer, and whether they are reachable from outside at all.
import type { Endpoint } from '../path/endpoints';
import { result, type Hop, type PathResult } from '../path/result';
import { answering, type NodePortPath, type PortNode } from './node-port';

const nsName = (o: { metadata: { name: string; namespace?: string } }) => `${o.metadata.namespace}/${o.metadata.name}`;
const podText = (e: Endpoint) => `${e.podName ?? e.ip} (${e.ip}:${e.port ?? '?'})`;

/** Whether the node addresses are reachable from outside the VNet at all. */
function reachWords(p: NodePortPath): string {
  const pub = p.nodes.filter((n) => n.externalIp);
  if (pub.length) {
    const which = pub.map((n) => `${n.name} ${n.externalIp}`).join(', ');
    return `nodes with a public IP (${which}) take it from the Internet if their NSG allows the port`;
  }
  const lbAt = `the ${p.lbInternal ? 'internal ' : ''}load balancer at ${p.lbIps.join(', ')}:${p.port?.port}`;
  const lb = p.lbIps.length ? `; the Service's own way in is ${lbAt}` : '';
  // ARO workers sit in a private subnet without public IPs
  // https://learn.microsoft.com/azure/openshift/concepts-networking
  if (p.cluster === 'aro') {
    const only = `${p.nodePort} is reachable only from the VNet and networks joined to it`;
    return `ARO workers have no public IP: ${only}${lb}`;
  }
  // AKS nodes get a public IP only with node public IPs enabled on the pool (enableNodePublicIp)
  // https://learn.microsoft.com/azure/aks/use-node-public-ips
  return (
    `no node has a public IP (AKS gives nodes one only with node public IPs enabled on the pool), so ` +
    `${p.nodePort} is reachable only from the VNet and networks connected to it, where the NSG allows it${lb}`
  );
}

/** The pod hit through one node: the local endpoint with ETP Local, else any ready endpoint. */
const podFor = (p: NodePortPath, n: PortNode): Endpoint | undefined => (p.etpLocal ? n.local[0] : p.endpoints[0]);

function hops(p: NodePortPath, node: PortNode, pod: Endpoint | undefined): Hop[] {
  const client = p.client ?? 'client';
  const dst = `${node.ip ?? node.name}:${p.nodePort}`;
  const seen = p.etpLocal ? client : (node.snatIp ?? 'node IP');
  const out: Hop[] = [
    { kind: 'client', name: p.client ?? 'client', ip: p.client, src: p.client, dst },
    {
      kind: 'node',
      name: node.name,
      ip: node.ip,
      port: p.nodePort,
      src: client,
      dst: node.ip,
      note: pod
        ? `node port ${p.nodePort}: DNAT → ${pod.ip}:${pod.port ?? '?'}` +
          (p.etpLocal
            ? ', client IP kept (externalTrafficPolicy Local)'
            : `, SNAT to ${seen} (externalTrafficPolicy Cluster)`)
        : `node port ${p.nodePort}: no ready endpoint on this node, dropped (externalTrafficPolicy Local)`,
      ...(pod ? { nat: { kind: 'dnat' as const, from: dst, to: `${pod.ip}:${pod.port ?? '?'}` } } : {}),
    },
  ];
  if (pod)
    out.push({
      kind: 'pod',
      name: `${pod.namespace}/${pod.podName ?? pod.ip}`,
      ip: pod.ip,
      port: pod.port,
      src: seen,
      dst: pod.ip,
      note: p.etpLocal ? 'sees the client IP' : `sees ${seen}, not the client`,
    });
  return out;
}

/** Which pod each answering node hands the packet to. */
function perNode(p: NodePortPath, nodes: PortNode[]): string {
  if (!p.etpLocal) {
    const pods = p.endpoints.map(podText).join(' or ');
    return `any node (${nodes.map((n) => n.ip ?? n.name).join(', ')}) hands it to any ready pod: ${pods}`;
  }
  return nodes.map((n) => `${n.ip ?? n.name}:${p.nodePort} → ${n.local.map(podText).join(' or ')}`).join('; ');
}

export function narrateNodePort(p: NodePortPath): PathResult {
  const name = nsName(p.service);
  // the node said comes first
  const on = answering(p).sort((a, b) => Number(b === p.asked) - Number(a === p.asked));
  const node = p.asked ?? on[0] ?? p.nodes[0];
  if (!p.endpoints.length || !node) {
    const none = `${name} has no ready endpoints: nothing answers on node port ${p.nodePort}`;
    return result(
      'inbound',
      'answered',
      `Node port ${p.nodePort} is Service ${name}'s, which has no ready endpoints.`,
      {
        warnings: [none],
      },
    );
  }
  const pod = podFor(p, node);
  const kind = kindWords(p);
  const sees = p.etpLocal ? 'the client IP' : `${snatWords(p)} (${seenList(p)}), not the client (SNAT)`;
  const answer =
    `Node port ${p.nodePort} belongs to Service ${name} (${kind}). The client dials a node address on ` +
    `${p.nodePort} directly, with no load balancer in between: ${perNode(p, on)}.${droppedAt(p, on)} ` +
    `The pod sees ${sees}. From outside: ${reachWords(p)}.`;
  return result('inbound', 'answered', answer, {
    title: `node port ${p.nodePort} → ${name} → ${pod?.podName ?? pod?.ip ?? 'no pod'}`,
    hops: hops(p, node, pod),
    warnings: silentWarnings(p, on),
    facts: [
      { label: 'Service', value: `${name} (${kind}, nodePort ${p.nodePort})` },
      { label: 'Traffic policy', value: `externalTrafficPolicy ${p.etp}` },
      { label: 'Nodes answering', value: on.map((n) => `${n.name} (${n.ip})`).join(', ') || 'none' },
    ],
    verify: verifyOf(p),
    seenAs: p.etpLocal ? [p.client ?? 'client'] : seenSources(p),
    clientIp: p.etpLocal ? 'kept' : 'snat',
  });
}

// OVN-Kubernetes SNATs at the node's gateway router, not to the node IP
// https://github.com/ovn-org/ovn-kubernetes/blob/master/docs/design/service-traffic-policy.md
const snatWords = (p: NodePortPath): string =>
  p.snat === 'ovn-gateway-router' ? 'the OVN gateway router (join switch) address of the node hit' : 'the node IP hit';

const kindWords = (p: NodePortPath): string =>
  `${p.service.spec?.type ?? 'ClusterIP'}, port ${p.port?.port} → ${p.port?.targetPort ?? p.port?.port}`;

/** ETP Local: the nodes without a ready endpoint, which drop what arrives on the port. */
function silentWarnings(p: NodePortPath, on: PortNode[]): string[] {
  const silent = p.nodes.filter((n) => !on.includes(n));
  if (!p.etpLocal || !silent.length) return [];
  const ips = silent.map((n) => n.ip ?? n.name).join(', ');
  return [
    `externalTrafficPolicy Local: ${ips} have no ready ${p.service.metadata.name} pod and drop what arrives on ` +
      `${p.nodePort}`,
  ];
}

function verifyOf(p: NodePortPath): string[] {
  const { name, namespace } = p.service.metadata;
  return [
    `kubectl get svc ${name} -n ${namespace} -o wide`,
    'kubectl get nodes -o wide',
    `kubectl get endpointslices -n ${namespace} -l kubernetes.io/service-name=${name} -o wide`,
  ];
}

/** The node said, when it has no ready endpoint and ETP Local drops what reaches it. */
const droppedAt = (p: NodePortPath, on: PortNode[]): string =>
  p.asked && !on.includes(p.asked)
    ? ` ${p.asked.ip}:${p.nodePort} itself has no ready ${p.service.metadata.name} pod: it drops the packet.`
    : '';

const seenSources = (p: NodePortPath): string[] => [
  ...new Set((p.asked ? [p.asked] : p.nodes).map((n) => n.snatIp).filter((x): x is string => !!x)),
];
const seenList = (p: NodePortPath): string => seenSources(p).join(' or ') || 'node IP';
