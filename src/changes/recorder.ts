// Keeps the history of a live inventory: records its path facts when the informer caches change (polled through
// their generation counter) and every few minutes (Azure data has no watch: its caches refresh on their TTL).
import { pathFacts } from '../diff/facts';
import type { Inventory } from '../inventory/inventory';
import { History, type HistoryOptions, type Recorded } from './history';

/** What a live inventory exposes for the recorder: a counter that grows on every change in its caches. */
interface Watchable extends Inventory {
  kube: { generation: number };
}

export const isWatchable = (inv: Inventory): inv is Watchable =>
  typeof (inv as Partial<Watchable>).kube?.generation === 'number';

export interface RecorderOptions extends HistoryOptions {
  /** how often the caches' generation is checked (default 15 s) */
  pollMs?: number;
  /** record at least this often, changed or not (default 5 min) */
  everyMs?: number;
  now?: () => number;
  /** called with the changes of each record that found some */
  onChanges?: (changes: Recorded[]) => void;
}

/** Told after every record, with its changes (none when nothing changed); awaited before the record resolves. */
export type RecordListener = (changes: Recorded[]) => void | Promise<void>;

export interface Recorder {
  history: History;
  /** record now (after the previous record finished) */
  recordNow(): Promise<Recorded[]>;
  /** attach a listener to every later record; returns its removal */
  listen(l: RecordListener): () => void;
  stop(): void;
}

const recorders = new WeakMap<Inventory, Recorder>();

/** The history of an inventory, when one is being kept. */
export const historyOf = (inv: Inventory): History | undefined => recorders.get(inv)?.history;

/** Start keeping the history of a live inventory (once per inventory); undefined for a snapshot. */
export function startHistory(inv: Inventory, o: RecorderOptions = {}): Recorder | undefined {
  if (!isWatchable(inv)) return undefined;
  const existing = recorders.get(inv);
  if (existing) return existing;
  const now = o.now ?? Date.now;
  const history = new History(o);
  let running: Promise<Recorded[]> = Promise.resolve([]);
  let seenGeneration = -1;
  let lastAt = -Infinity;
  const listeners = new Set<RecordListener>();
  const recordNow = (): Promise<Recorded[]> =>
    (running = running
      .catch(() => [])
      .then(async () => {
        seenGeneration = inv.kube.generation;
        lastAt = now();
        const { facts } = await pathFacts(inv);
        const changes = history.record(facts, now());
        if (changes.length) o.onChanges?.(changes);
        // one failing listener does not keep the others (or the history) from their record
        await Promise.allSettled([...listeners].map(async (l) => l(changes)));
        return changes;
      }));
  const tick = () => {
    if (inv.kube.generation !== seenGeneration || now() - lastAt >= (o.everyMs ?? 5 * 60_000))
      recordNow().catch(() => undefined); // a failed record is retried on the next tick
  };
  const timer = setInterval(tick, o.pollMs ?? 15_000);
  timer.unref();
  const recorder: Recorder = {
    history,
    recordNow,
    listen: (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    stop: () => {
      clearInterval(timer);
      recorders.delete(inv);
    },
  };
  recorders.set(inv, recorder);
  tick();
  return recorder;
}
