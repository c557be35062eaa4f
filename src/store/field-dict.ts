/**
 * The dictionary of one field: each distinct value is stored once as UTF-8 bytes in a growable
 * pool and named by a small integer id (0 = null). Lookup is an open-addressing hash table of
 * typed arrays, so a million distinct values cost their bytes plus ~16 bytes each instead of a JS
 * string and a Map entry apiece (the old shared dictionary's 70–100 bytes per value), and the GC
 * never walks them. A multivalue row's whole value list (a "combo") is interned as one id too:
 * `tag` = [endpoint, process, report] on every event costs one id per row, not an array per row.
 */
import { Utf8Pool } from "./utf8-pool.js";

const CACHE_SIZE = 1024;
const SMALL_LIMIT = 4096;

export class FieldDict {
  private readonly pool = new Utf8Pool();
  /** hashes[id]: the FNV-1a hash of value id (combos: unused). */
  private hashes = new Uint32Array(64);
  /** Open-addressing slots holding ids (0 = empty); length a power of two, at most half full. */
  private slots = new Int32Array(128);
  private readonly combos = new Map<number, Int32Array>();
  private readonly comboIds = new Map<string, number>();
  /**
   * While a field has few values, V8's own string hashing (a Map) finds them fastest; past
   * SMALL_LIMIT the Map's per-entry cost would dominate, so values are hashed as bytes instead.
   */
  private small: Map<string, number> | null = new Map();
  /** Number of ids in use, including the reserved null id 0. */
  private count = 1;
  /** Direct-mapped cache of decoded strings: low-cardinality fields decode without allocating. */
  private readonly cacheIds = new Int32Array(CACHE_SIZE);
  private readonly cacheText: string[] = new Array<string>(CACHE_SIZE).fill("");

  get size(): number {
    return this.count;
  }

  /** The id of `s`, adding it if new. */
  intern(s: string): number {
    const small = this.small;
    if (small) {
      let id = small.get(s);
      if (id === undefined) {
        // A lone surrogate is stored as U+FFFD (UTF-8 has no other form), so the Map's key is
        // the well-formed text: without this, each intern of such a value made a new id.
        const text = wellFormed(s);
        if (text !== s) return this.intern(text);
        id = this.next();
        this.pool.stage(s);
        this.pool.commit(id);
        // The key is decoded from the pool, not `s`: an adapter's value is a slice of the record,
        // itself a slice of the decoded input chunk, and a Map key that is a slice keeps that whole
        // chunk alive (measured: the input file's text, ~3.8 KB per Sysmon event, stayed in memory).
        small.set(this.pool.text(id), id);
        if (small.size > SMALL_LIMIT) this.grow();
      }
      return id;
    }
    if (this.slots.length === 0) this.grow();
    return this.internStaged(this.pool.stage(s));
  }

  /** The id of a value given as UTF-8 bytes (an index's dictionary page), adding it if new. */
  internBytes(bytes: Uint8Array): number {
    if (this.small) return this.intern(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("utf8"));
    if (this.slots.length === 0) this.grow();
    return this.internStaged(this.pool.stageBytes(bytes));
  }

  /** The staged value's id (hash `h`): an existing entry, else it is committed as a new one. */
  private internStaged(h: number): number {
    const found = this.find(h);
    if (found !== 0) return found;
    const id = this.next();
    this.pool.commit(id);
    this.hashes[id] = h;
    this.insertSlot(id, h);
    return id;
  }

  /** The id of `s`, or undefined when this field never had that value. */
  lookup(s: string): number | undefined {
    if (this.small) return this.small.get(s) ?? this.small.get(wellFormed(s));
    if (this.slots.length === 0) this.grow();
    const id = this.find(this.pool.stage(s));
    return id === 0 ? undefined : id;
  }

  /** The id of a multivalue list of value ids (two or more); one id per distinct list. */
  internCombo(ids: readonly number[]): number {
    const key = ids.join(",");
    let id = this.comboIds.get(key);
    if (id === undefined) {
      id = this.next();
      this.pool.commitEmpty(id);
      this.comboIds.set(key, id);
      this.combos.set(id, Int32Array.from(ids));
    }
    return id;
  }

