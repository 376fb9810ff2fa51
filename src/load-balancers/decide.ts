import { escapeRe } from '../regex';
// Which load balancers there are and what each does: kind, members behind the
// pools, and each frontend's address and purpose. Pure.
import type { Frontend, LbRule, LoadBalancer, Probe } from '../inventory/azure-model';
import { idKey } from '../inventory/ids';
import type { Service } from '../inventory/k8s-types';
import { endpointsOf, pickServicePort } from '../path/endpoints';
import {
  describeMembers,
  frontendHolds,
  frontendPurpose,
  lbMembers,
  otherMembers,
  outboundCapacity,
  rulesOf,
  serviceOfFrontend,
} from '../path/lb';
import { keepsClientIp } from '../path/service-snat';
import { decide as decideSnat, type SnatDecision } from '../snat/decide';
import type { EdgeServing, GatewayServing, LbFacts } from './facts';
import type { LbSubjects } from './resolve';

export type FrontendAddress =
  | { kind: 'private'; ip: string }
  /** `name`: the public IP resource's, else the last segment of the frontend's public IP ID */
  | { kind: 'public'; ip?: string; name?: string; prefix?: string; range?: string };

export interface LbFrontendView {
  name: string;
  address: FrontendAddress;
  /** what the frontend carries (egress, a Service's ingress, the API server…) */
  purpose: string;
  /** a Service's frontend: the pods it reaches (ready endpoints), and with externalTrafficPolicy Local the nodes
   * that pass the health probe */
  behind?: string;
}

export interface LbView {
  name: string;
  resourceGroup: string;
  kind: 'public' | 'internal';
  /** node (or NIC, or address) names behind the pools */
  members: string[];
  /** the members counted by role ("3 workers") */
  membersText: string;
  rules: LbRule[];
  /** the health probes the rules use, to the nodes' health check node ports */
  probes: Probe[];
  /** IP-based pool members (`loadBalancerBackendAddresses`), empty when the pools hold NIC IP configurations */
  poolAddresses: string[];
  /** each backend pool by name, with how many members (NIC IP configurations or addresses) it holds */
  pools: { name: string; size: number }[];
  frontends: LbFrontendView[];
  /** how many nodes each outbound rule's ports serve ("max node count the outbound SNAT config supports") */
  outbound: string[];
}

/** An Application Gateway serving an Ingress (AGIC): no Azure Load Balancer, it sends to the pod IPs itself. */
export interface GatewayView {
  /** an Application Gateway (AGIC), an Application Gateway for Containers, an Azure Front Door profile */
  kind: 'agic' | 'agc' | 'afd';
  name: string;
  /** its frontend addresses, public first (AGC: its frontend FQDN; Front Door: its endpoints' host names) */
  addresses: string[];
  /** what it serves: the Ingress, the HTTPRoute, the origin */
  serves: string;
  /** the pods it sends to (the backend Service's ready endpoints) */
  behind?: string;
}

export type LbDecision =
  /** `resourceGroups`: names of the node resource groups read */
  | { outcome: 'listed'; only?: string; resourceGroups: string[]; lbs: LbView[]; gateways?: GatewayView[] }
  /** a load balancer was named but there is none by that name; `known` in the order they were read */
  | { outcome: 'not-found'; name: string; resourceGroups: string[]; known: string[]; service?: boolean }
  | SnatDecision;

export function decide(s: LbSubjects, f: LbFacts): LbDecision {
  if (f.snat) return decideSnat(s.pick, f.snat);
  const resourceGroups = f.groups.map((g) => g.split('/').pop() ?? g);
  const known = new Set(f.lbs.map((l) => l.name.toLowerCase()));
  const unknown = unknownAsked(s, f, resourceGroups, known);
  if (unknown) return unknown;
  // "the master LBs X and Y, what are they for?": each load balancer named is listed, none other
  const named = [...new Set(s.pick.map((n) => n.toLowerCase()).filter((n) => known.has(n)))];
  const only = named.length > 1 ? undefined : (named[0] ?? s.explicit ?? holding(s.at, f));
  const fronting = f.fronting?.length && !s.nvaToo ? f.lbs.filter((l) => f.fronting!.includes(l.name)) : f.lbs;
  const lbs =
    named.length > 1 ? f.lbs.filter((l) => named.includes(l.name.toLowerCase())) : pickOnly(f.lbs, fronting, only);
  if (only && lbs.length === 0)
    return { outcome: 'not-found', name: only, resourceGroups, known: f.lbs.map((l) => l.name) };
  const views = [...lbs].sort((a, b) => a.name.localeCompare(b.name)).map((lb) => viewOf(lb, f));
  const gateways = only
    ? []
    : [...(f.gateways ?? []).map((g) => gatewayView(g, f)), ...(f.edges ?? []).map((e) => edgeView(e, f))];
  return { outcome: 'listed', only, resourceGroups, lbs: views, ...(gateways.length ? { gateways } : {}) };
}

