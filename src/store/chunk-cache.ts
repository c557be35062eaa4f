/**
 * A byte budget over the chunks an opened index has loaded. Without it every column chunk a
 * search touches stays in memory for the life of the store, so an ESCU pass over a 1M-event
 * index ended holding most of the index decoded (2.65 GB peak). Columns report each chunk they
 * load with a way to drop it; past the budget the least recently used chunks are dropped and
 * simply read again from disk if a later search needs them. The chunk being loaded is never the
 * one dropped, so a single chunk larger than the budget still works.
 */
export interface CachedChunk {
  readonly bytes: number;
  /** Forgets the chunk (its column reloads it on the next read). */
  readonly evict: () => void;
}

/** Default budget of an opened index's loaded chunks. */
export const DEFAULT_CHUNK_BUDGET_BYTES = 512 * 1024 * 1024;

export class ChunkCache {
  /** Insertion order is recency order: a touch re-inserts. */
  private readonly entries = new Map<string, CachedChunk>();
  private total = 0;
  /** Chunks dropped so far (for tests and reports). */
  evictions = 0;

  constructor(readonly budgetBytes: number = DEFAULT_CHUNK_BUDGET_BYTES) {}

  /** Bytes of the chunks held now. */
  get bytes(): number {
    return this.total;
  }

  /** Records a chunk just loaded under `key`, dropping the least recently used ones past the budget. */
  loaded(key: string, chunk: CachedChunk): void {
    const had = this.entries.get(key);
    if (had) {
      this.entries.delete(key);
      this.total -= had.bytes;
    }
    this.entries.set(key, chunk);
    this.total += chunk.bytes;
    for (const [k, e] of this.entries) {
      if (this.total <= this.budgetBytes || e === chunk) break;
      this.entries.delete(k);
      this.total -= e.bytes;
      this.evictions++;
      e.evict();
    }
  }

  /** Marks a chunk as just used. */
  touch(key: string): void {
    const e = this.entries.get(key);
    if (!e) return;
    this.entries.delete(key);
    this.entries.set(key, e);
  }
}
