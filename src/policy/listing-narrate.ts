// A policy listing in words: the policies selecting a pod (isolated or not,
// per direction), one named policy (what it selects, allows, denies), a
// namespace as the client of a pod. Pure.
import type { LabelSelector, NetworkPolicyPeer } from '../inventory/k8s-types';
import type { Direction, Verdict } from '../path/policy';
import { result, type Fact, type Hop, type PathResult } from '../path/result';
import {
  DIRECTIONS,
  portWords,
  type ListDecision,
  type NamedDecision,
  type PodSet,
  type PolicyView,
  type RuleView,
  type SelectsDecision,
  type SourceRow,
  type SourcesDecision,
} from './listing';

const SHOWN = 4;

/** "app=api, tier in (web,api)"; empty: undefined (it selects everything). */
function selectorWords(sel: LabelSelector | undefined): string | undefined {
  const labels = Object.entries(sel?.matchLabels ?? {}).map(([k, v]) => `${k}=${v}`);
  const exprs = (sel?.matchExpressions ?? []).map((e) => {
    const op = e.operator.toLowerCase();
    if (op === 'exists') return e.key;
    if (op === 'doesnotexist') return `!${e.key}`;
    return `${e.key} ${op === 'notin' ? 'notin' : 'in'} (${(e.values ?? []).join(',')})`;
  });
  const all = [...labels, ...exprs];
  return all.length ? all.join(', ') : undefined;
}

/** A peer as the user reads it in YAML: pod selector, namespace selector (both: AND), or an address block. */
function peerWords(peer: NetworkPolicyPeer, policyNs: string): string {
  if (peer.ipBlock) {
    const except = peer.ipBlock.except?.length ? ` except ${peer.ipBlock.except.join(', ')}` : '';
    return `addresses ${peer.ipBlock.cidr}${except}`;
  }
  const pods = selectorWords(peer.podSelector);
  const who = pods ? `pods ${pods}` : 'every pod';
  if (!peer.namespaceSelector) return `${who} in ${policyNs}`;
  const ns = selectorWords(peer.namespaceSelector);
  return ns ? `${who} in namespaces ${ns}` : `${who} in every namespace`;
}

const listed = (xs: string[]): string =>
  xs.length > SHOWN ? `${xs.slice(0, SHOWN).join(', ')} and ${xs.length - SHOWN} more` : xs.join(', ');

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function ruleWords(dir: Direction, r: RuleView, ns: string): string {
  const any = dir === 'Ingress' ? 'any source (inside or outside the cluster)' : 'any destination';
  const peers = r.peers
    ? r.peers
        .map((p) => {
          const matched = p.peer.ipBlock ? '' : p.pods.length ? ` (${listed(p.pods)})` : ' (no running pod matches)';
          return `${peerWords(p.peer, ns)}${matched}`;
        })
        .join(' or ')
    : any;
  const ports = r.ports ? r.ports.map(portWords).join(', ') : 'every port';
  return `${dir === 'Ingress' ? 'from' : 'to'} ${peers} on ${ports}`;
}

/** "db-allow-api allows from pods app=api in shop (shop/api-1) on TCP 5432"; no rule: "allows no ingress". */
function policyLine(v: PolicyView, dir: Direction): string {
  const rules = v.rules[dir] ?? [];
  if (!rules.length) return `${v.name} allows no ${dir.toLowerCase()} at all (deny-all)`;
  return `${v.name} allows ${rules.map((r) => ruleWords(dir, r, v.namespace)).join('; or ')}`;
}

function enforcementLead(d: ListDecision): string {
  if (d.enforcement.enforced === false) return `Not enforced: ${d.enforcement.why}, so none of this filters traffic. `;
  return '';
}

/** The last line: who enforces the policies (a cluster without an engine was said first). */
const enforcementTail = (d: ListDecision): string =>
  d.enforcement.enforced ? `\nEnforcement: ${d.enforcement.why}.` : '';

function warningsOf(d: ListDecision): string[] {
  const out: string[] = [];
  if (d.enforcement.enforced === undefined) out.push(`${d.enforcement.why}: described as if enforced`);
  if (d.unevaluated.length) out.push(`Also present, not evaluated here: ${d.unevaluated.join(', ')}`);
  return out;
}

const verifyOf = (ns: string, names: string[], more: string[] = []) => [
  `kubectl get networkpolicy -n ${ns} -o yaml`,
  ...names.map((n) => `kubectl describe networkpolicy ${n} -n ${ns}`),
  ...more,
];

const podHop = (name: string | undefined): Hop[] => (name ? [{ kind: 'pod', name }] : []);

export function narrateList(d: ListDecision): PathResult {
  if (d.list === 'selects') return narrateSelects(d);
  if (d.list === 'policy') return narrateNamed(d);
  return narrateSources(d);
}

/** One direction of one set of pods: isolated by which policies and what each allows, or open. */
function directionWords(dir: Direction, set: PodSet, views: PolicyView[]): string {
  const names = set.selectedBy[dir];
  const d = dir.toLowerCase();
  if (!names.length) return `not isolated for ${d} (selected by no ${d} policy): every ${d} connection is allowed`;
  const lines = names.map((n) =>
    policyLine(
      views.find((v) => v.name === n)!,
      dir,
    ),
  );
  return `isolated for ${d} by ${plural(names.length, 'policy', 'policies')}: ${lines.join('; ')}`;
}

