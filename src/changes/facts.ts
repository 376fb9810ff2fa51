// The history kept for the inventory (live only) and the time of the question.
import type { Ctx } from '../family';
import type { History } from './history';
import { historyOf, isWatchable, startHistory } from './recorder';
import type { ChangesSubjects } from './resolve';

export interface ChangesFacts {
  /** absent for a snapshot or the demo: history needs a live cluster */
  history?: History;
  live: boolean;
  source: string;
  now: number;
}

export async function facts(_s: ChangesSubjects, { inv }: Ctx): Promise<ChangesFacts> {
  const live = isWatchable(inv);
  // the first question about changes on a live inventory starts its history when nothing started it before
  const history = live ? (historyOf(inv) ?? startHistory(inv)?.history) : undefined;
  return { history, live, source: inv.source, now: Date.now() };
}
