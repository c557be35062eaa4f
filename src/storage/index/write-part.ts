/**
 * Writes an in-memory store as one Parquet part of the index: `_time` as DOUBLE, each field a
 * dictionary-encoded string column (a multivalue field a LIST of strings), `_raw` and the XML
 * blocks as the store's compressed pages, unchanged. Row groups hold up to 16 store chunks
 * (65,536 rows); each row group's dictionary carries only the values its rows use, so a field
 * with a million distinct values does not repeat its whole dictionary in every row group.
 */
import type { BlobColumn } from "../../store/blob-column.js";
import { CHUNK_ROWS } from "../../store/chunk-layout.js";
import type { Column } from "../../store/column.js";
import type { EventStore } from "../../store/event-store.js";
import { encodeBlobPage, writeParquetFile, type BlobPage, type ColumnChunk, type ColumnSchema, type ColumnType, type RowGroupInput } from "../parquet/index.js";

export const GROUP_CHUNKS = 16;

/**
 * Splunk's default fields are one value per event; any other field may be multivalue in some
 * file (Windows Data items repeat, add-ons MV_ADD), so every other field is a LIST of strings in
 * every part: one Parquet type per field across parts is what lets DuckDB or ClickHouse read
 * them all as one table (`union_by_name`), and it keeps multivalue rows whole.
 */
const SINGLE_VALUED: ReadonlySet<string> = new Set(["host", "source", "sourcetype", "index"]);

export interface WrittenPart {
  readonly bytes: number;
  readonly rowGroups: readonly number[];
  readonly columns: readonly (readonly [string, ColumnType])[];
}

export function writePart(path: string, store: EventStore, keyValue: Record<string, string> = {}): WrittenPart {
  store.compact();
  const names = store.storedFieldNames();
  const schema: ColumnSchema[] = [{ name: "_time", type: "double" }];
  for (const name of names) {
    const col = store.column(name);
    if (!col) continue;
    schema.push({ name, type: col.kind === "blob" ? "blob" : SINGLE_VALUED.has(name) && !col.dict.hasCombos ? "string" : "string-list" });
  }
  const { bytes } = writeParquetFile(path, schema, rowGroups(store, schema), keyValue);
  const sizes: number[] = [];
  for (let start = 0; start < store.length; start += CHUNK_ROWS * GROUP_CHUNKS) sizes.push(Math.min(CHUNK_ROWS * GROUP_CHUNKS, store.length - start));
  return { bytes, rowGroups: sizes, columns: schema.map((c) => [c.name, c.type] as const) };
}

function* rowGroups(store: EventStore, schema: readonly ColumnSchema[]): Generator<RowGroupInput> {
  const groupRows = CHUNK_ROWS * GROUP_CHUNKS;
  const times = store.timeArray();
  for (let start = 0; start < store.length; start += groupRows) {
    const end = Math.min(store.length, start + groupRows);
    const chunks = new Map<string, ColumnChunk>();
    chunks.set("_time", { kind: "double", values: times.slice(start, end) });
    for (const { name, type } of schema) {
      const col = store.column(name);
      if (!col) continue;
      const chunk = col.kind === "blob" ? blobChunk(col, start, end) : type === "string-list" ? listChunk(col, start, end) : dictChunk(col, start, end);
      if (chunk) chunks.set(name, chunk);
    }
    yield { numRows: end - start, chunks };
  }
}

/** Maps the ids of rows start..end to a row-group-local dictionary of the values they use. */
class LocalDict {
  private readonly local: Int32Array;
  private readonly order: number[] = [];
  constructor(private readonly col: Column) {
    this.local = new Int32Array(col.dict.size);
  }
  id(global: number): number {
    let k = this.local[global] as number;
    if (k === 0) {
      k = this.order.length + 1;
      this.local[global] = k;
      this.order.push(global);
    }
    return k;
  }
  get size(): number {
    return this.order.length;
  }
  entries(): { pool: Uint8Array; offsets: Uint32Array } {
    const offsets = new Uint32Array(this.order.length + 1);
    let total = 0;
    this.order.forEach((g, i) => {
      total += this.col.dict.bytes(g).length;
      offsets[i + 1] = total;
    });
    const pool = new Uint8Array(total);
    this.order.forEach((g, i) => pool.set(this.col.dict.bytes(g), offsets[i] as number));
    return { pool, offsets };
  }
}

function dictChunk(col: Column, start: number, end: number): ColumnChunk | null {
  const local = new LocalDict(col);
  const ids = new Uint32Array(end - start);
  for (let r = start; r < end; r++) {
    const g = col.id(r);
    if (g !== 0) ids[r - start] = local.id(g);
  }
  return local.size === 0 ? null : { kind: "dict", dict: local.entries(), ids };
}

function listChunk(col: Column, start: number, end: number): ColumnChunk | null {
  const local = new LocalDict(col);
  const starts = new Uint32Array(end - start + 1);
  // Most rows hold one value: size for that and grow for the multivalue ones.
  let items = new Uint32Array(end - start);
  let n = 0;
  const push = (k: number): void => {
    if (n === items.length) {
      const next = new Uint32Array(items.length * 2 + 16);
      next.set(items);
      items = next;
    }
    items[n++] = k;
  };
  for (let r = start; r < end; r++) {
    const g = col.id(r);
    if (g !== 0) {
      const members = col.dict.members(g);
      if (members) for (let i = 0; i < members.length; i++) push(local.id(members[i] as number));
      else push(local.id(g));
    }
    starts[r - start + 1] = n;
  }
  return local.size === 0 ? null : { kind: "list", dict: local.entries(), starts, items: items.subarray(0, n) };
}

/** The store's pages as they are; a store chunk without the field becomes one page of nulls. */
function blobChunk(col: BlobColumn, start: number, end: number): ColumnChunk | null {
  const pages: BlobPage[] = [];
  let any = false;
  for (let c = start / CHUNK_ROWS; c * CHUNK_ROWS < end; c++) {
    const sealed = col.sealedChunk(c);
    const rows = Math.min(CHUNK_ROWS, end - c * CHUNK_ROWS);
    if (sealed) {
      pages.push(...sealed.pages);
      any = true;
    } else pages.push(encodeBlobPage(new Array<null>(rows).fill(null)));
  }
  return any ? { kind: "blob", pages } : null;
}
