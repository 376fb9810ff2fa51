// Who replaces the client address on the way into a Service's pods, by externalTrafficPolicy and network plugin:
// one rule for the load balancer and the node-port ways in.
import type { ClusterInfo } from '../inventory/inventory';
import type { Node, Service } from '../inventory/k8s-types';
import { nodeIp } from './kube';

export interface TrafficPolicy {
  etp: string;
  etpLocal: boolean;
  /** ETP Cluster: kube-proxy SNATs to the node IP; OVN-Kubernetes to its gateway router's address */
  snat?: 'node' | 'ovn-gateway-router';
}

/**
 * ETP Local keeps the client source IP (only nodes with a ready endpoint take the traffic); Cluster SNATs it.
 * https://kubernetes.io/docs/tasks/access-application-cluster/create-external-load-balancer/#preserving-the-client-source-ip
 * https://kubernetes.io/docs/reference/networking/virtual-ips/#external-traffic-policy
 */
export function trafficPolicy(service: Service, cluster: ClusterInfo | undefined): TrafficPolicy {
  const etpLocal = keepsClientIp(service);
  const ovn = /ovn/i.test(cluster?.networkPlugin ?? '') || cluster?.kind === 'aro';
  return {
    etp: service.spec?.externalTrafficPolicy ?? 'Cluster',
    etpLocal,
    snat: etpLocal ? undefined : ovn ? 'ovn-gateway-router' : 'node',
  };
}

/** ETP Local: only nodes with a ready endpoint take the traffic (and pass the load balancer's health probe). */
export const keepsClientIp = (service: Service): boolean => service.spec?.externalTrafficPolicy === 'Local';

/** The source a pod sees when `node` SNATs the traffic (ETP Cluster); none with ETP Local. */
export function snatSource(snat: TrafficPolicy['snat'], node: Node | undefined): string | undefined {
  if (!snat) return undefined;
  return snat === 'node' ? (node ? nodeIp(node) : undefined) : ovnJoinIp(node);
}

/**
 * OVN-Kubernetes (shared gateway mode, OpenShift's default) SNATs ETP Cluster traffic at the node's gateway
 * router to its join-switch address (lb_force_snat_ip=router_ip), 100.64.0.x by default; the node annotation
 * k8s.ovn.org/node-gateway-router-lrp-ifaddr holds it. In local gateway mode the masquerade IP is used instead.
 * https://github.com/ovn-org/ovn-kubernetes/blob/master/docs/design/service-traffic-policy.md
 * https://docs.okd.io/latest/networking/ovn_kubernetes_network_provider/configuring-gateway-mode.html
 */
function ovnJoinIp(node?: Node): string {
  const raw = node?.metadata.annotations?.['k8s.ovn.org/node-gateway-router-lrp-ifaddr'];
  try {
    const ip = raw ? (JSON.parse(raw) as { ipv4?: string }).ipv4?.split('/')[0] : undefined;
    if (ip) return ip;
  } catch {
    // an unreadable annotation: fall back to the range
  }
  // the default join subnet (v4InternalSubnet); the node's own address is not in the data
  return '100.64.0.0/16';
}
