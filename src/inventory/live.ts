// A live cluster (informer caches) and the Azure subscription(s) behind it,
// behind the same Inventory interface as a snapshot.
import type { ArmInventory } from './azure';
import { inferClusterInfo } from './cluster-info';
import type { ClusterInfo, Inventory } from './inventory';
import type { KubeKind, KubeKinds } from './k8s-types';
import type { KubeInventory } from './kubernetes';

export class LiveInventory implements Inventory {
  readonly source: string;

  constructor(
    readonly kube: KubeInventory,
    readonly azure: ArmInventory,
    private readonly nodeResourceGroupId?: string,
  ) {
    this.source = `live cluster ${kube.server}`;
  }

  async list<K extends KubeKind>(kind: K): Promise<KubeKinds[K][]> {
    await this.kube.settle(kind);
    return this.kube.list(kind);
  }

  async cluster(): Promise<ClusterInfo | undefined> {
    const info = inferClusterInfo(this.kube.list('Node'), this.kube.list('Route'));
    return this.nodeResourceGroupId ? { ...info, nodeResourceGroupId: this.nodeResourceGroupId } : info;
  }
}