/** An address no load balancer has, or a Service the cluster does not have, asked as a load balancer's. */
function unknownAsked(s: LbSubjects, f: LbFacts, resourceGroups: string[], known: Set<string>): LbDecision | undefined {
  // an address no frontend and no public IP of ours has is behind nothing we know
  const addresses = [
    ...f.lbs.flatMap((l) => l.frontends.map((fe) => fe.privateIp)),
    ...[...f.pips.values()].map((p) => p.ip),
  ];
  if (s.behind && !addresses.includes(s.behind))
    return { outcome: 'not-found', name: s.behind, resourceGroups, known: f.lbs.map((l) => l.name) };
  // a Service named as the load balancer's that the cluster does not have: no load balancer is its
  const svc = s.service?.toLowerCase();
  // (a load balancer of ours named too is the one asked: "what's behind kubernetes-internal? ops call it 'the gate
  // LB'": the other name is what people call it https://learn.microsoft.com/azure/aks/load-balancer-standard)
  const lbNamed = s.pick.some((n) => known.has(n.toLowerCase()));
  const ours = known.has(svc ?? '') || lbNamed || f.services.some((x) => x.metadata.name === svc);
  if (svc && !ours && !shortFor(svc, f))
    return { outcome: 'not-found', name: svc, resourceGroups, known: f.lbs.map((l) => l.name), service: true };
  return undefined;
}

/** "the nginx LB frontend", "the ingress-nginx service", "the internal LB": words of a LoadBalancer Service's name
 * ("ingress-nginx-controller") or a load balancer's say one of ours, never a missing Service
 * https://kubernetes.io/docs/concepts/services-networking/service/#loadbalancer */
const shortFor = (word: string, f: LbFacts): boolean => {
  const part = new RegExp(String.raw`(^|-)${escapeRe(word)}(-|$)`);
  const lbServices = f.services.filter((x) => x.spec?.type === 'LoadBalancer').map((x) => x.metadata.name);
  return [...lbServices, ...f.lbs.map((l) => l.name.toLowerCase())].some((n) => part.test(n));
};

/** The one load balancer with a frontend on an address the question gives ("what's behind 10.110.0.68?"). */
function holding(at: string[] | undefined, f: LbFacts): string | undefined {
  const pipIp = (id?: string) => (id ? f.pips.get(idKey(id))?.ip : undefined);
  const holds = at?.length ? f.lbs.filter((lb) => frontendHolds(lb, at, pipIp)) : [];
  return holds.length === 1 ? holds[0].name : undefined;
}

const pickOnly = (all: LbFacts['lbs'], fronting: LbFacts['lbs'], only?: string) =>
  only ? all.filter((l) => l.name.toLowerCase() === only.toLowerCase()) : fronting;

// AGIC programs the gateway's backend pool with the pod IPs of the Ingress backend: the gateway sends to the pods
// itself, no LoadBalancer Service and no node hop https://learn.microsoft.com/azure/application-gateway/ingress-controller-overview
function gatewayView({ ingress, gateway }: GatewayServing, f: LbFacts): GatewayView {
  const ns = ingress.metadata.namespace ?? 'default';
  const backend = ingress.spec?.rules?.[0]?.http?.paths?.[0]?.backend?.service?.name;
  return {
    kind: 'agic',
    name: gateway.gateway?.name ?? '?',
    addresses: [
      ...gateway.publicIps.map((p) => `public ${p.ip}`),
      ...(gateway.gateway?.frontends ?? []).flatMap((fe) => (fe.privateIp ? [`private ${fe.privateIp}`] : [])),
    ],
    serves: `ingress ${ns}/${ingress.metadata.name}`,
    behind: backend ? readyPodsOf(backend, ns, f) : undefined,
  };
}

// Application Gateway for Containers proxies to the pod IPs of the route's backends; Front Door opens a new connection
// to its origin (the way in it points at), so what it reaches is that way in's Service
// https://learn.microsoft.com/azure/application-gateway/for-containers/application-gateway-for-containers-components
const edgeView = (e: EdgeServing, f: LbFacts): GatewayView => ({
  kind: e.kind,
  name: e.name,
  addresses: e.addresses,
  serves: e.serves,
  behind: e.backend ? readyPodsOf(e.backend.name, e.backend.namespace, f) : undefined,
});

