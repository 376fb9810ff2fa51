// The verdicts between pods that talk: every Service with a selector, asked from one replica of each client
// workload (those selected by a Service, and those in a namespace with a NetworkPolicy). Bounded: a large
// cluster is sampled, never walked pair by pair.
import type { EastWestSubjects } from '../east-west/resolve';
import type { Inventory } from '../inventory/inventory';
import type { NetworkPolicy, Pod, Service } from '../inventory/k8s-types';
import { policy } from '../policy';
import type { PathResult } from '../path/result';
import type { Fact } from './describe';
import { newCtx } from './ctx';

/** Pairs checked at most (clients × Services). */
const PAIR_LIMIT = 200;

const selects = (svc: Service, pod: Pod): boolean => {
  const sel = svc.spec?.selector;
  if (!sel || !Object.keys(sel).length || svc.metadata.namespace !== pod.metadata.namespace) return false;
  return Object.entries(sel).every(([k, v]) => pod.metadata.labels?.[k] === v);
};

/** The client workloads: selected by a Service, or in a namespace where a NetworkPolicy applies. */
function clientsOf(groups: Map<string, Pod[]>, services: Service[], policies: NetworkPolicy[]): [string, Pod][] {
  const guarded = new Set(policies.map((p) => p.metadata.namespace));
  return [...groups]
    .filter(([, pods]) => guarded.has(pods[0].metadata.namespace) || services.some((s) => selects(s, pods[0])))
    .map(([group, pods]) => [group, pods[0]]);
}

export async function policyFacts(inv: Inventory, groups: Map<string, Pod[]>): Promise<Fact[]> {
  const [services, policies] = await Promise.all([inv.list('Service'), inv.list('NetworkPolicy')]);
  const servers = services
    .filter((s) => Object.keys(s.spec?.selector ?? {}).length && s.spec?.ports?.length)
    .sort((a, b) => key(a).localeCompare(key(b)));
  const pairs: { group: string; from: Pod; svc: Service }[] = [];
  for (const [group, from] of clientsOf(groups, servers, policies))
    for (const svc of servers) if (!selects(svc, from) && pairs.length < PAIR_LIMIT) pairs.push({ group, from, svc });
  return Promise.all(pairs.map(({ group, from, svc }) => pairFact(inv, group, from, svc)));
}

const key = (s: Service) => `${s.metadata.namespace}/${s.metadata.name}`;

async function pairFact(inv: Inventory, group: string, from: Pod, svc: Service): Promise<Fact> {
  const port = svc.spec!.ports![0].port;
  const s: EastWestSubjects = { from, to: { name: `${svc.metadata.name}.${svc.metadata.namespace}` }, port };
  const r = policy.narrate(policy.decide(s, await policy.facts(s, newCtx(inv))));
  return {
    kind: 'policy',
    subject: `${group} → ${key(svc)}:${port}`,
    value: verdictOf(r),
    detail: layersOf(r) || undefined,
  };
}

/** allowed / denied and by what (NSG rule names are Azure names: lower-cased) */
function verdictOf(r: PathResult): string {
  if (!r.verdict) return r.status;
  const by = r.verdict.by.length ? ` by ${[...r.verdict.by].sort().join(', ')}` : '';
  return `${r.verdict.allowed ? 'allowed' : 'denied'}${by}`.toLowerCase();
}

/**
 * The layers that did not simply allow (a deny, what could not be seen or is not enforced), lower-cased (NSG names
 * are Azure names), sorted. Layers that allow are left out: which ones the packet crosses depends on where the pods
 * run, and a pod moving to another node is a change only when it changes the verdict.
 */
const layersOf = (r: PathResult): string =>
  [
    ...new Set(
      (r.layers ?? [])
        .filter((l) => l.verdict !== 'allowed' && l.verdict !== 'not-applicable')
        // a NetworkPolicy deny is the verdict itself (its policies in `value`)
        .filter((l) => !(l.layer === 'network-policy' && l.verdict === 'denied'))
        .map((l) => `${l.layer} ${l.verdict}${l.by ? ` (${l.by})` : ''}`.toLowerCase()),
    ),
  ]
    .sort()
    .join('; ');
