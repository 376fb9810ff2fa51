// The lookups of an east-west or policy answer, each through the trace: a
// failed one is an entry in errors and an undefined list here. A question
// about the Internet reads the egress family's facts instead.
import type { Ctx } from '../family';
import { egress } from '../egress';
import type { ClusterInfo } from '../inventory/inventory';
import type {
  EndpointSlice,
  Endpoints,
  Namespace,
  NetworkPolicy,
  Node,
  OtherPolicy,
  Pod,
  Service,
} from '../inventory/k8s-types';
import type { EastWestSubjects } from './resolve';

export type EgressSubjects = Parameters<typeof egress.decide>[0];
export type EgressFacts = Parameters<typeof egress.decide>[1];

export interface PairFacts {
  kind: 'pair';
  pods?: Pod[];
  services?: Service[];
  slices?: EndpointSlice[];
  legacy?: Endpoints[];
  nodes?: Node[];
  policies?: NetworkPolicy[];
  namespaces?: Namespace[];
  cluster?: ClusterInfo;
  /** AdminNetworkPolicy, BaselineAdminNetworkPolicy, Cilium policies: present or not (not evaluated) */
  otherPolicies?: OtherPolicies;
}

export type OtherPolicies = Partial<Record<OtherPolicyKind, OtherPolicy[]>>;

const OTHER_POLICY_KINDS = [
  'AdminNetworkPolicy',
  'BaselineAdminNetworkPolicy',
  'CiliumNetworkPolicy',
  'CiliumClusterwideNetworkPolicy',
] as const;
type OtherPolicyKind = (typeof OTHER_POLICY_KINDS)[number];

export interface InternetFacts {
  kind: 'internet';
  /** the egress question the Internet answer is about */
  subjects: EgressSubjects;
  egress: EgressFacts;
}

export type EastWestFacts = PairFacts | InternetFacts;

export async function facts(s: EastWestSubjects, ctx: Ctx): Promise<EastWestFacts> {
  if ('internet' in s) {
    const subjects: EgressSubjects = { pod: s.from, destination: s.destination };
    return { kind: 'internet', subjects, egress: await egress.facts(subjects, ctx) };
  }
  const { inv, trace } = ctx;
  const [pods, services, slices, legacy, nodes, policies, namespaces, cluster] = await Promise.all([
    trace.try('pods', () => inv.list('Pod')),
    trace.try('services', () => inv.list('Service')),
    trace.try('endpoint slices', () => inv.list('EndpointSlice')),
    trace.try('endpoints', () => inv.list('Endpoints')),
    trace.try('nodes', () => inv.list('Node')),
    trace.try('network policies', () => inv.list('NetworkPolicy')),
    trace.try('namespaces', () => inv.list('Namespace')),
    trace.try('cluster', () => inv.cluster()),
  ]);
  const others = await Promise.all(
    OTHER_POLICY_KINDS.map(async (k) => [k, await trace.try(k, () => inv.list(k))] as const),
  );
  const otherPolicies: OtherPolicies = Object.fromEntries(others.filter(([, v]) => v?.length));
  return { kind: 'pair', pods, services, slices, legacy, nodes, policies, namespaces, cluster, otherPolicies };
}
