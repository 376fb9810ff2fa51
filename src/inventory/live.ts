// A live cluster (informer caches) and the Azure subscription(s) behind it,
// behind the same Inventory interface as a snapshot.
import type { ArmInventory } from './azure';
import { inferClusterInfo } from './cluster-info';
import { parentId, resourceGroupId, vmIdFromProviderId } from './ids';
import type { Answering, ClusterInfo, Inventory } from './inventory';
import type { KubeKind, KubeKinds } from './k8s-types';
import type { KubeInventory } from './kubernetes';
import type { SnatMetrics } from '../snat/usage';

export class LiveInventory implements Inventory {
  readonly source: string;

  constructor(
    readonly kube: KubeInventory,
    readonly azure: ArmInventory,
    private readonly nodeResourceGroupId?: string,
    /** Azure Monitor SNAT metrics (MonitorMetrics) */
    readonly metrics?: SnatMetrics,
  ) {
    this.source = `live cluster ${kube.server}`;
  }

  async list<K extends KubeKind>(kind: K): Promise<KubeKinds[K][]> {
    await this.kube.settle(kind);
    return this.kube.list(kind);
  }

  /** inferred once per node and route list (5,000 nodes: a few ms a question otherwise) */
  private inferred?: { nodes: unknown[]; routes: unknown[]; info: ClusterInfo };

  async cluster(): Promise<ClusterInfo | undefined> {
    const [nodes, routes] = [this.kube.list('Node'), this.kube.list('Route')];
    if (this.inferred?.nodes !== nodes || this.inferred.routes !== routes)
      this.inferred = { nodes, routes, info: inferClusterInfo(nodes, routes) };
    const info = { ...this.inferred.info };
    return this.nodeResourceGroupId ? { ...info, nodeResourceGroupId: this.nodeResourceGroupId } : info;
  }

  answering<T>(fn: () => Promise<T>, o: { refresh?: boolean } = {}): Promise<Answering<T>> {
    return this.azure.answering(fn, o);
  }

  /**
   * Once the nodes are listed, the Azure resources the rules read are listed in the background and kept warm: the
   * node resource group(s) from the nodes' providerIDs (and the configured one) and their VM scale sets' NICs; other
   * resource groups join as answers read them (the VNet's, a peered hub's, an appliance's).
   */
  async keepWarm(): Promise<void> {
    if (!this.azure.refreshMs) return;
    let nodes: KubeKinds['Node'][] = [];
    // wait for the nodes (up to a minute, without holding the process open); unsynced: the configured group only
    for (let i = 0; i < 600 && this.azure.refreshMs; i++) {
      try {
        nodes = this.kube.list('Node');
        break;
      } catch {
        await new Promise((r) => setTimeout(r, 100).unref());
      }
    }
    const vms = nodes.map((n) => vmIdFromProviderId(n.spec?.providerID)).filter((id): id is string => !!id);
    const groups = new Set([
      ...(this.nodeResourceGroupId ? [this.nodeResourceGroupId] : []),
      ...vms.map(resourceGroupId),
    ]);
    const scaleSets = new Set(
      vms
        .filter((id) => /\/virtualMachineScaleSets\/[^/]+\/virtualMachines\/[^/]+$/i.test(id))
        .map((id) => parentId(id)),
    );
    this.azure.keepWarm([...groups].filter(Boolean), [...scaleSets]);
  }
}
