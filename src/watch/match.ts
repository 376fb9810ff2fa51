// Which recorded changes a subscription's filter matches, and the id that keeps each from being sent twice. Pure.
import type { Recorded } from '../changes/history';
import { factKinds, type Filter } from './command';
import { escapeRe } from '../regex';

/**
 * What changed, from what to what: the same on every replica (each records at its own time), so replicas sharing
 * the store claim a change once. The same transition seen again later is a new change once the claim expired.
 */
export const changeId = (c: Recorded): string =>
  [c.kind, c.subject, c.before ?? '', c.after ?? ''].join('|').toLowerCase();

/**
 * A change is in a namespace when its subject names an object there: "ns/app" (egress), "client → ns/svc:port"
 * (policy), or a route's default host "name-ns.apps…".
 */
function inNamespace(subject: string, ns: string): boolean {
  const s = subject.toLowerCase();
  return new RegExp(`(^|[\\s(→>])${escapeRe(ns)}/`).test(s) || new RegExp(`^[a-z0-9-]+-${escapeRe(ns)}\\.`).test(s);
}

export function matches(f: Filter, c: Recorded): boolean {
  if (f.kinds.length && !f.kinds.some((k) => factKinds(k).includes(c.kind))) return false;
  if (f.scope.kind === 'namespace') return inNamespace(c.subject, f.scope.name);
  if (f.scope.kind === 'name') return c.subject.toLowerCase().includes(f.scope.name);
  return true;
}
