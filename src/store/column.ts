/**
 * One field of the store: its own dictionary (field-dict.ts) and, per chunk of rows, the value ids
 * (0 = null). A sealed chunk picks the narrowest id width that holds its largest id (EventCode: one
 * byte a row) and goes *sparse* (row offsets + ids) when under a quarter of its rows have the
 * field, so the 500 fields of a mixed Windows log no longer cost 4 bytes on every event each.
 * Chunks of an opened on-disk index are loaded on first use through `loader`.
 */
import type { Value } from "../values/value.js";
import { FieldDict } from "./field-dict.js";
import type { ChunkLayout } from "./chunk-layout.js";

export const NULL_ID = 0;

export type Ids = Uint8Array | Uint16Array | Uint32Array;

/** A sealed chunk: dense ids (one per row), or sparse ids at the listed row offsets. */
export interface IdChunk {
  readonly ids: Ids;
  readonly at?: Uint16Array;
  /**
   * Set on a chunk read from an index: `ids` are then local to its row group's dictionary, and
   * a local id becomes the field's id on first use (lazy-chunk.ts). A search that reads six
   * fields of the few rows a tstats where keeps interns those rows' values, not every command
   * line of every row group it touched.
   */
  readonly local?: LocalIds;
}

/** Local id → field id for a chunk read from an index. */
export interface LocalIds {
  /** remap[local] is the field id, or 0 while not yet resolved. */
  readonly remap: Uint32Array;
  /** Interns local id `local` (> 0) into the field's dictionary and records it in remap. */
  resolve(local: number): number;
  /** Bytes the chunk holds (ids, remap and its dictionary), for the chunk cache. */
  readonly bytes: number;
  /** Whether any value of local id `local` passes `test`, read from the chunk's own dictionary (nothing is interned). */
  anyValue(local: number, test: (v: string) => boolean): boolean;
  /** Whether local id `local` holds no value (a list of null elements only). */
  isNull(local: number): boolean;
}

/** Loads chunk `c` of a column (null: the field has no value there). */
export type ChunkLoader = (c: number) => IdChunk | null;

/** Where a loaded chunk is accounted (an opened index's ChunkCache). */
export interface ChunkAccounting {
  loaded(key: string, chunk: { readonly bytes: number; readonly evict: () => void }): void;
  touch(key: string): void;
}

export class Column {
  readonly kind = "ids";
  private readonly chunks: (IdChunk | null | undefined)[] = [];
  private openIds: Uint32Array | null = null;
  private openChunk = -1;
  private scratch: Uint32Array | null = null;
  private scratchChunk = -1;

  constructor(
    readonly name: string,
    private readonly layout: ChunkLayout,
    readonly dict: FieldDict = new FieldDict(),
    private readonly loader?: ChunkLoader,
    private readonly cache?: ChunkAccounting,
  ) {}

  /** The id of a row (0 = null; may be a combo id, see `idsAt`). */
  id(row: number): number {
    const c = this.layout.chunkOf(row);
    if (c === this.openChunk) return (this.openIds as Uint32Array)[row - this.layout.start(c)] ?? NULL_ID;
    const chunk = this.chunk(c);
    if (chunk === null) return NULL_ID;
    const i = row - this.layout.start(c);
    const v = (chunk.at ? this.dense(c, chunk) : chunk.ids)[i] ?? NULL_ID;
    const local = chunk.local;
    if (v === NULL_ID || !local) return v;
    const g = local.remap[v] as number;
    return g !== 0 ? g : local.resolve(v);
  }

  /** Dense ids of chunk c (indexed from the chunk's first row), or null when it has none. */
  chunkIds(c: number): Ids | null {
    if (c === this.openChunk) return this.openIds as Uint32Array;
    const chunk = this.chunk(c);
    if (chunk === null) return null;
    const ids = chunk.at ? this.dense(c, chunk) : chunk.ids;
    const local = chunk.local;
    if (!local) return ids;
    const out = new Uint32Array(ids.length);
    for (let i = 0; i < ids.length; i++) {
      const v = ids[i] as number;
      out[i] = v === NULL_ID ? NULL_ID : (local.remap[v] as number) || local.resolve(v);
    }
    return out;
  }

