// Kubernetes NetworkPolicy semantics: a pod selected by a policy of a
// direction is isolated for it and accepts only what some rule allows; an
// unselected pod accepts everything. OpenShift projects follow the same rules.
// https://kubernetes.io/docs/concepts/services-networking/network-policies/
import type { ClusterInfo } from '../inventory/inventory';
import type { Namespace, NetworkPolicy, NetworkPolicyPeer, Pod } from '../inventory/k8s-types';
import { cidrContains, isPrivateIp } from './ip';
import { matchesSelector, namespaceLabels, podIp } from './kube';

export type Direction = 'Ingress' | 'Egress';

export interface Verdict {
  direction: Direction;
  allowed: boolean;
  /** the policy that allows, or the policies that isolate the pod when nothing allows */
  policies: string[];
  reason: string;
}

export interface PolicyPeer {
  pod?: Pod;
  ip: string;
}

// no policyTypes: Ingress, plus Egress when the policy has egress rules
// https://kubernetes.io/docs/concepts/services-networking/network-policies/
export const policyTypes = (p: NetworkPolicy): Direction[] =>
  (p.spec?.policyTypes as Direction[] | undefined) ?? (p.spec?.egress ? ['Ingress', 'Egress'] : ['Ingress']);

/** The policies of the pod's namespace that select it for a direction: it is isolated for it when there is one. */
export const selectingPolicies = (direction: Direction, subject: Pod, policies: NetworkPolicy[]): NetworkPolicy[] =>
  policies.filter(
    (p) =>
      p.metadata.namespace === subject.metadata.namespace &&
      policyTypes(p).includes(direction) &&
      matchesSelector(subject.metadata.labels, p.spec?.podSelector ?? {}),
  );

export function peerMatches(
  peer: NetworkPolicyPeer,
  policyNs: string,
  other: PolicyPeer,
  namespaces: Namespace[],
): boolean {
  if (peer.ipBlock) {
    return (
      cidrContains(peer.ipBlock.cidr, other.ip) && !(peer.ipBlock.except ?? []).some((c) => cidrContains(c, other.ip))
    );
  }
  if (!other.pod) return false;
  const podNs = other.pod.metadata.namespace;
  const nsOk = peer.namespaceSelector
    ? matchesSelector(namespaceLabels(podNs, namespaces), peer.namespaceSelector)
    : podNs === policyNs;
  return nsOk && matchesSelector(other.pod.metadata.labels, peer.podSelector);
}

function portMatches(
  ports: { port?: number | string; protocol?: string; endPort?: number }[] | undefined,
  port: number | undefined,
  protocol: string,
  target: Pod,
): boolean {
  if (!ports || ports.length === 0) return true;
  return ports.some((p) => {
    if ((p.protocol ?? 'TCP').toUpperCase() !== protocol.toUpperCase()) return false;
    if (p.port === undefined) return true;
    if (port === undefined) return false;
    if (typeof p.port === 'string') {
      return (target.spec?.containers ?? []).some((c) =>
        (c.ports ?? []).some((cp) => cp.name === p.port && cp.containerPort === port),
      );
    }
    return p.endPort ? port >= p.port && port <= p.endPort : port === p.port;
  });
}

/**
 * Does `subject` accept (Ingress) or send (Egress) traffic to/from `other` on `port`?
 * For Egress the port is the destination port; for Ingress the port at the subject.
 */
export function verdict(
  direction: Direction,
  subject: Pod,
  other: PolicyPeer,
  port: number | undefined,
  protocol: string,
  policies: NetworkPolicy[],
  namespaces: Namespace[],
  portOwner: Pod = subject,
): Verdict {
  const ns = subject.metadata.namespace;
  const selecting = selectingPolicies(direction, subject, policies);
  const who = `${ns}/${subject.metadata.name}`;
  if (selecting.length === 0) {
    return {
      direction,
      allowed: true,
      policies: [],
      reason: `no NetworkPolicy selects ${who} for ${direction.toLowerCase()}: not isolated, all traffic allowed`,
    };
  }
  for (const p of selecting) {
    const rules = direction === 'Ingress' ? (p.spec?.ingress ?? []) : (p.spec?.egress ?? []);
    for (const rule of rules) {
      const peers = direction === 'Ingress' ? rule.from : rule.to;
      const peerOk =
        !peers || peers.length === 0 || peers.some((peer) => peerMatches(peer, ns ?? '', other, namespaces));
      if (peerOk && portMatches(rule.ports, port, protocol, portOwner)) {
        return {
          direction,
          allowed: true,
          policies: [p.metadata.name],
          reason: `allowed by NetworkPolicy ${ns}/${p.metadata.name}`,
        };
      }
    }
  }
  const names = selecting.map((p) => p.metadata.name);
  const peerText = other.pod
    ? `${other.pod.metadata.namespace}/${other.pod.metadata.name} (${podIp(other.pod)})`
    : other.ip;
  const isolatedBy = `NetworkPolicy ${names.map((n) => `${ns}/${n}`).join(', ')}`;
  const on = port ? ` on ${protocol}/${port}` : '';
  const dir = direction.toLowerCase();
  return {
    direction,
    allowed: false,
    policies: names,
    reason: `denied: ${who} is isolated for ${dir} by ${isolatedBy} and no rule allows ${peerText}${on}`,
  };
}

