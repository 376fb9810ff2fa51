// Collects failed lookups as data so a partial path still renders. Every
// lookup of every family goes through one Trace per question.
import { LookupError } from '../inventory/inventory';
import type { ErrorCode, LookupFailure } from './result';

export class Trace {
  readonly errors: LookupFailure[] = [];

  /** Run a lookup; on failure record it and return undefined. */
  async try<T>(lookup: string, fn: () => Promise<T>): Promise<T | undefined> {
    try {
      return await fn();
    } catch (e) {
      if (e instanceof LookupError) this.fail(e.lookup, e.reason, e.code);
      else this.fail(lookup, (e as Error)?.message ?? String(e), 'unavailable');
      return undefined;
    }
  }

  /** Run a list lookup: a failure is recorded and the list is empty (the answer then says what it could not check). */
  async list<T>(lookup: string, fn: () => Promise<T[]>): Promise<T[]> {
    return (await this.try(lookup, fn)) ?? [];
  }

  fail(lookup: string, reason: string, code: ErrorCode = 'missing'): void {
    if (!this.errors.some((x) => x.lookup === lookup && x.reason === reason))
      this.errors.push({ lookup, reason, code });
  }

  /** Did a lookup of this name fail already? (so a consequence is not reported twice) */
  failed(lookup: string): boolean {
    return this.errors.some((e) => e.lookup === lookup);
  }
}