  /** A sparse chunk's ids spread over its rows (one scratch array per column). */
  private dense(c: number, chunk: IdChunk): Ids {
    if (!chunk.at) return chunk.ids;
    if (this.scratchChunk !== c) {
      const size = this.layout.size(c);
      if (!this.scratch || this.scratch.length < size) this.scratch = new Uint32Array(Math.max(size, 4096));
      else this.scratch.fill(0, 0, size);
      const { at, ids } = chunk;
      for (let i = 0; i < at.length; i++) this.scratch[at[i] as number] = ids[i] as number;
      this.scratchChunk = c;
    }
    return this.scratch as Uint32Array;
  }

  /** Whether the row has a value; never interns (see `anyValueTest`). */
  has(row: number): boolean {
    const c = this.layout.chunkOf(row);
    if (c === this.openChunk) return ((this.openIds as Uint32Array)[row - this.layout.start(c)] ?? NULL_ID) !== NULL_ID;
    const chunk = this.chunk(c);
    if (chunk === null) return false;
    const v = (chunk.at ? this.dense(c, chunk) : chunk.ids)[row - this.layout.start(c)] ?? NULL_ID;
    return v !== NULL_ID && !(chunk.local?.isNull(v) ?? false);
  }

  /**
   * A row test: true when any value of the row passes `test` (a combo: any member). The test
   * runs once per distinct id; on an index's chunks once per entry of the row group's own
   * dictionary, read without interning it, so a search over every row group of a big index
   * leaves the field's dictionary as it found it.
   */
  anyValueTest(test: (v: string) => boolean): (row: number) => boolean {
    const global = new IdMemo(this.dict, test);
    let memoFor: IdChunk | null = null;
    let memo = new Uint8Array(0);
    return (row) => {
      const c = this.layout.chunkOf(row);
      if (c === this.openChunk) {
        const id = (this.openIds as Uint32Array)[row - this.layout.start(c)] ?? NULL_ID;
        return id !== NULL_ID && global.check(id);
      }
      const chunk = this.chunk(c);
      if (chunk === null) return false;
      const v = (chunk.at ? this.dense(c, chunk) : chunk.ids)[row - this.layout.start(c)] ?? NULL_ID;
      if (v === NULL_ID) return false;
      const local = chunk.local;
      if (!local) return global.check(v);
      if (memoFor !== chunk) {
        memoFor = chunk;
        memo = new Uint8Array(local.remap.length);
      }
      let m = memo[v] as number;
      if (m === 0) memo[v] = m = local.anyValue(v, test) ? 2 : 1;
      return m === 2;
    };
  }

  /** All value ids of a row (empty for null). */
  idsAt(row: number): ArrayLike<number> {
    const id = this.id(row);
    if (id === NULL_ID) return EMPTY;
    return this.dict.members(id) ?? [id];
  }

  /** The decoded value of a row; allocates, so hot loops should read ids. */
  value(row: number): Value {
    return this.decode(this.id(row));
  }

  /** The value of an id: null, a string, or a multivalue list. */
  decode(id: number): Value {
    if (id === NULL_ID) return null;
    const m = this.dict.members(id);
    return m ? Array.from(m, (i) => this.dict.get(i)) : this.dict.get(id);
  }

  /** Sets a row of the chunk being appended (rows arrive in order). */
  set(row: number, id: number): void {
    const c = this.layout.chunkOf(row);
    if (c !== this.openChunk) {
      this.seal();
      const open = new Uint32Array(this.layout.capacity(c));
      // Appending after a compaction reopens the chunk with what it already had.
      const had = this.chunks[c] ? this.chunkIds(c) : null;
      if (had) open.set(had.subarray(0, Math.min(had.length, open.length)));
      this.chunks[c] = undefined;
      this.scratchChunk = -1;
      this.openChunk = c;
      this.openIds = open;
    }
    (this.openIds as Uint32Array)[row - this.layout.start(c)] = id;
  }