/** The ready pods of a Service, as "pods name ip, …" (at most SHOWN). */
function readyPodsOf(name: string, ns: string, f: LbFacts): string | undefined {
  const svc = f.services.find((x) => x.metadata.name === name && (x.metadata.namespace ?? 'default') === ns);
  const ready = svc
    ? endpointsOf(svc, pickServicePort(svc), f.slices ?? [], f.endpoints ?? [], f.pods ?? []).filter((e) => e.ready)
    : [];
  const pods = ready.slice(0, SHOWN).map((e) => (e.podName ? `${e.podName} ${e.ip}` : e.ip));
  return pods.length ? `pods ${pods.join(', ')}` : undefined;
}

// A load balancer with a public IP frontend is public, else internal.
// https://learn.microsoft.com/en-us/azure/load-balancer/components
function viewOf(lb: LoadBalancer, f: LbFacts): LbView {
  const members = lbMembers(lb, f.nodes, f.nics);
  const membersText = describeMembers(members, f.nodes);
  // backends that are no node (an appliance's NIC) are named with their address: nothing else of ours shows them
  const others = otherMembers(lb, f.nodes, f.nics, SHOWN);
  return {
    name: lb.name,
    resourceGroup: lb.resourceGroup,
    kind: lb.frontends.some((fe) => fe.publicIpId) ? 'public' : 'internal',
    members,
    membersText: others?.length ? `${membersText}: ${others.join(', ')}` : membersText,
    rules: lb.rules,
    outbound: lb.outboundRules.flatMap((o) => outboundCapacity(lb, o, f.prefixes) ?? []),
    probes: lb.probes,
    poolAddresses: [...new Set(lb.pools.flatMap((p) => p.addresses))],
    pools: lb.pools.map((p) => ({ name: p.name, size: p.ipConfigIds.length + p.addresses.length })),
    frontends: lb.frontends.map((fe) => ({
      name: fe.name,
      address: addressOf(fe, f),
      purpose: frontendPurpose(lb, fe, f.services, membersText),
      behind: rulesOf(lb, fe).length ? podsBehind(serviceOfFrontend(fe, f.services), f) : undefined,
    })),
  };
}

function addressOf(fe: Frontend, f: LbFacts): FrontendAddress {
  if (fe.privateIp) return { kind: 'private', ip: fe.privateIp };
  const pip = fe.publicIpId ? f.pips.get(idKey(fe.publicIpId)) : undefined;
  const prefix = fe.publicIpId ? undefined : fe.publicIpPrefixId?.split('/').pop();
  const range = prefix ? f.prefixes?.get(idKey(fe.publicIpPrefixId!)) : undefined;
  return { kind: 'public', ip: pip?.ip, name: pip?.name ?? fe.publicIpId?.split('/').pop(), prefix, range };
}

const SHOWN = 6;

// A LoadBalancer Service's frontend sends its traffic on to the Service's ready endpoints; with externalTrafficPolicy
// Local only nodes running one of them pass the health probe and get traffic
// https://kubernetes.io/docs/tasks/access-application-cluster/create-external-load-balancer/#preserving-the-client-source-ip
// https://learn.microsoft.com/azure/aks/load-balancer-standard
function podsBehind(svc: Service | undefined, f: LbFacts): string | undefined {
  // (endpoints not read: nothing to say of the pods)
  if (!svc || (!f.slices && !f.endpoints)) return undefined;
  const ready = endpointsOf(svc, pickServicePort(svc), f.slices ?? [], f.endpoints ?? [], f.pods ?? []).filter(
    (e) => e.ready,
  );
  if (!ready.length) return 'no ready pods behind it';
  const named = ready.slice(0, SHOWN).map((e) => (e.podName ? `${e.podName} ${e.ip}` : e.ip));
  const more = ready.length > SHOWN ? ` and ${ready.length - SHOWN} more` : '';
  const pods = `pods ${named.join(', ')}${more}`;
  if (!keepsClientIp(svc)) return pods;
  const nodes = [...new Set(ready.map((e) => e.nodeName).filter(Boolean))];
  const pass = nodes.length === 1 ? 'passes' : 'pass';
  return `${pods} (externalTrafficPolicy Local: only ${nodes.join(', ') || 'their nodes'} ${pass} the probe)`;
}
