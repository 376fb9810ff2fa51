// `az aro show` / `az aks show` output (az or ARM REST shape) → ClusterInfo.
import { flatten } from './azure-model';
import type { ClusterInfo } from './inventory';
import type { Node, Route } from './k8s-types';

type Flat = Record<string, any>;

export function clusterInfoFrom(raw: unknown): ClusterInfo | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const f = flatten(raw) as Flat;
  const type = String(f.type ?? '').toLowerCase();
  if (type.includes('redhatopenshift') || f.clusterprofile) {
    const console: string | undefined = f.consoleprofile?.url;
    const appsDomain = console ? /console-openshift-console\.([^/]+)/.exec(console)?.[1] : undefined;
    return {
      kind: 'aro',
      name: f.name,
      id: f.id,
      nodeResourceGroupId: f.clusterprofile?.resourcegroupid,
      appsDomain,
      apiServerUrl: f.apiserverprofile?.url,
      apiServerIp: f.apiserverprofile?.ip,
      ingressIps: (f.ingressprofiles ?? []).map((p: Flat) => p.ip).filter(Boolean),
      podCidr: f.networkprofile?.podcidr,
      serviceCidr: f.networkprofile?.servicecidr,
      outboundType: f.networkprofile?.outboundtype,
      networkPlugin: 'OVNKubernetes',
    };
  }
  if (type.includes('containerservice') || f.noderesourcegroup) {
    const sub = /^\/subscriptions\/([^/]+)/i.exec(String(f.id ?? ''))?.[1];
    return {
      kind: 'aks',
      name: f.name,
      id: f.id,
      nodeResourceGroupId:
        sub && f.noderesourcegroup ? `/subscriptions/${sub}/resourceGroups/${f.noderesourcegroup}` : undefined,
      apiServerUrl: f.fqdn ? `https://${f.fqdn}:443` : undefined,
      ingressIps: [],
      podCidr: f.networkprofile?.podcidr,
      serviceCidr: f.networkprofile?.servicecidr,
      outboundType: f.networkprofile?.outboundtype,
      networkPlugin: f.networkprofile?.networkplugin,
    };
  }
  return undefined;
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