  /** The value ids of a combo id, or undefined for a single value. */
  members(id: number): Int32Array | undefined {
    return this.combos.size > 0 ? this.combos.get(id) : undefined;
  }

  /** The values an id stands for: a combo's members, else the one value (stats/tstats BY keys). */
  values(id: number): string[] {
    const m = this.members(id);
    return m ? Array.from(m, (x) => this.get(x)) : [this.get(id)];
  }

  get hasCombos(): boolean {
    return this.combos.size > 0;
  }

  /** The string of a single-value id (a combo gives its first value). */
  get(id: number): string {
    if (id <= 0 || id >= this.count) throw new Error(`internal: bad field value id ${id}`);
    const m = this.combos.size > 0 ? this.combos.get(id) : undefined;
    const one = m ? (m[0] as number) : id;
    const slot = one & (CACHE_SIZE - 1);
    if (this.cacheIds[slot] === one) return this.cacheText[slot] as string;
    const text = this.pool.text(one);
    this.cacheIds[slot] = one;
    this.cacheText[slot] = text;
    return text;
  }

  /** The UTF-8 bytes of a single-value id (shared; do not keep). */
  bytes(id: number): Uint8Array {
    return this.pool.bytes(id);
  }

  private next(): number {
    const id = this.count++;
    if (id >= this.hashes.length) {
      const h = new Uint32Array(Math.max(64, this.hashes.length * 2));
      h.set(this.hashes);
      this.hashes = h;
    }
    if (!this.small && this.count * 2 > this.slots.length) this.rehash();
    return id;
  }

  /**
   * Gives back what only interning needs (the byte hash table, the pool's slack) once a load is
   * done; a later intern or lookup rebuilds the table from the pool.
   */
  trim(): void {
    this.pool.trim(this.count);
    if (this.small) return;
    this.slots = new Int32Array(0);
    this.hashes = new Uint32Array(0);
  }

  /** Bytes held (pool, offsets, hash table); for memory reports. */
  byteSize(): number {
    return this.pool.byteSize() + this.slots.byteLength + this.hashes.byteLength;
  }

  /** Leaves the Map for the byte hash table (or rebuilds it after `trim`): hashes every entry once. */
  private grow(): void {
    this.small = null;
    if (this.hashes.length < this.count) {
      const h = new Uint32Array(Math.max(64, this.count * 2));
      h.set(this.hashes.subarray(0, Math.min(this.hashes.length, this.count)));
      this.hashes = h;
    }
    let size = Math.max(128, this.slots.length);
    while (size < this.count * 2) size *= 2;
    this.slots = new Int32Array(size);
    for (let id = 1; id < this.count; id++) {
      if (this.combos.has(id)) continue;
      const h = this.pool.hashOf(id);
      this.hashes[id] = h;
      this.insertSlot(id, h);
    }
  }

  private find(h: number): number {
    const mask = this.slots.length - 1;
    for (let i = h & mask; ; i = (i + 1) & mask) {
      const id = this.slots[i] as number;
      if (id === 0) return 0;
      if (this.hashes[id] === h && this.pool.stagedEquals(id)) return id;
    }
  }

  private insertSlot(id: number, h: number): void {
    const mask = this.slots.length - 1;
    let i = h & mask;
    while (this.slots[i] !== 0) i = (i + 1) & mask;
    this.slots[i] = id;
  }

  private rehash(): void {
    const old = this.slots;
    this.slots = new Int32Array(Math.max(128, old.length * 2));
    for (let i = 0; i < old.length; i++) {
      const id = old[i] as number;
      if (id !== 0) this.insertSlot(id, this.hashes[id] as number);
    }
  }
}

/** `s` as its UTF-8 round trip (lone surrogates become U+FFFD); `s` itself when well-formed. */
function wellFormed(s: string): string {
  const text = Buffer.from(s, "utf8").toString("utf8");
  return text === s ? s : text;
}
