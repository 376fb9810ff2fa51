// Lookups over the inventory's lists, built once per list array and kept while
// the inventory hands back that same array (a snapshot's; a live cache's until
// the kind changes): a question then costs O(matches), not O(pods). Built lazily,
// one at a time, so memory goes only to the lookups questions use. Pure.
import type { IpConfig, Nic } from '../inventory/azure-model';
import type { EndpointSlice, Endpoints, Node, Pod, Service } from '../inventory/k8s-types';
import { idKey, resourceGroupId, vmIdFromProviderId } from '../inventory/ids';
import { nodeIp, podIp } from './kube';

/** One value, or several in list order (most keys have one: no array per key). */
type Multi<T> = Map<string, T | T[]>;

function add<T>(m: Multi<T>, key: string, v: T): void {
  const had = m.get(key);
  if (had === undefined) m.set(key, v);
  else if (Array.isArray(had)) had.push(v);
  else m.set(key, [had, v]);
}

const all = <T>(m: Multi<T>, key: string | undefined): T[] => {
  const v = key === undefined ? undefined : m.get(key);
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
};

/** A lookup of `list`, built on first use and kept with the array (collected with it). */
function lookup<T extends object, R>(build: (list: readonly T[]) => R): (list: readonly T[]) => R {
  const kept = new WeakMap<readonly T[], R>();
  return (list) => {
    let r = kept.get(list);
    if (r === undefined) kept.set(list, (r = build(list)));
    return r;
  };
}

const multi = <T extends object>(keys: (o: T) => Iterable<string | undefined>) =>
  lookup<T, Multi<T>>((list) => {
    const m: Multi<T> = new Map();
    for (const o of list) {
      const seen = new Set<string>();
      for (const k of keys(o)) {
        if (k === undefined || seen.has(k)) continue;
        seen.add(k);
        add(m, k, o);
      }
    }
    return m;
  });

const servicesByNamespaceIx = multi<Service>((s) => [s.metadata.namespace ?? '']);
const podsByNamespaceIx = multi<Pod>((p) => [p.metadata.namespace ?? '']);
const podsByIpIx = multi<Pod>((p) => [podIp(p)]);
const hostNetworkByNodeIx = multi<Pod>((p) => (p.spec?.hostNetwork ? [p.spec.nodeName ?? ''] : []));
const nodesByNameIx = multi<Node>((n) => [n.metadata.name]);
const nodesByIpIx = multi<Node>((n) => [nodeIp(n)]);
const nodesByAddressIx = multi<Node>((n) => (n.status?.addresses ?? []).map((a) => a.address));
// a Service's addresses: ClusterIP(s) and load balancer ingress IPs
const servicesByIpIx = multi<Service>((s) => [
  s.spec?.clusterIP,
  ...(s.spec?.clusterIPs ?? []),
  ...(s.status?.loadBalancer?.ingress ?? []).map((i) => i.ip),
]);

// a Service's EndpointSlices carry its name in a label
// https://kubernetes.io/docs/concepts/services-networking/endpoint-slices/#ownership
const slicesByServiceIx = multi<EndpointSlice>((s) => [
  `${s.metadata.namespace ?? ''}/${s.metadata.labels?.['kubernetes.io/service-name'] ?? ''}`,
]);
const endpointsByNameIx = multi<Endpoints>((e) => [`${e.metadata.namespace ?? ''}/${e.metadata.name}`]);
const podsByNameIx = multi<Pod>((p) => [`${p.metadata.namespace ?? ''}/${p.metadata.name}`]);

/** The EndpointSlices of Service `ns/name`, in list order. */
export const slicesOfService = (slices: readonly EndpointSlice[], ns: string, name: string): EndpointSlice[] =>
  all(slicesByServiceIx(slices), `${ns}/${name}`);

/** The Endpoints object of Service `ns/name` (the legacy API), if any. */
export const endpointsNamed = (legacy: readonly Endpoints[], ns: string, name: string): Endpoints | undefined =>
  all(endpointsByNameIx(legacy), `${ns}/${name}`)[0];

/** The pod `ns/name`, if any. */
export const podNamed = (pods: readonly Pod[], ns: string, name: string | undefined): Pod | undefined =>
  name === undefined ? undefined : all(podsByNameIx(pods), `${ns}/${name}`)[0];

