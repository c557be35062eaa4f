/**
 * How the rows of a store are cut into chunks. The in-memory store uses fixed chunks of 4,096 rows
 * (sparse chunks keep 16-bit row offsets); an opened index uses its Parquet row groups, so a chunk
 * maps to exactly one column chunk on disk and is read on first use.
 */
export interface ChunkLayout {
  /** Rows in the store. */
  readonly length: number;
  chunkOf(row: number): number;
  start(c: number): number;
  /** Rows chunk c holds now. */
  size(c: number): number;
  /** Rows chunk c can hold (the open chunk of a growing store is not full yet). */
  capacity(c: number): number;
}

export const CHUNK_BITS = 12;
export const CHUNK_ROWS = 1 << CHUNK_BITS;

/** The growing in-memory store's layout. */
export class FixedLayout implements GrowableLayout {
  length = 0;
  grow(): number {
    return this.length++;
  }
  chunkOf(row: number): number {
    return row >>> CHUNK_BITS;
  }
  start(c: number): number {
    return c << CHUNK_BITS;
  }
  size(c: number): number {
    return Math.max(0, Math.min(CHUNK_ROWS, this.length - (c << CHUNK_BITS)));
  }
  capacity(): number {
    return CHUNK_ROWS;
  }
}

/** A layout a store can append rows to (the next row's number). */
export interface GrowableLayout extends ChunkLayout {
  grow(): number;
}

/**
 * Variable chunks (an opened index's row groups), found by binary search with a last-hit cache.
 * Rows appended later (risk events of `detect --notables`) go into tail chunks of CHUNK_ROWS.
 */
export class GroupLayout implements GrowableLayout {
  private starts: Float64Array;
  private last = 0;
  private groups: number;
  length: number;
  /** Rows that came from the index; rows past this were appended in memory. */
  readonly backedLength: number;

  constructor(sizes: readonly number[]) {
    this.starts = new Float64Array(sizes.length + 1);
    for (let i = 0; i < sizes.length; i++) this.starts[i + 1] = (this.starts[i] as number) + (sizes[i] as number);
    this.groups = sizes.length;
    this.length = this.starts[sizes.length] as number;
    this.backedLength = this.length;
  }

  grow(): number {
    const row = this.length++;
    const tailStart = this.groups > 0 ? (this.starts[this.groups - 1] as number) : 0;
    if (row === this.backedLength || row - tailStart >= CHUNK_ROWS) {
      if (this.groups + 2 > this.starts.length) {
        const next = new Float64Array(this.starts.length * 2 + 2);
        next.set(this.starts);
        this.starts = next;
      }
      this.groups++;
      this.starts[this.groups - 1] = row;
    }
    this.starts[this.groups] = this.length;
    return row;
  }
  chunkOf(row: number): number {
    const s = this.starts;
    const l = this.last;
    if (row >= (s[l] as number) && row < (s[l + 1] as number)) return l;
    let lo = 0;
    let hi = this.groups - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if ((s[mid] as number) <= row) lo = mid;
      else hi = mid - 1;
    }
    this.last = lo;
    return lo;
  }
  start(c: number): number {
    return this.starts[c] as number;
  }
  size(c: number): number {
    return (this.starts[c + 1] as number) - (this.starts[c] as number);
  }
  capacity(c: number): number {
    return (this.starts[c] as number) >= this.backedLength ? CHUNK_ROWS : this.size(c);
  }
}
