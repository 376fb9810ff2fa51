// The path facts of an inventory, in a compact form two inventories can be compared by: what each workload
// group leaves as, where each host comes in, what the load balancers and firewalls carry, the SNAT budget, the verdicts
// between pods that talk. Every value comes from the families' own rules (facts → decide), run on
// representative subjects; nothing here decides a path itself.
import { egress } from '../egress';
import type { EgressAnswer } from '../egress/decide';
import { inbound } from '../inbound';
import type { InboundSubjects } from '../inbound/resolve';
import type { Inventory } from '../inventory/inventory';
import type { Pod } from '../inventory/k8s-types';
import { loadBalancers } from '../load-balancers';
import { workloadOf } from '../nlu/resolve';
import { isRunning } from '../path/kube';
import { newCtx } from './ctx';
import { describeRule, firewallFact, hostFact, lbFacts, NO_EGRESS, snatOf, type Fact } from './describe';
import { policyFacts } from './pairs';

export type { Fact, FactKind } from './describe';

/** Pods checked per workload group (replicas on other nodes may leave differently) and in all. */
const PODS_PER_GROUP = 10;
const PODS_IN_ALL = 400;

export interface FactSet {
  source: string;
  /** sorted by kind, then subject */
  facts: Fact[];
}

/** Workload groups (namespace/workload) → their running pods, sorted by name; pods not yet scheduled are left out. */
function workloadGroups(pods: Pod[]): Map<string, Pod[]> {
  const groups = new Map<string, Pod[]>();
  const sorted = [...pods].sort((a, b) => fullKey(a).localeCompare(fullKey(b)));
  for (const p of sorted) {
    if (!isRunning(p) || !p.spec?.nodeName) continue;
    const key = `${p.metadata.namespace ?? 'default'}/${workloadOf(p)}`;
    groups.set(key, [...(groups.get(key) ?? []), p]);
  }
  return groups;
}

const fullKey = (p: Pod) => `${p.metadata.namespace ?? 'default'}/${p.metadata.name}`;

/** The compact path facts of an inventory (sorted, normalised: another order or casing gives the same set). */
export async function pathFacts(inv: Inventory): Promise<FactSet> {
  const pods = await inv.list('Pod');
  const groups = workloadGroups(pods);
  const [eg, hosts, lbs, pairs] = await Promise.all([
    egressFacts(inv, groups),
    hostFacts(inv),
    lbFactsOf(inv),
    policyFacts(inv, groups),
  ]);
  const facts = dedupe([...eg, ...hosts, ...lbs, ...pairs]);
  facts.sort((a, b) => a.kind.localeCompare(b.kind) || a.subject.localeCompare(b.subject));
  return { source: inv.source, facts };
}

const dedupe = (facts: Fact[]): Fact[] => [...new Map(facts.map((f) => [`${f.kind}\n${f.subject}`, f])).values()];

/** Each group's egress: the addresses its replicas leave as and the rule that decides; the SNAT budget of that rule. */
async function egressFacts(inv: Inventory, groups: Map<string, Pod[]>): Promise<Fact[]> {
  const out: Fact[] = [];
  let budget = PODS_IN_ALL;
  for (const [group, pods] of groups) {
    const picked = pods.slice(0, Math.min(PODS_PER_GROUP, budget));
    budget -= picked.length;
    if (!picked.length) break;
    const answers = await Promise.all(picked.map((pod) => egressOf(inv, pod)));
    const seen = [...new Set(answers.flatMap((a) => a.seenAs))].sort();
    const rules = [...new Set(answers.map((a) => describeRule(a.answer)))].sort();
    out.push({ kind: 'egress', subject: group, value: seen.join(', ') || NO_EGRESS, detail: rules.join('; ') });
    for (const a of answers) {
      const rule = a.answer.kind === 'path' ? a.answer.rule : undefined;
      for (const f of rule ? [snatOf(rule), firewallFact(rule)] : []) if (f) out.push(f);
    }
  }
  return out;
}

async function egressOf(inv: Inventory, pod: Pod): Promise<{ answer: EgressAnswer; seenAs: string[] }> {
  const s = { pod };
  const answer = egress.decide(s, await egress.facts(s, newCtx(inv)));
  return { answer, seenAs: egress.narrate(answer).seenAs ?? [] };
}

/** Every route, ingress and HTTPRoute host: the address it is reached at and the front that carries it. */
async function hostFacts(inv: Inventory): Promise<Fact[]> {
  const [routes, ingresses, httpRoutes] = await Promise.all([
    inv.list('Route'),
    inv.list('Ingress'),
    inv.list('HTTPRoute'),
  ]);
  const subjects: { host: string; s: InboundSubjects }[] = [
    ...routes.map((route) => ({ host: route.spec?.host ?? route.metadata.name, s: { route } })),
    ...ingresses.flatMap((ingress) =>
      (ingress.spec?.rules ?? []).map((r) => ({ host: r.host ?? '*', s: { ingress, host: r.host } })),
    ),
    ...httpRoutes.flatMap((httpRoute) =>
      (httpRoute.spec?.hostnames ?? ['*']).map((host) => ({ host, s: { httpRoute, host } as InboundSubjects })),
    ),
  ];
  return Promise.all(
    subjects.map(async ({ host, s }) => {
      const d = inbound.decide(s, await inbound.facts(s, newCtx(inv)));
      return hostFact(host.toLowerCase(), d, inbound.narrate(d));
    }),
  );
}

/** The load balancers' frontends (address) and rules, as the load balancer list reads them. */
async function lbFactsOf(inv: Inventory): Promise<Fact[]> {
  const s = { pick: [] };
  const d = loadBalancers.decide(s, await loadBalancers.facts(s, newCtx(inv)));
  return d.outcome === 'listed' ? d.lbs.flatMap(lbFacts) : [];
}
