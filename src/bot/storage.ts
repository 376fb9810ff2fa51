// Conversation state in memory, bounded: every Teams channel thread is a new conversation, so state that is never
// evicted grows for ever. Least recently used entries go first, and entries idle longer than the TTL are dropped.
import { MemoryStorage, type StoreItems } from 'botbuilder';

export class BoundedMemoryStorage extends MemoryStorage {
  /** key → last use; a Map iterates in insertion order, so re-inserting on use keeps it LRU-ordered */
  private readonly used = new Map<string, number>();

  constructor(
    private readonly maxEntries = 10_000,
    private readonly ttlMs = 24 * 3600_000,
    private readonly now: () => number = Date.now,
  ) {
    super();
  }

  /** How many conversations are held. */
  get size(): number {
    return Object.keys(this.memory).length;
  }

  override async read(keys: string[]): Promise<StoreItems> {
    this.evict();
    for (const k of keys) if (k in this.memory) this.touch(k);
    return super.read(keys);
  }

  override async write(changes: StoreItems): Promise<void> {
    await super.write(changes);
    for (const k of Object.keys(changes)) this.touch(k);
    this.evict();
  }

  override async delete(keys: string[]): Promise<void> {
    for (const k of keys) this.used.delete(k);
    return super.delete(keys);
  }

  private touch(key: string): void {
    this.used.delete(key);
    this.used.set(key, this.now());
  }

  private evict(): void {
    const oldest = this.now() - this.ttlMs;
    for (const [k, t] of this.used) {
      if (this.used.size <= this.maxEntries && t >= oldest) break;
      this.used.delete(k);
      delete this.memory[k];
    }
  }
}
