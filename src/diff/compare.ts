// Two fact sets → what changed on the path, each change with one sentence on what it means for the other side.
// Pure: no lookups.
import { NO_EGRESS, type Fact, type FactKind } from './describe';

export interface Change {
  kind: FactKind;
  subject: string;
  /** the fact before (value, and what decides it in parentheses); null when it is new */
  before: string | null;
  /** the fact after; null when it is gone */
  after: string | null;
  impact: string;
}

export interface Diff {
  changes: Change[];
}

/** The order changes are listed in: what partners see first. */
const ORDER: FactKind[] = ['egress', 'host', 'snat', 'lb-frontend', 'lb-rules', 'firewall-rules', 'policy'];

const keyOf = (f: Fact) => `${f.kind}\n${f.subject.toLowerCase()}`;
const same = (a: Fact, b: Fact) =>
  a.value.toLowerCase() === b.value.toLowerCase() && (a.detail ?? '').toLowerCase() === (b.detail ?? '').toLowerCase();
const shown = (f: Fact | undefined): string | null => (f ? (f.detail ? `${f.value} (${f.detail})` : f.value) : null);

export function compare(before: readonly Fact[], after: readonly Fact[]): Diff {
  const old = new Map(before.map((f) => [keyOf(f), f]));
  const now = new Map(after.map((f) => [keyOf(f), f]));
  const changes: Change[] = [];
  for (const k of new Set([...old.keys(), ...now.keys()])) {
    const [b, a] = [old.get(k), now.get(k)];
    if (b && a && same(b, a)) continue;
    const f = (a ?? b)!;
    changes.push({ kind: f.kind, subject: f.subject, before: shown(b), after: shown(a), impact: impactOf(b, a) });
  }
  changes.sort((x, y) => ORDER.indexOf(x.kind) - ORDER.indexOf(y.kind) || x.subject.localeCompare(y.subject));
  return { changes };
}

/** One sentence: what the change means for whoever relies on the old fact. */
function impactOf(b: Fact | undefined, a: Fact | undefined): string {
  if (!b) return addedImpact(a!);
  if (!a) return removedImpact(b);
  const valueChanged = b.value.toLowerCase() !== a.value.toLowerCase();
  switch (a.kind) {
    case 'egress':
      if (!valueChanged)
        return `${a.subject} still leaves as ${a.value}, but through ${a.detail} instead of ${b.detail}.`;
      if (b.value === NO_EGRESS) return `${a.subject} now reaches the Internet as ${a.value} (${a.detail}).`;
      if (a.value === NO_EGRESS)
        return `${a.subject} no longer reaches the Internet (it left as ${b.value}; now ${a.detail}).`;
      return (
        `Partners allowlisting ${b.value} will see ${a.value} from ${a.subject} ` +
        `(${a.detail === b.detail ? 'through' : 'now'} ${a.detail}).`
      );
    case 'host':
      return valueChanged
        ? `Clients of ${a.subject} now reach ${a.value} instead of ${b.value}: ` +
            `DNS records and firewall rules for ${b.value} are stale.`
        : `${a.subject} is now served by ${a.detail} instead of ${b.detail}.`;
    case 'snat':
      return `SNAT budget of ${a.subject}: ${a.value} (was ${b.value})${a.detail !== b.detail ? `; ${a.detail}` : ''}.`;
    case 'lb-frontend':
      return `Load balancer frontend ${a.subject} now has ${a.value} instead of ${b.value}.`;
    case 'lb-rules':
      return `Load balancer ${a.subject} rules changed: ${ruleDelta(b.value, a.value)}.`;
    case 'firewall-rules':
      // rules are processed in order, the first match decides: a new order alone changes what passes
      // https://learn.microsoft.com/azure/firewall/rule-processing
      return (
        `Azure Firewall ${a.subject} rules changed: ` +
        `${ruleDelta(b.value, a.value) || 'the same rules in another order (priorities changed)'}.`
      );
    case 'policy':
      return policyImpact(b, a);
  }
}

function policyImpact(b: Fact, a: Fact): string {
  const [was, now] = [b.value.split(' ')[0], a.value.split(' ')[0]];
  if (b.value.toLowerCase() === a.value.toLowerCase())
    return `Traffic from ${a.subject} is still ${a.value}; the layers deciding it changed: ${a.detail ?? 'none left'}.`;
  if (was === now) return `Traffic from ${a.subject} is still ${now}, but ${a.value} now (was ${b.value}).`;
  return `Traffic from ${a.subject} is now ${a.value} (was ${b.value}).`;
}

const LABEL: Record<FactKind, string> = {
  egress: 'workload',
  host: 'host',
  snat: 'SNAT budget of',
  'lb-frontend': 'load balancer frontend',
  'lb-rules': 'rules of load balancer',
  'firewall-rules': 'rules of Azure Firewall',
  policy: 'pair',
};

function addedImpact(a: Fact): string {
  switch (a.kind) {
    case 'egress':
      return `New workload ${a.subject} leaves as ${a.value} (${a.detail}).`;
    case 'host':
      return `New host ${a.subject} is reached at ${a.value} (${a.detail}).`;
    case 'policy':
      return `Traffic from ${a.subject} (a pair not checked before): ${a.value}.`;
    default:
      return `New ${LABEL[a.kind]} ${a.subject}: ${a.value}.`;
  }
}

function removedImpact(b: Fact): string {
  switch (b.kind) {
    case 'egress':
      return `${b.subject} no longer runs (it left as ${b.value}).`;
    case 'host':
      return `${b.subject} is no longer served (it was reached at ${b.value}).`;
    case 'policy':
      return `Traffic from ${b.subject} is no longer checked (a side is gone; it was ${b.value}).`;
    default:
      return `${LABEL[b.kind]} ${b.subject} is gone (was ${b.value}).`.replace(/^./, (c) => c.toUpperCase());
  }
}

/** Rules added and removed between two "; "-separated rule lists. */
function ruleDelta(before: string, after: string): string {
  const [b, n] = [new Set(before.split('; ')), new Set(after.split('; '))];
  const added = [...n].filter((x) => !b.has(x));
  const removed = [...b].filter((x) => !n.has(x));
  return [added.length ? `added ${added.join(', ')}` : '', removed.length ? `removed ${removed.join(', ')}` : '']
    .filter(Boolean)
    .join('; ');
}
