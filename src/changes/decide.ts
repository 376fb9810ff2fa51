// Which recorded changes answer the question: those of the window, of the kinds asked, about the names asked.
// Pure.
import type { Fact } from '../diff/describe';
import type { ChangesFacts } from './facts';
import type { Recorded } from './history';
import { DAY_MS } from './history';
import type { ChangesSubjects, Window } from './resolve';

export type ChangesDecision =
  | { kind: 'no-history'; source: string }
  | {
      kind: 'listed';
      window: Window;
      /** start of the window (ms) */
      from: number;
      /** history is known from here on (the window may start earlier) */
      since?: number;
      changes: Recorded[];
      /** the latest facts the question is about (what holds now, for a "no change" answer) */
      current: Fact[];
      /** what the changes were filtered by, in words ("sqlapi", "egress") */
      about: string[];
    };

function startOf(w: Window, now: number): number {
  if (w.kind === 'last') return now - w.ms;
  return Math.floor(now / DAY_MS) * DAY_MS - w.daysBack * DAY_MS;
}

const mentions = (s: ChangesSubjects, subject: string): boolean =>
  !s.names.length || s.names.some((n) => subject.toLowerCase().includes(n.toLowerCase()));

export function decide(s: ChangesSubjects, f: ChangesFacts): ChangesDecision {
  if (!f.history) return { kind: 'no-history', source: f.source };
  const from = startOf(s.window, f.now);
  const ofKind = (k: Fact['kind']) => !s.kinds.length || s.kinds.includes(k);
  const changes = f.history
    .changes(from)
    .filter((c) => ofKind(c.kind) && mentions(s, c.subject) && (!s.ip || (c.after ?? '').includes(s.ip)));
  const current = (f.history.latest?.facts ?? []).filter(
    (x) => ofKind(x.kind) && s.names.length > 0 && mentions(s, x.subject),
  );
  return {
    kind: 'listed',
    window: s.window,
    from,
    since: f.history.since,
    changes,
    current,
    about: [...s.names, ...(s.ip ? [s.ip] : []), ...s.kinds],
  };
}