function narrateSelects(d: SelectsDecision): PathResult {
  const many = (set: PodSet) => set.pods.length > 1;
  const sentence = (set: PodSet) =>
    DIRECTIONS.map((dir) => directionWords(dir, set, d.views))
      .join(many(set) ? '. They are ' : '. It is ')
      .concat('.');
  const none = d.sets.every((s) => DIRECTIONS.every((dir) => !s.selectedBy[dir].length));
  let answer: string;
  if (none)
    answer = `No NetworkPolicy selects ${d.subject}: it is not isolated, every connection in and out is allowed.`;
  else if (d.sets.length === 1) answer = `${d.subject} ${many(d.sets[0]) ? 'are' : 'is'} ${sentence(d.sets[0])}`;
  else
    answer =
      `${d.subject}: its pods fall into ${d.sets.length} sets of policies:\n` +
      d.sets.map((s) => `• ${listed(s.pods)} ${many(s) ? 'are' : 'is'} ${sentence(s)}`).join('\n');
  if (d.views.length) answer += '\nPolicies add up: a connection is allowed if any policy selecting the pod allows it.';
  answer += enforcementTail(d);
  const facts: Fact[] = DIRECTIONS.map((dir) => ({
    label: dir,
    value: [...new Set(d.sets.flatMap((s) => s.selectedBy[dir]))].join(', ') || 'not isolated',
  }));
  facts.push({ label: 'Enforcement', value: d.enforcement.why });
  const isolated = DIRECTIONS.filter((dir) => d.sets.some((s) => s.selectedBy[dir].length)).map((x) => x.toLowerCase());
  return result('policy', 'answered', enforcementLead(d) + answer, {
    title: `NetworkPolicies on ${d.subject}: ${isolated.length ? `isolated for ${isolated.join(' and ')}` : 'none'}`,
    hops: podHop(d.hop),
    warnings: warningsOf(d),
    verify: verifyOf(
      d.namespace,
      d.views.map((v) => v.name),
      [`kubectl get pods -n ${d.namespace} --show-labels`],
    ),
    facts,
  });
}

function namedDirection(d: NamedDecision, dir: Direction): string {
  const v = d.view;
  const low = dir.toLowerCase();
  if (!v.types.includes(dir)) {
    const by = d.untouched[dir] ?? [];
    const rest = by.length
      ? `their ${low} is isolated by ${by.join(', ')}`
      : `no policy selects them for ${low}: every ${low} connection is allowed`;
    return `${dir}: not in its policyTypes, it does not restrict ${low}; ${rest}.`;
  }
  const rules = v.rules[dir] ?? [];
  const allows = rules.length
    ? `it allows ${rules.map((r) => ruleWords(dir, r, v.namespace)).join('; or ')}`
    : `it allows nothing`;
  const others = d.others[dir] ?? [];
  const plus = others.length ? `; also selecting them: ${others.map((o) => policyLine(o, dir)).join('; ')}` : '';
  const shut = d.shut[dir] ?? [];
  const denied = shut.length
    ? ` Every other ${low} connection is denied: ${plural(shut.length, 'running pod')} match no rule (${listed(shut)}).`
    : ` Every other ${low} connection is denied.`;
  return `${dir}: ${allows}${plus}.${denied}`;
}

function narrateNamed(d: NamedDecision): PathResult {
  const v = d.view;
  const sel = selectorWords(v.policy.spec?.podSelector);
  const what = sel ? `pods ${sel} in ${v.namespace}` : `every pod in ${v.namespace}`;
  const selects = v.selects.length
    ? `${plural(v.selects.length, 'running pod')} (${listed(v.selects)})`
    : 'no running pod';
  const lead = `NetworkPolicy ${v.namespace}/${v.name} selects ${what}: ${selects}; policyTypes ${v.types.join(', ')}.`;
  const body = DIRECTIONS.map((dir) => namedDirection(d, dir));
  const node = v.types.includes('Ingress') ? ['Connections from the pod’s own node are always allowed.'] : [];
  const others = Object.values(d.others)
    .flat()
    .map((o) => o!.name);
  const answer = enforcementLead(d) + [lead, ...body, ...node].join('\n') + enforcementTail(d);
  return result('policy', 'answered', answer, {
    title: `NetworkPolicy ${v.namespace}/${v.name} (${v.types.join(', ')})`,
    hops: podHop(d.hop),
    warnings: warningsOf(d),
    verify: verifyOf(
      v.namespace,
      [v.name, ...new Set(others)],
      [`kubectl get pods -n ${v.namespace} -l '${sel ?? ''}' -o wide`],
    ),
    facts: [
      { label: 'Selects', value: what },
      { label: 'policyTypes', value: v.types.join(', ') },
      { label: 'Enforcement', value: d.enforcement.why },
    ],
  });
}

