// The one interface every source of facts implements: a snapshot folder, a
// live cluster + subscription. The path engine only ever sees this.
import type { AzureKind, AzureKinds, EffectiveRoute, Nic } from './azure-model';
import type { KubeKind, KubeKinds } from './k8s-types';
import type { ErrorCode, LookupFailure } from '../path/result';
import type { SnatMetrics } from '../snat/usage';
import type { FrontDoor } from './front-door';
import type { ServiceTagsRead } from './service-tags';

export interface ClusterInfo {
  kind: 'aro' | 'aks' | 'unknown';
  name?: string;
  id?: string;
  /** node resource group ID (ARO `clusterProfile.resourceGroupId`, AKS `nodeResourceGroup`) */
  nodeResourceGroupId?: string;
  /** OpenShift apps domain, e.g. apps.m50kgrxk.northeurope.aroapp.io */
  appsDomain?: string;
  apiServerUrl?: string;
  apiServerIp?: string;
  ingressIps: string[];
  podCidr?: string;
  serviceCidr?: string;
  /** AKS `networkProfile.dnsServiceIp`: the cluster DNS address every kubelet writes into pods' resolv.conf */
  dnsServiceIp?: string;
  outboundType?: string;
  /** OVNKubernetes (ARO), kubenet, azure (Azure CNI)… */
  networkPlugin?: string;
  /** the NetworkPolicy engine: AKS `networkProfile.networkPolicy` (none, azure, calico, cilium); ARO ovn-kubernetes */
  networkPolicy?: string;
  /** AKS `networkProfile.networkPluginMode`: overlay */
  networkPluginMode?: string;
  /** AKS: some agent pool has a `podSubnetId` (Azure CNI pod subnet) */
  podSubnet?: boolean;
}

export interface AzureInventory {
  /** One resource by ID (sub-resources such as subnets too); undefined when it does not exist. */
  get<K extends AzureKind>(kind: K, id: string): Promise<AzureKinds[K] | undefined>;
  /** All resources of a kind in a scope: a subscription or resource group ID. */
  list<K extends AzureKind>(kind: K, scope: string): Promise<AzureKinds[K][]>;
  /** The NICs of a VM or VMSS instance. */
  nicsOfVm(vmId: string): Promise<Nic[]>;
  /**
   * A NIC's effective routes when the source has them (snapshot: `effective-routes/<node|vm|nic>.json`; live:
   * the NIC's effectiveRouteTable action). `{ unavailable }`: they exist but may not be read (why, in words).
   */
  effectiveRoutes?(nic: Nic, names: string[]): Promise<EffectiveRoutes | undefined>;
  /** The service tags of the subscription's cloud (discovery API; snapshot: `azure/service-tags.json`). */
  serviceTags?(subscription: string, location: string): Promise<ServiceTagsRead>;
  /**
   * Where Virtual WAN hubs are searched besides the spoke VNet's subscription (live: configured; snapshot: the
   * subscriptions of the hubs it holds): subscription or resource group IDs.
   */
  hubScopes?(): string[];
  /** Azure Front Door (Standard/Premium) profiles with endpoints and origins: snapshot only (`azure/afd-*.json`). */
  frontDoors?(): Promise<FrontDoor[]>;
}

/** Effective routes, or why the identity may not read them (not an error: the answer says so once). */
export type EffectiveRoutes = EffectiveRoute[] | { unavailable: string };

export interface Inventory {
  /** where the facts come from, for answers ("demo snapshot", "snapshot ./dir", "live") */
  readonly source: string;
  cluster(): Promise<ClusterInfo | undefined>;
  list<K extends KubeKind>(kind: K): Promise<KubeKinds[K][]>;
  readonly azure: AzureInventory;
  /**
   * Live: run one answer's lookups, saying how old the oldest Azure data it read is (seconds); `refresh` re-reads
   * each cached Azure listing or resource before the answer uses it.
   */
  answering?<T>(fn: () => Promise<T>, o?: { refresh?: boolean }): Promise<Answering<T>>;
  /** Azure Monitor SNAT metrics of outbound load balancers and NAT gateways, when the source has them */
  readonly metrics?: SnatMetrics;
}

/** A failed lookup: becomes an entry in a result's `errors`, never a crash. */
/** One live answer: how old its oldest Azure data is (seconds), and what "refresh" could not re-read. */
export interface Answering<T> {
  value: T;
  dataAge?: number;
  notReread?: LookupFailure[];
}

export class LookupError extends Error {
  constructor(
    readonly lookup: string,
    readonly reason: string,
    readonly code: ErrorCode = 'unavailable',
  ) {
    super(`${lookup}: ${reason}`);
    this.name = 'LookupError';
  }
}
