// Collects failed lookups as data so a partial path still renders.
import { LookupError } from '../inventory/inventory';
import type { LookupFailure } from './result';

export class Trace {
  readonly errors: LookupFailure[] = [];

  /** Run a lookup; on failure record it and return undefined. */
  async try<T>(lookup: string, fn: () => Promise<T>): Promise<T | undefined> {
    try {
      return await fn();
    } catch (e) {
      this.fail(
        e instanceof LookupError ? e.lookup : lookup,
        e instanceof LookupError ? e.reason : ((e as Error)?.message ?? String(e)),
      );
      return undefined;
    }
  }

  fail(lookup: string, reason: string): void {
    if (!this.errors.some((x) => x.lookup === lookup && x.reason === reason)) this.errors.push({ lookup, reason });
  }
}
