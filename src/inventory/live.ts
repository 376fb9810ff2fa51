// A live cluster (informer caches) and the Azure subscription(s) behind it,
// behind the same Inventory interface as a snapshot.
import type { ArmInventory } from './azure';
import type { ClusterInfo, Inventory } from './inventory';
import type { KubeKind, KubeKinds } from './k8s-types';
import type { KubeInventory } from './kubernetes';

export class LiveInventory implements Inventory {
  readonly source: string;

  constructor(
    readonly kube: KubeInventory,
    readonly azure: ArmInventory,
  ) {
    this.source = `live cluster ${kube.server}`;
  }

  async list<K extends KubeKind>(kind: K): Promise<KubeKinds[K][]> {
    return this.kube.list(kind);
  }

  /** What the cluster says about itself: OpenShift (Routes served) or AKS, and the apps domain. */
  async cluster(): Promise<ClusterInfo | undefined> {
    const [nodes, routes] = [this.kube.list('Node'), this.kube.list('Route')];
    const labels = nodes.flatMap((n) => Object.keys(n.metadata.labels ?? {}));
    const canonical = routes.flatMap((r) => r.status?.ingress ?? []).map((i) => i.routerCanonicalHostname).find(Boolean);
    const aro = routes.length > 0 || labels.some((l) => l.startsWith('node.openshift.io/') || l === 'node-role.kubernetes.io/worker');
    const aks = labels.some((l) => l.startsWith('kubernetes.azure.com/'));
    return {
      kind: aks ? 'aks' : aro ? 'aro' : 'unknown',
      appsDomain: canonical?.replace(/^router-[^.]+\./, ''),
      ingressIps: [],
      networkPlugin: aks ? nodes.map((n) => n.metadata.labels?.['kubernetes.azure.com/network-plugin']).find(Boolean) ?? (nodes.some((n) => n.spec?.podCIDR) ? 'kubenet' : 'azure') : aro ? 'OVNKubernetes' : undefined,
    };
  }
}