  setValue(row: number, v: string | readonly string[]): void {
    if (typeof v === "string") return this.set(row, this.dict.intern(v));
    if (v.length === 0) return;
    if (v.length === 1) return this.set(row, this.dict.intern(v[0] as string));
    this.set(row, this.dict.internCombo(v.map((s) => this.dict.intern(s))));
  }

  /** Turns the chunk being appended into its compact sealed form. */
  seal(): void {
    if (this.openChunk < 0 || !this.openIds) return;
    this.chunks[this.openChunk] = compact(this.openIds, this.layout.size(this.openChunk));
    this.openChunk = -1;
    this.openIds = null;
  }

  /** Seals the open chunk and gives back the dictionary's interning slack (after a load). */
  compact(): void {
    this.seal();
    this.dict.trim();
  }

  /** Bytes held by the ids (not the dictionary); for memory reports. */
  idBytes(): number {
    let n = this.openIds?.byteLength ?? 0;
    for (const ch of this.chunks) if (ch) n += ch.ids.byteLength + (ch.at?.byteLength ?? 0);
    return n;
  }

  private lastTouched = -1;

  private chunk(c: number): IdChunk | null {
    let ch = this.chunks[c];
    if (ch === undefined) {
      ch = this.loader ? this.loader(c) : null;
      if (this.loader) {
        this.chunks[c] = ch;
        if (ch && this.cache) {
          const bytes = ch.local?.bytes ?? ch.ids.byteLength + (ch.at?.byteLength ?? 0);
          this.cache.loaded(this.cacheKey(c), { bytes, evict: () => this.evict(c) });
        }
      }
      this.lastTouched = c;
    } else if (this.cache && c !== this.lastTouched && ch !== null) {
      this.cache.touch(this.cacheKey(c));
      this.lastTouched = c;
    }
    return ch;
  }

  private cacheKey(c: number): string {
    return `${this.name}\u0000${c}`;
  }

  /** Drops a loaded chunk (the chunk cache's budget); the next read loads it again. */
  private evict(c: number): void {
    if (c === this.openChunk) return;
    this.chunks[c] = undefined;
    if (this.scratchChunk === c) this.scratchChunk = -1;
    if (this.lastTouched === c) this.lastTouched = -1;
  }
}

const EMPTY: ArrayLike<number> = new Int32Array(0);

/** A test memoised per field id (a combo: any member passes). */
export class IdMemo {
  private memo: Uint8Array;
  constructor(
    private readonly dict: FieldDict,
    private readonly test: (v: string) => boolean,
  ) {
    this.memo = new Uint8Array(dict.size + 1);
  }
  check(id: number): boolean {
    if (id >= this.memo.length) {
      const next = new Uint8Array(Math.max(this.dict.size + 1, id + 1));
      next.set(this.memo);
      this.memo = next;
    }
    let m = this.memo[id] as number;
    if (m === 0) {
      const members = this.dict.members(id);
      const hit = members ? members.some((x) => this.check(x)) : this.test(this.dict.get(id));
      this.memo[id] = m = hit ? 2 : 1;
    }
    return m === 2;
  }
}

/** The narrowest dense or sparse form of a chunk's ids. */
export function compact(ids: Uint32Array, size: number): IdChunk | null {
  let present = 0;
  let max = 0;
  for (let i = 0; i < size; i++) {
    const id = ids[i] as number;
    if (id !== 0) {
      present++;
      if (id > max) max = id;
    }
  }
  if (present === 0) return null;
  const Width = max < 256 ? Uint8Array : max < 65536 ? Uint16Array : Uint32Array;
  if (present * 4 >= size || size > 65536) {
    const dense = new Width(size);
    for (let i = 0; i < size; i++) dense[i] = ids[i] as number;
    return { ids: dense };
  }
  const at = new Uint16Array(present);
  const sparse = new Width(present);
  for (let i = 0, k = 0; i < size; i++) {
    const id = ids[i] as number;
    if (id !== 0) {
      at[k] = i;
      sparse[k++] = id;
    }
  }
  return { ids: sparse, at };
}
