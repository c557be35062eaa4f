/**
 * Rows of a blob chunk whose value is a substring of the base column's value in the same row
 * (`EventData_Xml` of `_raw`): where it starts (UTF-16 code units, as `String.slice` counts) and
 * how long it is. `at` is -1 for a row that is not a span. The index stores the two arrays as
 * INT32 columns, and reading them back gives the same arrays.
 */
export interface BlobSpans {
  readonly at: Int32Array;
  readonly len: Int32Array;
}

/** `at` of a row, -1 past the arrays' end (a chunk whose last rows are not spans). */
export function spanAt(s: BlobSpans, local: number): number {
  return local < s.at.length ? (s.at[local] as number) : -1;
}

/** The spans of the chunk being appended; no arrays until its first span. */
export class SpanBuilder {
  private atOf: Int32Array | null = null;
  private lenOf: Int32Array | null = null;

  at(local: number): number {
    return this.atOf && local < this.atOf.length ? (this.atOf[local] as number) : -1;
  }

  len(local: number): number {
    return this.lenOf?.[local] ?? 0;
  }

  set(local: number, at: number, len: number, capacity: number): void {
    if (!this.atOf || !this.lenOf) this.alloc(capacity);
    (this.atOf as Int32Array)[local] = at;
    (this.lenOf as Int32Array)[local] = len;
  }

  /** Continues a sealed chunk's spans (appending after a compaction). */
  reopen(s: BlobSpans, capacity: number): void {
    this.alloc(Math.max(capacity, s.at.length));
    (this.atOf as Int32Array).set(s.at);
    (this.lenOf as Int32Array).set(s.len);
  }

  /** The chunk's spans cut to its `size` rows (null when it has none), and a fresh builder state. */
  finish(size: number): BlobSpans | null {
    const at = this.atOf;
    const len = this.lenOf;
    this.atOf = this.lenOf = null;
    if (!at || !len) return null;
    return at.length === size ? { at, len } : { at: at.slice(0, size), len: len.slice(0, size) };
  }

  bytes(): number {
    return (this.atOf?.byteLength ?? 0) + (this.lenOf?.byteLength ?? 0);
  }

  private alloc(capacity: number): void {
    this.atOf = new Int32Array(capacity).fill(-1);
    this.lenOf = new Int32Array(capacity);
  }
}
