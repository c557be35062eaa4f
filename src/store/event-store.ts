/**
 * The event store: columnar, one dictionary per field, ids in compact chunks (column.ts), long
 * text compressed (blob-column.ts), `_time` in a Float64Array. Adapters append events; searches
 * read columns by name. No per-event objects are kept. The same class serves an opened on-disk
 * index, whose chunks are its row groups, loaded on first use (`EventStore.backed`).
 */
import type { Value } from "../values/value.js";
import { BlobColumn } from "./blob-column.js";
import { FixedLayout, type GrowableLayout } from "./chunk-layout.js";
import { Column } from "./column.js";

export { NULL_ID } from "./column.js";

/** What an adapter hands to the store: the event time (epoch seconds) and its fields as strings. */
export interface EventInput {
  readonly time: number;
  readonly fields: Readonly<Record<string, string | readonly string[] | undefined>>;
}

/** Fields kept as compressed text rather than dictionary ids: long, and nearly always distinct. */
export const BLOB_FIELDS: ReadonlySet<string> = new Set(["_raw", "EventData_Xml", "UserData_Xml"]);
/** The other blob fields keep a value found in `_raw` as a span of it (blob-column.ts). */
const RAW = "_raw";

export type StoreField = Column | BlobColumn;

/**
 * Each event's CIM dataset memberships (`Endpoint.Processes`, …), materialised by the on-disk
 * index so a search (or DuckDB) finds a dataset's events without evaluating its constraints.
 */
export const DATASETS_FIELD = "_datasets";
const HIDDEN_FIELDS: ReadonlySet<string> = new Set([DATASETS_FIELD]);

/**
 * What an opened index provides (storage/): its layout, fields and lazily read times. Its rows are
 * in input order, as `--data` gives them, so row numbers are arrival order in both kinds of store.
 */
export interface StoreBacking {
  readonly layout: GrowableLayout & { readonly backedLength: number };
  readonly fields: ReadonlyMap<string, StoreField>;
  readonly times: () => Float64Array;
  /** The index's term filter over `_raw`, when it has one. */
  readonly terms?: TermFilter | null;
  /** What the index's footer says of one field in chunk c (its row group); undefined past the index's chunks. */
  readonly chunkStats?: (c: number, field: string) => ChunkFieldStats | undefined;
  /** The index's rows of a CIM dataset (`Endpoint.Processes`), ascending; null when it has no member files. */
  readonly members?: (dataset: string) => Int32Array | null;
}

/**
 * An opened index's term filter over `_raw` (storage/terms/): its rows [0, rows) cut into blocks,
 * each of which can say "no row of mine contains this text" (a Bloom filter of n-grams). A superset
 * filter: a block that may hold a match is never ruled out. Rows appended after opening are not covered.
 */
export interface TermFilter {
  readonly rows: number;
  /** The row after each block's last one (ascending; the last is `rows`). Reads the filter on first use. */
  blockEnds(): ArrayLike<number>;
  /** Per block, 0 when no `_raw` of the block contains `literal` as a case-insensitive substring, else 1. */
  mayContain(literal: string): Uint8Array;
}

/**
 * A row group's statistics for one field, as its Parquet footer has them: min/max in byte order
 * (UTF-8 text; `_time` as a little-endian double) and how many rows have no value. `absent`: the
 * part has no such column, so no row of the chunk has the field.
 */
export type ChunkFieldStats =
  | { readonly kind: "absent"; readonly rows: number }
  | {
      readonly kind: "stats";
      readonly rows: number;
      readonly nullCount?: number;
      readonly min?: Uint8Array;
      readonly max?: Uint8Array;
      /** The chunk's distinct values (its dictionary page), when small enough to be worth reading. */
      readonly values?: () => readonly string[];
    };

export class EventStore {
  private readonly layout: GrowableLayout;
  private readonly columns: Map<string, StoreField>;
  private times: Float64Array | null;
  /** Bumped on every append so derived views (datamodels) know when to rebuild. */
  version = 0;

  /** An empty in-memory store, or (with `backing`) a store over an opened index. */
  constructor(private readonly backing: StoreBacking | null = null) {
    this.layout = backing ? backing.layout : new FixedLayout();
    this.columns = new Map(backing?.fields ?? []);
    this.times = backing ? null : new Float64Array(1024);
  }

  /** A store over an opened index (reads load lazily; appends stay in memory). */
  static backed(backing: StoreBacking): EventStore {
    return new EventStore(backing);
  }

  get length(): number {
    return this.layout.length;
  }