/** The side that refuses: egress at the source, else ingress at the target. */
const refusal = (r: { ingress: Verdict; egress: Verdict }): Verdict | undefined =>
  [r.egress, r.ingress].find((v) => !v.allowed);

/** The policies deciding one source's row, as `ns/name` (egress ones live in the source's namespace). */
function deciding(d: SourcesDecision, r: SourceRow): string[] {
  const named = (v: Verdict) => v.policies.map((p) => `${v.direction === 'Egress' ? d.namespace : d.toNamespace}/${p}`);
  const v = refusal(r);
  return v ? named(v) : [...named(r.egress), ...named(r.ingress)];
}

/** What happens to one source, in words shared by every source it happens to. */
function outcome(d: SourcesDecision, r: SourceRow, on: string): string {
  const v = refusal(r);
  const by = deciding(d, r).join(', ');
  if (!v) return by ? `allowed by ${by}` : 'allowed: no policy isolates either end';
  if (v.direction === 'Ingress') return `${d.to} is isolated for ingress by ${by} and no rule lets them in${on}`;
  return `their egress is isolated by ${by} and no rule lets them out to ${d.to}${on}`;
}

/** The path drawn: a pod of the namespace (the client said as its pods) to the target. */
const sourcesHops = (d: SourcesDecision): Hop[] => [...podHop(d.rows[0]?.pod), ...podHop(d.to)];

function narrateSources(d: SourcesDecision): PathResult {
  const on = d.port !== undefined ? ` on ${d.protocol} ${d.port}` : '';
  const where = `namespace ${d.namespace}`;
  if (!d.rows.length)
    return result('policy', 'answered', `No running pod in ${where} to check against ${d.to}.`, {
      hops: podHop(d.to),
    });
  if (d.port === undefined) return sourcesAnyPort(d);
  const ok = d.rows.filter((r) => !refusal(r));
  const notEnforced = d.enforcement.enforced === false;
  const by = [...new Set(d.rows.flatMap((r) => deciding(d, r)))];
  const groups = new Map<string, string[]>();
  for (const r of d.rows) groups.set(outcome(d, r, on), [...(groups.get(outcome(d, r, on)) ?? []), r.pod]);
  const pods = plural(d.rows.length, 'running pod');
  const [first] = groups.keys();
  const all = ok.length ? 'Yes: all' : 'No: none of the';
  let answer: string;
  if (groups.size === 1) answer = `${all} ${pods} in ${where} may connect to ${d.to}${on} — ${first}.`;
  else
    answer =
      `${ok.length} of ${pods} in ${where} may connect to ${d.to}${on}:\n` +
      [...groups].map(([words, names]) => `• ${listed(names)}: ${words}`).join('\n');
  const same = !ok.length || ok.length === d.rows.length;
  return result('policy', 'answered', enforcementLead(d) + answer + enforcementTail(d), {
    title: `Pods of ${where} → ${d.to}${on}`,
    hops: sourcesHops(d),
    warnings: warningsOf(d),
    verify: verifyOf(
      d.toNamespace,
      by.filter((n) => n.startsWith(`${d.toNamespace}/`)).map((n) => n.split('/')[1]),
      [`kubectl get namespace ${d.namespace} --show-labels`],
    ),
    verdict: notEnforced ? { allowed: true, by: [] } : same ? { allowed: ok.length > 0, by } : undefined,
    // one layer row when every source shares the outcome; mixed outcomes are the per-pod lines
    layers:
      same || notEnforced
        ? [
            {
              layer: 'network-policy',
              verdict: notEnforced ? 'not-enforced' : ok.length ? 'allowed' : 'denied',
              by: by.join(', ') || undefined,
              note: `${ok.length} of ${d.rows.length} pods of ${where} allowed`,
            },
          ]
        : undefined,
  });
}

/** No port: per source, the ports the rules open (or every port). */
function sourcesAnyPort(d: SourcesDecision): PathResult {
  const where = `namespace ${d.namespace}`;
  const line = (r: SourcesDecision['rows'][number]) => {
    if (r.ports === undefined) return 'every port (no ingress rule at the target limits the port)';
    return r.ports.length ? r.ports.join(', ') : 'nothing (no ingress rule lets them in)';
  };
  const groups = new Map<string, string[]>();
  for (const r of d.rows) groups.set(line(r), [...(groups.get(line(r)) ?? []), r.pod]);
  const parts = [...groups].map(([ports, pods]) => `${listed(pods)}: ${ports}`);
  const egress = d.rows.filter((r) => !r.egress.allowed).map((r) => r.egress.reason);
  const answer =
    `What ${d.to} accepts from the ${plural(d.rows.length, 'running pod')} of ${where}: ${parts.join('; ')}.` +
    (egress.length ? ` At the source: ${egress[0]}.` : '');
  const by = [...new Set(d.rows.flatMap((r) => r.ingress.policies))];
  return result('policy', 'answered', enforcementLead(d) + answer + enforcementTail(d), {
    title: `Pods of ${where} → ${d.to}`,
    hops: sourcesHops(d),
    warnings: warningsOf(d),
    verify: verifyOf(d.toNamespace, by, [`kubectl get namespace ${d.namespace} --show-labels`]),
  });
}
