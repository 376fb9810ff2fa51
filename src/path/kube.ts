// Small readings of Kubernetes objects shared by every question.
import type { EgressIP, LabelSelector, Namespace, Node, Pod, Service } from '../inventory/k8s-types';

export const podIp = (p: Pod): string | undefined => p.status?.podIP ?? p.status?.podIPs?.[0]?.ip;

export const isRunning = (p: Pod): boolean => (p.status?.phase ?? '') === 'Running';

// the cluster's own namespaces, not the workloads asked about: OpenShift's openshift-*/kube-* projects
// (https://docs.openshift.com/container-platform/4.16/applications/projects/working-with-projects.html), AKS's
// kube-system and its add-ons' namespaces
const PLATFORM = /^(kube-|openshift|aro-|gatekeeper-system$|calico-|tigera-)/;
export const isPlatformNamespace = (ns = ''): boolean => PLATFORM.test(ns);

// Application Gateway for Containers serves a Gateway whose class is the managed azure-alb-external or any
// GatewayClass the ALB controller runs
// https://learn.microsoft.com/azure/application-gateway/for-containers/quickstart-create-application-gateway-for-containers-managed-by-alb-controller
export const isAgcClass = (className?: string, controller?: string): boolean =>
  className === 'azure-alb-external' || controller === 'alb.networking.azure.io/alb-controller';

export const nodeIp = (n: Node): string | undefined =>
  n.status?.addresses?.find((a) => a.type === 'InternalIP')?.address;

// read for every member of a pool (thousands of nodes): kept per node object
const roles = new WeakMap<Node, string>();

export const nodeRole = (n: Node): string => {
  let role = roles.get(n);
  if (role === undefined) roles.set(n, (role = readRole(n)));
  return role;
};

function readRole(n: Node): string {
  const labels = Object.keys(n.metadata.labels ?? {});
  const roles = labels.filter((l) => l.startsWith('node-role.kubernetes.io/')).map((l) => l.split('/')[1]);
  return roles.includes('master') || roles.includes('control-plane') ? 'master' : (roles[0] ?? 'node');
}

export const fullName = (o: { metadata: { name: string; namespace?: string } }): string =>
  o.metadata.namespace ? `${o.metadata.namespace}/${o.metadata.name}` : o.metadata.name;

/** A Service's selector picks pods of its own namespace; a Service without one selects no pod by itself
 * (https://kubernetes.io/docs/concepts/services-networking/service/#services-without-selectors) */
export const serviceSelects = (svc: Service, p: Pod): boolean =>
  p.metadata.namespace === svc.metadata.namespace &&
  !!svc.spec?.selector &&
  matchesSelector(p.metadata.labels, { matchLabels: svc.spec.selector });

/** Kubernetes label selector semantics (matchLabels AND matchExpressions); an empty selector selects all. */
export function matchesSelector(labels: Record<string, string> | undefined, sel: LabelSelector | undefined): boolean {
  if (!sel) return true;
  const l = labels ?? {};
  for (const [k, v] of Object.entries(sel.matchLabels ?? {})) if (l[k] !== v) return false;
  for (const e of sel.matchExpressions ?? []) {
    const has = Object.prototype.hasOwnProperty.call(l, e.key);
    const inValues = has && (e.values ?? []).includes(l[e.key]);
    const ok =
      e.operator === 'In'
        ? inValues
        : e.operator === 'NotIn'
          ? !inValues
          : e.operator === 'Exists'
            ? has
            : e.operator === 'DoesNotExist'
              ? !has
              : false;
    if (!ok) return false;
  }
  return true;
}

/** A namespace's labels; every namespace carries kubernetes.io/metadata.name, even when it was not listed. */
// https://kubernetes.io/docs/reference/labels-annotations-taints/#kubernetes-io-metadata-name
export const namespaceLabels = (name: string | undefined, namespaces: Namespace[]): Record<string, string> =>
  namespaces.find((n) => n.metadata.name === name)?.metadata.labels ?? { 'kubernetes.io/metadata.name': name ?? '' };

/** OpenShift EgressIP objects that select the pod (namespaceSelector + podSelector). */
// https://docs.openshift.com/container-platform/latest/networking/ovn_kubernetes_network_provider/configuring-egress-ips-ovn.html
export function egressIpsFor(pod: Pod, namespaces: Namespace[], egressIps: EgressIP[]): EgressIP[] {
  return egressIps.filter(
    (e) =>
      egressIpSelectsNamespace(e, pod.metadata.namespace, namespaces) &&
      matchesSelector(pod.metadata.labels, e.spec?.podSelector),
  );
}

/** The EgressIP's namespaceSelector picks the namespace (an EgressIP without one picks none). */
export const egressIpSelectsNamespace = (e: EgressIP, ns: string | undefined, namespaces: Namespace[]): boolean =>
  !!e.spec?.namespaceSelector && matchesSelector(namespaceLabels(ns, namespaces), e.spec.namespaceSelector);
