// The path facts of a live inventory over time, kept compact: the latest fact set and the changes between
// successive sets, each with the time it was seen. Bounded by age and count. Pure: no lookups.
import { compare, type Change } from '../diff/compare';
import type { Fact } from '../diff/describe';

export interface Recorded extends Change {
  /** when the change was first seen (ms since the epoch): between the previous record and this one */
  at: number;
  /** when the previous record was taken: the change happened after it */
  previousAt: number;
}

export interface HistoryOptions {
  /** how far back changes are kept (default 7 days) */
  windowMs?: number;
  /** changes kept at most (default 2000): the oldest go first */
  maxChanges?: number;
}

export const DAY_MS = 24 * 60 * 60 * 1000;

export class History {
  private readonly windowMs: number;
  private readonly maxChanges: number;
  private entries: Recorded[] = [];
  /** the latest fact set and when it was recorded */
  latest?: { at: number; facts: Fact[] };
  /** when the first fact set was recorded: nothing is known before */
  since?: number;
  /** fact sets recorded (for readiness and tests) */
  records = 0;

  constructor(o: HistoryOptions = {}) {
    this.windowMs = o.windowMs ?? 7 * DAY_MS;
    this.maxChanges = o.maxChanges ?? 2000;
  }

  /** Record a fact set seen at `at`; returns the changes since the previous one (none for the first). */
  record(facts: Fact[], at: number): Recorded[] {
    this.records++;
    const prev = this.latest;
    this.latest = { at, facts };
    if (!prev) {
      this.since = at;
      return [];
    }
    const added = compare(prev.facts, facts).changes.map((c) => ({ ...c, at, previousAt: prev.at }));
    this.entries.push(...added);
    this.prune(at);
    return added;
  }

  /** Changes seen at or after `from` (ms), oldest first. */
  changes(from: number): Recorded[] {
    return this.entries.filter((e) => e.at >= from);
  }

  private prune(now: number): void {
    const keepFrom = now - this.windowMs;
    this.entries = this.entries.filter((e) => e.at >= keepFrom).slice(-this.maxChanges);
    // what was pruned is no longer known: the history starts where its oldest change does
    if (this.since !== undefined && this.since < keepFrom) this.since = keepFrom;
  }
}
