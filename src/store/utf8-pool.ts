/**
 * Strings as UTF-8 bytes in one growable buffer: entry `id` spans ends[id-1] .. ends[id]. A value
 * is first *staged* (written past the end and hashed in the same pass) so a dictionary can compare
 * it with existing entries without allocating; `commit` keeps it, anything else discards it.
 * Entries are committed in id order. This is also Parquet's and Arrow's dictionary layout, so the
 * on-disk index reads and writes it without converting.
 */
interface FastBuffer extends Buffer {
  utf8Slice(start: number, end: number): string;
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

export class Utf8Pool {
  private buf = Buffer.allocUnsafe(4096) as FastBuffer;
  private end = 0;
  private ends = new Uint32Array(64);
  private stagedLen = 0;

  /** Writes `s` past the end (not yet an entry) and returns its FNV-1a hash. */
  stage(s: string): number {
    const n = s.length;
    this.reserve(n * 3);
    const buf = this.buf;
    let at = this.end;
    let h = FNV_OFFSET;
    let i = 0;
    // ASCII (nearly every log value) is copied and hashed in one loop; the rest through the encoder.
    for (; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c >= 0x80) break;
      buf[at++] = c;
      h = Math.imul(h ^ c, FNV_PRIME);
    }
    if (i < n) {
      const len = buf.write(s.slice(i), at, "utf8");
      for (let k = at; k < at + len; k++) h = Math.imul(h ^ (buf[k] as number), FNV_PRIME);
      at += len;
    }
    this.stagedLen = at - this.end;
    return h >>> 0;
  }

  /** The hash `stage` gave entry `id`'s bytes. */
  hashOf(id: number): number {
    const buf = this.buf;
    let h = FNV_OFFSET;
    for (let k = this.ends[id - 1] as number, end = this.ends[id] as number; k < end; k++) h = Math.imul(h ^ (buf[k] as number), FNV_PRIME);
    return h >>> 0;
  }

  /** `stage` for a value that is already UTF-8. */
  stageBytes(bytes: Uint8Array): number {
    this.reserve(bytes.length);
    this.buf.set(bytes, this.end);
    let h = FNV_OFFSET;
    for (let k = 0; k < bytes.length; k++) h = Math.imul(h ^ (bytes[k] as number), FNV_PRIME);
    this.stagedLen = bytes.length;
    return h >>> 0;
  }

  /** True when the staged bytes equal entry `id`. */
  stagedEquals(id: number): boolean {
    const start = this.ends[id - 1] as number;
    const len = (this.ends[id] as number) - start;
    if (len !== this.stagedLen) return false;
    const buf = this.buf;
    const base = this.end;
    for (let k = 0; k < len; k++) if (buf[start + k] !== buf[base + k]) return false;
    return true;
  }

  /** Keeps the staged bytes as entry `id`. */
  commit(id: number): void {
    this.end += this.stagedLen;
    this.setEnd(id, this.end);
  }

  /** Entry `id` with no bytes (a multivalue combo lives beside the pool). */
  commitEmpty(id: number): void {
    this.setEnd(id, this.end);
  }

  /** Copies the pool down to what `count` entries use. */
  trim(count: number): void {
    if (this.buf.length > this.end + 64) {
      const next = Buffer.allocUnsafeSlow(this.end) as FastBuffer;
      this.buf.copy(next, 0, 0, this.end);
      this.buf = next;
    }
    if (this.ends.length > count + 16) this.ends = this.ends.slice(0, count);
  }

  byteSize(): number {
    return this.buf.length + this.ends.byteLength;
  }

  text(id: number): string {
    return this.buf.utf8Slice(this.ends[id - 1] as number, this.ends[id] as number);
  }

  bytes(id: number): Uint8Array {
    return this.buf.subarray(this.ends[id - 1] as number, this.ends[id] as number);
  }

  private setEnd(id: number, end: number): void {
    if (id >= this.ends.length) {
      const next = new Uint32Array(this.ends.length * 2);
      next.set(this.ends);
      this.ends = next;
    }
    this.ends[id] = end;
  }

  private reserve(extra: number): void {
    if (this.end + extra <= this.buf.length) return;
    let n = Math.max(4096, this.buf.length * 2);
    while (n < this.end + extra) n *= 2;
    const next = Buffer.allocUnsafe(n) as FastBuffer;
    this.buf.copy(next, 0, 0, this.end);
    this.buf = next;
  }
}