/**
 * Traffic between `subject` and an address on the Internet not known (a client, or an Azure service's public endpoint):
 * allowed when no policy isolates the pod or a rule takes every peer (or every public address: 0.0.0.0/0 less private
 * ranges); else only with the ipBlocks of the rules (`onlyFrom`), or not at all — pod and namespace selectors never
 * match an address outside the cluster.
 * https://kubernetes.io/docs/concepts/services-networking/network-policies/#networkpolicy-resource
 */
export function outsideVerdict(
  direction: Direction,
  subject: Pod,
  port: number | undefined,
  protocol: string,
  policies: NetworkPolicy[],
): Verdict & { onlyFrom?: string[] } {
  const ns = subject.metadata.namespace;
  const who = `${ns}/${subject.metadata.name}`;
  const dir = direction.toLowerCase();
  const selecting = selectingPolicies(direction, subject, policies);
  const base = { direction, policies: selecting.map((p) => p.metadata.name) };
  if (selecting.length === 0)
    return { ...base, allowed: true, reason: `no NetworkPolicy selects ${who} for ${dir}: not isolated` };
  const onlyFrom: string[] = [];
  for (const p of selecting) {
    const rules = (direction === 'Ingress' ? p.spec?.ingress : p.spec?.egress) ?? [];
    for (const rule of rules.filter((r) => portMatches(r.ports, port, protocol, subject))) {
      const peers = direction === 'Ingress' ? rule.from : rule.to;
      const blocks = (peers ?? []).flatMap((x) => (x.ipBlock ? [x.ipBlock] : []));
      if (!peers?.length || blocks.some(everyPublic)) {
        const allowedBy = `allowed by NetworkPolicy ${ns}/${p.metadata.name}`;
        return { ...base, allowed: true, policies: [p.metadata.name], reason: allowedBy };
      }
      for (const b of blocks) onlyFrom.push(b.cidr + (b.except?.length ? ` except ${b.except.join(', ')}` : ''));
    }
  }
  const by = `NetworkPolicy ${base.policies.map((n) => `${ns}/${n}`).join(', ')}`;
  const on = port ? ` on ${protocol}/${port}` : '';
  const side = direction === 'Ingress' ? 'clients outside the cluster' : 'addresses outside the cluster';
  if (onlyFrom.length) {
    const only = direction === 'Ingress' ? `accepts ${side}${on} only from` : `may reach ${side}${on} only in`;
    return { ...base, allowed: false, onlyFrom, reason: `${who} ${only} ${onlyFrom.join(', ')} (${by})` };
  }
  const never = `allow only pods and namespaces, never ${side}`;
  return {
    ...base,
    allowed: false,
    reason: `denied: ${who} is isolated for ${dir} by ${by}, whose rules${on} ${never}`,
  };
}

/** 0.0.0.0/0, less at most private ranges: every public address. */
const everyPublic = (b: { cidr: string; except?: string[] }): boolean =>
  b.cidr === '0.0.0.0/0' && (b.except ?? []).every((c) => isPrivateIp(c.split('/')[0]));

/** Whether the cluster enforces NetworkPolicy at all, and by which engine. */
export interface Enforcement {
  /** undefined: not known from the data (then the policies are evaluated as if enforced, and the answer says so) */
  enforced?: boolean;
  engine?: string;
  why: string;
}

// engines recognised by their pods when `az aks show` is not at hand
const ENGINE_PODS: [RegExp, string][] = [
  [/^azure-npm-/, 'azure'],
  [/^calico-node-/, 'calico'],
  [/^cilium-(?!operator)/, 'cilium'],
];

/**
 * AKS `networkProfile.networkPolicy` none (the default) enforces nothing; azure, calico and cilium enforce.
 * https://learn.microsoft.com/azure/aks/use-network-policies
 * OpenShift enforces NetworkPolicy with its cluster network (OVN-Kubernetes).
 * https://docs.okd.io/latest/networking/network_security/network_policy/about-network-policy.html
 */
export function enforcementOf(cluster: ClusterInfo | undefined, pods: Pod[]): Enforcement {
  const setting = cluster?.networkPolicy?.toLowerCase();
  if (setting === 'none')
    return {
      enforced: false,
      why: 'the AKS cluster runs no network policy engine (networkProfile.networkPolicy none)',
    };
  if (setting) return { enforced: true, engine: setting, why: `enforced by ${setting}` };
  if (cluster?.kind === 'aro' || /ovn|openshiftsdn/i.test(cluster?.networkPlugin ?? ''))
    return { enforced: true, engine: 'ovn-kubernetes', why: 'OpenShift enforces NetworkPolicy (OVN-Kubernetes)' };
  const engine = ENGINE_PODS.find(([re]) => pods.some((p) => re.test(p.metadata.name)))?.[1];
  if (engine) return { enforced: true, engine, why: `enforced by ${engine} (its pods run in the cluster)` };
  // AKS runs its engine as pods (azure-npm, calico-node, cilium): system pods seen and none of them → none
  if (cluster?.kind === 'aks' && pods.some((p) => p.metadata.namespace === 'kube-system'))
    return {
      enforced: false,
      why: 'no network policy engine runs on this AKS cluster (no azure-npm, calico or cilium pods)',
    };
  return {
    why: 'not known whether this cluster enforces NetworkPolicy (no `az aks show` in the data, no engine pods)',
  };
}
