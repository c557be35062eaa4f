/**
 * De-duplicates UTF-8 byte strings into Utf8Entries without making JS strings: an open-addressing
 * hash table (FNV-1a) over one growable pool. Used when a file stores a string column PLAIN (as
 * other writers do when a dictionary grows too big), so reading still yields a dictionary.
 */
import type { Utf8Entries } from "./types.js";

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

export class Utf8DictBuilder {
  private pool = new Uint8Array(4096);
  private offsets = new Uint32Array(257);
  private hashes = new Uint32Array(256);
  private table = new Int32Array(512).fill(-1);
  count = 0;

  /** The entry index of src[start..end), adding it if new. */
  add(src: Uint8Array, start: number, end: number): number {
    let h = FNV_OFFSET;
    for (let k = start; k < end; k++) h = Math.imul(h ^ (src[k] as number), FNV_PRIME);
    h >>>= 0;
    const mask = this.table.length - 1;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const id = this.table[slot] as number;
      if (id < 0) {
        this.table[slot] = this.append(src, start, end, h);
        if (this.count * 2 > this.table.length) this.rehash();
        return this.count - 1;
      }
      if (this.hashes[id] === h && this.equals(id, src, start, end)) return id;
    }
  }

  finish(): Utf8Entries {
    return { pool: this.pool.subarray(0, this.offsets[this.count]), offsets: this.offsets.slice(0, this.count + 1) };
  }

  private equals(id: number, src: Uint8Array, start: number, end: number): boolean {
    const a = this.offsets[id] as number;
    if ((this.offsets[id + 1] as number) - a !== end - start) return false;
    for (let k = 0; k < end - start; k++) if (this.pool[a + k] !== src[start + k]) return false;
    return true;
  }

  private append(src: Uint8Array, start: number, end: number, h: number): number {
    const id = this.count;
    const at = this.offsets[id] as number;
    const need = at + end - start;
    if (need > this.pool.length) this.pool = grow(this.pool, need);
    this.pool.set(src.subarray(start, end), at);
    if (id + 2 > this.offsets.length) this.offsets = grow(this.offsets, id + 2);
    if (id + 1 > this.hashes.length) this.hashes = grow(this.hashes, id + 1);
    this.offsets[id + 1] = need;
    this.hashes[id] = h;
    this.count++;
    return id;
  }

  private rehash(): void {
    const table = new Int32Array(this.table.length * 2).fill(-1);
    const mask = table.length - 1;
    for (let id = 0; id < this.count; id++) {
      let slot = (this.hashes[id] as number) & mask;
      while ((table[slot] as number) >= 0) slot = (slot + 1) & mask;
      table[slot] = id;
    }
    this.table = table;
  }
}

function grow<T extends Uint8Array | Uint32Array>(a: T, need: number): T {
  let n = a.length * 2;
  while (n < need) n *= 2;
  const next = new (a.constructor as new (n: number) => T)(n);
  next.set(a);
  return next;
}
