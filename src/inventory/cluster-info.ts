// `az aro show` / `az aks show` output (az or ARM REST shape) → ClusterInfo.
import { flatten } from './azure-model';
import { subscriptionOf } from './ids';
import type { ClusterInfo } from './inventory';
import type { Node, Route } from './k8s-types';

// az/ARM output is loosely typed: fields are read by their lower-cased names
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Flat = Record<string, any>;

export function clusterInfoFrom(raw: unknown): ClusterInfo | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const f = flatten(raw) as Flat;
  const type = String(f.type ?? '').toLowerCase();
  if (type.includes('redhatopenshift') || f.clusterprofile) return aroInfo(f);
  if (type.includes('containerservice') || f.noderesourcegroup) return aksInfo(f);
  return undefined;
}

const network = (f: Flat) => ({
  podCidr: f.networkprofile?.podcidr,
  serviceCidr: f.networkprofile?.servicecidr,
  outboundType: f.networkprofile?.outboundtype,
});

function aroInfo(f: Flat): ClusterInfo {
  const console: string | undefined = f.consoleprofile?.url;
  return {
    kind: 'aro',
    name: f.name,
    id: f.id,
    nodeResourceGroupId: f.clusterprofile?.resourcegroupid,
    appsDomain: console ? /console-openshift-console\.([^/]+)/.exec(console)?.[1] : undefined,
    apiServerUrl: f.apiserverprofile?.url,
    apiServerIp: f.apiserverprofile?.ip,
    ingressIps: (f.ingressprofiles ?? []).map((p: Flat) => p.ip).filter(Boolean),
    ...network(f),
    networkPlugin: 'OVNKubernetes',
    // OVN-Kubernetes enforces NetworkPolicy on every OpenShift cluster
    networkPolicy: 'ovn-kubernetes',
  };
}

function aksInfo(f: Flat): ClusterInfo {
  const sub = subscriptionOf(String(f.id ?? ''));
  return {
    kind: 'aks',
    name: f.name,
    id: f.id,
    nodeResourceGroupId:
      sub && f.noderesourcegroup ? `/subscriptions/${sub}/resourceGroups/${f.noderesourcegroup}` : undefined,
    apiServerUrl: f.fqdn ? `https://${f.fqdn}:443` : undefined,
    ingressIps: [],
    ...network(f),
    // the kubelet's cluster DNS address, inside the service CIDR
    // https://learn.microsoft.com/azure/aks/configure-kubenet (DNS service IP)
    dnsServiceIp: f.networkprofile?.dnsserviceip,
    networkPlugin: f.networkprofile?.networkplugin,
    networkPluginMode: f.networkprofile?.networkpluginmode ?? undefined,
    podSubnet: (f.agentpoolprofiles ?? []).some((p: Flat) => !!p.podsubnetid),
    // unset means none: "Network policies will not be enforced. This is the default value"
    // https://learn.microsoft.com/javascript/api/@azure/arm-containerservice/knownnetworkpolicy
    networkPolicy: String(f.networkprofile?.networkpolicy ?? 'none').toLowerCase(),
  };
}

/** What a cluster says about itself when no `az aro/aks show` output is at hand. */
export function inferClusterInfo(nodes: Node[], routes: Route[]): ClusterInfo {
  const labels = nodes.flatMap((n) => Object.keys(n.metadata.labels ?? {}));
  const canonical = routes
    .flatMap((r) => r.status?.ingress ?? [])
    .map((i) => i.routerCanonicalHostname)
    .find(Boolean);
  const aks = labels.some((l) => l.startsWith('kubernetes.azure.com/'));
  const openshift =
    routes.length > 0 ||
    labels.some((l) => l.startsWith('node.openshift.io/')) ||
    nodes.some((n) => n.metadata.annotations?.['k8s.ovn.org/node-subnets']);
  const plugin = aks
    ? (nodes.map((n) => n.metadata.labels?.['kubernetes.azure.com/network-plugin']).find(Boolean) ??
      (nodes.some((n) => n.spec?.podCIDR) ? 'kubenet' : 'azure'))
    : openshift
      ? 'OVNKubernetes'
      : undefined;
  return {
    kind: aks ? 'aks' : openshift ? 'aro' : 'unknown',
    appsDomain: canonical?.replace(/^router-[^.]+\./, ''),
    ingressIps: [],
    networkPlugin: plugin,
  };
}