/** The pods of a namespace ('' for none), in list order. */
export const podsInNamespace = (pods: readonly Pod[], ns: string | undefined): Pod[] =>
  all(podsByNamespaceIx(pods), ns ?? '');

/** The namespaces the pods are in ('' for a pod without one). */
export const podNamespaces = (pods: readonly Pod[]): Iterable<string> => podsByNamespaceIx(pods).keys();

/** Pods whose (first) pod IP is `ip`, host-network pods included, in list order. */
export const podsWithIp = (pods: readonly Pod[], ip: string): Pod[] => all(podsByIpIx(pods), ip);

export const hostNetworkPodsOn = (pods: readonly Pod[], node: string): Pod[] => all(hostNetworkByNodeIx(pods), node);

/** The first node of that name. */
export const nodeNamed = (nodes: readonly Node[], name: string | undefined): Node | undefined =>
  all(nodesByNameIx(nodes), name)[0];

/** Nodes whose InternalIP is `ip`. */
export const nodesWithIp = (nodes: readonly Node[], ip: string): Node[] => all(nodesByIpIx(nodes), ip);

/** Nodes with `ip` among any of their addresses. */
export const nodesWithAddress = (nodes: readonly Node[], ip: string): Node[] => all(nodesByAddressIx(nodes), ip);

/** Services with `ip` as ClusterIP or load balancer ingress IP, in list order. */
export const servicesWithIp = (services: readonly Service[], ip: string): Service[] =>
  all(servicesByIpIx(services), ip);

/** How a pod's packet to `ip` is taken by a Service on its own node, when `ip` is a Service's load balancer or external
 * IP: the node's service proxy translates it to an endpoint, the packet never leaves for the load balancer. */
export interface ServiceFront {
  service: Service;
  ip: string;
  kind: 'load-balancer' | 'external-ip';
}

/** The Service whose load balancer IP (ipMode VIP, the default) or external IP is `ip`, if any. */
export function serviceFrontAt(services: readonly Service[], ip: string): ServiceFront | undefined {
  for (const service of services) {
    // ipMode VIP (default): the LB IP is delivered to the node as the destination, and the Service proxy there takes
    // it — kube-proxy binds it on every node to send pods' traffic straight to the Service, bypassing the load
    // balancer; ipMode Proxy opts out https://kubernetes.io/docs/concepts/services-networking/service/#load-balancer-ip-mode
    // (https://github.com/kubernetes/enhancements/tree/master/keps/sig-network/1860-kube-proxy-IP-node-binding)
    const lb = (service.status?.loadBalancer?.ingress ?? []).find((i) => i.ip === ip && i.ipMode !== 'Proxy');
    if (lb && service.spec?.type === 'LoadBalancer') return { service, ip, kind: 'load-balancer' };
    // traffic to an external IP on a Service port is routed to the Service's endpoints by the node's proxy
    // https://kubernetes.io/docs/concepts/services-networking/service/#external-ips
    if (service.spec?.externalIPs?.includes(ip)) return { service, ip, kind: 'external-ip' };
  }
  return undefined;
}

/** The Services of a namespace, in list order. */
export const servicesInNamespace = (services: readonly Service[], ns: string): Service[] =>
  all(servicesByNamespaceIx(services), ns);

const nicConfigsByIp = lookup<Nic, Multi<{ nic: Nic; config: IpConfig }>>((nics) => {
  const m: Multi<{ nic: Nic; config: IpConfig }> = new Map();
  for (const nic of nics)
    for (const config of nic.ipConfigs) if (config.privateIp) add(m, config.privateIp, { nic, config });
  return m;
});

/** NIC IP configurations with private IP `ip`, in NIC order. */
export const nicConfigsWithIp = (nics: readonly Nic[], ip: string): { nic: Nic; config: IpConfig }[] =>
  all(nicConfigsByIp(nics), ip);

const groupsOfNodes = lookup<Node, [string, string][]>((nodes) => {
  const groups = new Map<string, string>();
  for (const n of nodes) {
    const vm = vmIdFromProviderId(n.spec?.providerID);
    if (vm) groups.set(idKey(resourceGroupId(vm)), resourceGroupId(vm));
  }
  return [...groups];
});

/** The resource groups of the nodes' VMs (from spec.providerID) as [idKey, ID], in node order. */
export const nodeResourceGroupsOf = (nodes: readonly Node[]): readonly [string, string][] => groupsOfNodes(nodes);