  /** Appends one event and returns its row number. */
  append(event: EventInput): number {
    // An opened index takes appends too (risk events of `detect --notables`), in memory.
    let times = this.timeArray();
    const row = this.layout.grow();
    if (row >= times.length) {
      const next = new Float64Array(Math.max(1024, times.length * 2));
      next.set(times);
      this.times = times = next;
    }
    times[row] = event.time;
    const raw = event.fields[RAW];
    const rawText = typeof raw === "string" ? raw : undefined;
    for (const name in event.fields) {
      const v = event.fields[name];
      if (v === undefined) continue;
      const col = this.columns.get(name) ?? this.newColumn(name, v, event.fields);
      if (col.kind === "blob") col.set(row, typeof v === "string" ? v : v.join("\n"), rawText);
      else col.setValue(row, v);
    }
    this.version++;
    return row;
  }

  /** Seals every open chunk into its compact form (after a load; appending later still works). */
  compact(): void {
    for (const col of this.columns.values()) col.compact();
  }

  /** `_time` of a row. */
  time(row: number): number {
    return this.timeArray()[row] ?? Number.NaN;
  }

  /** The time array (valid up to `length`). */
  timeArray(): Float64Array {
    this.times ??= (this.backing as StoreBacking).times();
    return this.times;
  }

  /** The term filter of an opened index's rows (null for an in-memory store). */
  get termFilter(): TermFilter | null {
    return this.backing?.terms ?? null;
  }

  /**
   * Footer statistics of `field` in chunk c of an opened index (storage/), so a scan can skip a
   * row group without reading it; undefined for an in-memory store and for appended rows.
   */
  chunkStats(c: number, field: string): ChunkFieldStats | undefined {
    return c < this.backedChunks ? this.backing?.chunkStats?.(c, field) : undefined;
  }

  /** Chunks (row groups) the opened index has; later chunks hold appended rows. */
  get backedChunks(): number {
    const b = this.backing;
    return b && b.layout.backedLength > 0 ? b.layout.chunkOf(b.layout.backedLength - 1) + 1 : 0;
  }

  /** The layout's chunk of a row, its first row and size (what a chunk-wise scan needs). */
  chunkOf(row: number): number {
    return this.layout.chunkOf(row);
  }
  chunkStart(c: number): number {
    return this.layout.start(c);
  }
  chunkSize(c: number): number {
    return this.layout.size(c);
  }

  /** An opened index's rows of a CIM dataset from its member files (null: none, read DATASETS_FIELD). */
  indexedMembers(dataset: string): Int32Array | null {
    return this.backing?.members?.(dataset) ?? null;
  }

  /** Rows read from an opened index (0 for an in-memory store); later rows were appended. */
  get backedLength(): number {
    return this.backing?.layout.backedLength ?? 0;
  }

  /**
   * Adds a derived field to a loaded store (the index writes dataset memberships this way).
   * `valueOf` is called for every row in order.
   */
  derive(name: string, valueOf: (row: number) => string | readonly string[] | null): void {
    if (this.backing) throw new Error("internal: derive() is for a loaded in-memory store");
    const col = new Column(name, this.layout);
    for (let row = 0; row < this.length; row++) {
      const v = valueOf(row);
      if (v !== null) col.setValue(row, v);
    }
    col.compact();
    this.columns.set(name, col);
    this.version++;
  }

  column(name: string): StoreField | undefined {
    return this.columns.get(name);
  }

  /** Event fields (not the index's own bookkeeping, such as DATASETS_FIELD). */
  fieldNames(): string[] {
    return [...this.columns.keys()].filter((n) => !HIDDEN_FIELDS.has(n));
  }

  /** Every stored field, bookkeeping included (what the index writes). */
  storedFieldNames(): string[] {
    return [...this.columns.keys()];
  }

  /** Decoded value of one field of one row (`_time` included). */
  value(row: number, name: string): Value {
    if (name === "_time") return this.time(row);
    if (row < 0 || row >= this.length) return null;
    return this.columns.get(name)?.value(row) ?? null;
  }

  private rawColumn(): BlobColumn | undefined {
    const c = this.columns.get(RAW);
    return c?.kind === "blob" ? c : undefined;
  }

  /**
   * A new field's column. When its first value is another field's value in the same event (the
   * add-ons copy ProcessGuid to process_guid, Computer to dest, …), the two share one dictionary,
   * so every distinct GUID or path is stored once, not once per alias.
   */
  private newColumn(name: string, v: string | readonly string[], fields: EventInput["fields"]): StoreField {
    let col: StoreField;
    if (BLOB_FIELDS.has(name)) col = new BlobColumn(name, this.layout, undefined, name === RAW ? undefined : () => this.rawColumn());
    else {
      let shared: Column | undefined;
      if (typeof v === "string") {
        for (const other in fields) {
          const c = other !== name && fields[other] === v ? this.columns.get(other) : undefined;
          if (c?.kind === "ids") {
            shared = c;
            break;
          }
        }
      }
      col = new Column(name, this.layout, shared?.dict);
    }
    this.columns.set(name, col);
    return col;
  }
}
