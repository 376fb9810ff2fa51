// Subscriptions, one storage item per cluster, in the bot's Storage (memory, or Blob when configured). Updates of
// one cluster's item run one after the other in a process, and across replicas sharing Blob storage each write is
// conditional on the item's eTag (a conflict reads again and retries), so a record's deliveries and a new
// subscription do not overwrite each other, and two replicas do not both claim the same alert.
import type { ConversationReference, Storage } from 'botbuilder';
import type { Filter } from './command';

export interface Subscription {
  id: string;
  /** the conversation it posts to (a channel thread, a chat) */
  conversation: string;
  reference: Partial<ConversationReference>;
  /** the Teams tenant, team and channel it was made in (the alert's turn is authorized with them) */
  channelData?: { tenant?: { id?: string }; team?: { id?: string }; channel?: { id?: string } };
  /** changes of path facts; absent for a SNAT threshold */
  filter?: Filter;
  /** alert when the busiest node's SNAT use at peak reaches this percentage */
  snatPercent?: number;
  /** the last SNAT check was at or above the threshold (alerted once until it drops below) */
  above?: boolean;
  /** who subscribed (AAD object id) */
  by: string;
  at: number;
  /** changes already claimed for it and when (bounded; expired claims are dropped) */
  delivered: { id: string; at: number }[];
}

interface Item {
  subscriptions: Subscription[];
  eTag?: string;
}

export const DELIVERED_KEPT = 500;

export class WatchStore {
  private readonly chains = new Map<string, Promise<unknown>>();

  constructor(private readonly storage: Storage) {}

  private key = (cluster: string) => `packet-path-watch-${cluster}`;

  async list(cluster: string): Promise<Subscription[]> {
    const items = await this.storage.read([this.key(cluster)]);
    return (items[this.key(cluster)] as Item | undefined)?.subscriptions ?? [];
  }

  /**
   * Read, let `fn` change the list in place, write it back if the item did not change meanwhile (else again);
   * `fn` may run more than once, so it only computes. One update per cluster at a time in this process.
   */
  update<T>(cluster: string, fn: (subs: Subscription[]) => T): Promise<T> {
    const run = (this.chains.get(cluster) ?? Promise.resolve())
      .catch(() => undefined)
      .then(() => this.tryUpdate(cluster, fn));
    this.chains.set(cluster, run);
    return run;
  }

  private async tryUpdate<T>(cluster: string, fn: (subs: Subscription[]) => T): Promise<T> {
    const key = this.key(cluster);
    for (let attempt = 1; ; attempt++) {
      const item = (await this.storage.read([key]))[key] as Item | undefined;
      const subs = structuredClone(item?.subscriptions ?? []);
      const out = fn(subs);
      try {
        await this.storage.write({ [key]: { subscriptions: subs, eTag: item?.eTag ?? '*' } });
        return out;
      } catch (e) {
        if (attempt >= 5) throw e; // another replica keeps writing: give up this time
      }
    }
  }
}
