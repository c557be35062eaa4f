/**
 * Writes an in-memory store as one Parquet part of the index: `_time` as DOUBLE, each field a
 * dictionary-encoded string column (a multivalue field a LIST of strings), `_raw` and the XML
 * blocks as the store's compressed pages, unchanged. An XML block whose every value is a slice of
 * `_raw` (the usual case) is written as two INT32 columns, `<name>.at` and `<name>.len`, and listed
 * as "span" in the manifest: the text is not stored twice. Row groups hold up to 16 store chunks
 * (65,536 rows); each row group's dictionary carries only the values its rows use, so a field
 * with a million distinct values does not repeat its whole dictionary in every row group.
 */
import { PAGE_CHARS, type BlobColumn } from "../../store/blob-column.js";
import { spanAt } from "../../store/blob-spans.js";
import { CHUNK_ROWS } from "../../store/chunk-layout.js";
import type { Column } from "../../store/column.js";
import type { EventStore } from "../../store/event-store.js";
import { encodeBlobPage, writeParquetFile, type BlobPage, type ColumnChunk, type ColumnSchema, type RowGroupInput } from "../parquet/index.js";
import { spanColumns, type PartColumnType } from "./manifest.js";
import { FILE_FIELD } from "../../adapters/file-field.js";

export const GROUP_CHUNKS = 16;

/**
 * Splunk's default fields are one value per event; any other field may be multivalue in some
 * file (Windows Data items repeat, add-ons MV_ADD), so every other field is a LIST of strings in
 * every part: one Parquet type per field across parts is what lets DuckDB or ClickHouse read
 * them all as one table (`union_by_name`), and it keeps multivalue rows whole. `minispl_file`
 * (adapters/file-field.ts) is one value per event too, and one per file: a plain dictionary
 * column, its ids run-length encoded, costs next to nothing.
 */
const SINGLE_VALUED: ReadonlySet<string> = new Set(["host", "source", "sourcetype", "index", FILE_FIELD]);

export interface WrittenPart {
  readonly bytes: number;
  readonly rowGroups: readonly number[];
  readonly columns: readonly (readonly [string, PartColumnType])[];
}

export function writePart(path: string, store: EventStore, keyValue: Record<string, string> = {}): WrittenPart {
  store.compact();
  const names = store.storedFieldNames();
  const schema: ColumnSchema[] = [{ name: "_time", type: "double" }];
  const columns: [string, PartColumnType][] = [["_time", "double"]];
  for (const name of names) {
    const col = store.column(name);
    if (!col) continue;
    if (col.kind === "blob" && col.spansOnly) {
      const [at, len] = spanColumns(name);
      schema.push({ name: at, type: "int32" }, { name: len, type: "int32" });
      columns.push([name, "span"]);
      continue;
    }
    const type = col.kind === "blob" ? "blob" : SINGLE_VALUED.has(name) && !col.dict.hasCombos ? "string" : "string-list";
    schema.push({ name, type });
    columns.push([name, type]);
  }
  const { bytes } = writeParquetFile(path, schema, rowGroups(store, columns), keyValue);
  const sizes: number[] = [];
  for (let start = 0; start < store.length; start += CHUNK_ROWS * GROUP_CHUNKS) sizes.push(Math.min(CHUNK_ROWS * GROUP_CHUNKS, store.length - start));
  return { bytes, rowGroups: sizes, columns };
}

function* rowGroups(store: EventStore, columns: readonly (readonly [string, PartColumnType])[]): Generator<RowGroupInput> {
  const groupRows = CHUNK_ROWS * GROUP_CHUNKS;
  const times = store.timeArray();
  for (let start = 0; start < store.length; start += groupRows) {
    const end = Math.min(store.length, start + groupRows);
    const chunks = new Map<string, ColumnChunk>();
    chunks.set("_time", { kind: "double", values: times.slice(start, end) });
    for (const [name, type] of columns) {
      const col = store.column(name);
      if (!col) continue;
      if (col.kind === "blob") {
        if (type === "span") spanChunks(col, start, end, chunks);
        else {
          const chunk = blobChunk(col, start, end);
          if (chunk) chunks.set(name, chunk);
        }
        continue;
      }
      const chunk = type === "string-list" ? listChunk(col, start, end) : dictChunk(col, start, end);
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

/**
 * The ids of rows start..end (store chunks, which a row group holds whole), read a chunk at a
 * time: most of a mixed log's fields are absent from most chunks, and those are skipped whole.
 */
function forEachChunk(col: Column, start: number, end: number, f: (ids: ArrayLike<number>, first: number, rows: number) => void): void {
  for (let c = start / CHUNK_ROWS; c * CHUNK_ROWS < end; c++) {
    const ids = col.chunkIds(c);
    if (ids) f(ids, c * CHUNK_ROWS - start, Math.min(CHUNK_ROWS, end - c * CHUNK_ROWS));
  }
}

function dictChunk(col: Column, start: number, end: number): ColumnChunk | null {
  const local = new LocalDict(col);
  const ids = new Uint32Array(end - start);
  forEachChunk(col, start, end, (chunk, first, rows) => {
    for (let i = 0; i < rows; i++) {
      const g = chunk[i] as number;
      if (g !== 0) ids[first + i] = local.id(g);
    }
  });
  return local.size === 0 ? null : { kind: "dict", dict: local.entries(), ids };
}

function listChunk(col: Column, start: number, end: number): ColumnChunk | null {
  const local = new LocalDict(col);
  const rows = end - start;
  // starts[r + 1] is where row r's items end; the rows of a chunk without the field end where the
  // row before them did (the fills).
  const starts = new Uint32Array(rows + 1);
  // Most rows hold one value: size for that and grow for the multivalue ones.
  let items = new Uint32Array(rows);
  let n = 0;
  const push = (k: number): void => {
    if (n === items.length) {
      const next = new Uint32Array(items.length * 2 + 16);
      next.set(items);
      items = next;
    }
    items[n++] = k;
  };
  const combos = col.dict.hasCombos;
  let filled = 0;
  forEachChunk(col, start, end, (chunk, first, size) => {
    starts.fill(n, filled + 1, first + 1);
    for (let i = 0; i < size; i++) {
      const g = chunk[i] as number;
      if (g !== 0) {
        const members = combos ? col.dict.members(g) : undefined;
        if (members) for (let j = 0; j < members.length; j++) push(local.id(members[j] as number));
        else push(local.id(g));
      }
      starts[first + i + 1] = n;
    }
    filled = first + size;
  });
  starts.fill(n, filled + 1, rows + 1);
  return local.size === 0 ? null : { kind: "list", dict: local.entries(), starts, items: items.subarray(0, n) };
}

/**
 * The store's pages as they are; a store chunk without the field becomes one page of nulls. A
 * column that mixes spans and text of its own (rare) is written as text: its spans are resolved.
 */
function blobChunk(col: BlobColumn, start: number, end: number): ColumnChunk | null {
  const pages: BlobPage[] = [];
  let any = false;
  for (let c = start / CHUNK_ROWS; c * CHUNK_ROWS < end; c++) {
    const sealed = col.sealedChunk(c);
    const rows = Math.min(CHUNK_ROWS, end - c * CHUNK_ROWS);
    if (sealed) {
      pages.push(...(sealed.spans ? resolvedPages(col, c * CHUNK_ROWS, rows) : sealed.pages));
      any = true;
    } else pages.push(encodeBlobPage(new Array<null>(rows).fill(null)));
  }
  return any ? { kind: "blob", pages } : null;
}

function resolvedPages(col: BlobColumn, first: number, rows: number): BlobPage[] {
  const pages: BlobPage[] = [];
  let values: (string | null)[] = [];
  let chars = 0;
  for (let r = first; r < first + rows; r++) {
    const v = col.value(r);
    values.push(v);
    chars += v?.length ?? 0;
    if (chars >= PAGE_CHARS) {
      pages.push(encodeBlobPage(values));
      values = [];
      chars = 0;
    }
  }
  if (values.length > 0 || pages.length === 0) pages.push(encodeBlobPage(values));
  return pages;
}

/** A spans-only column's offsets and lengths into `_raw` (-1 and 0 where the row has none). */
function spanChunks(col: BlobColumn, start: number, end: number, out: Map<string, ColumnChunk>): void {
  const at = new Int32Array(end - start).fill(-1);
  const len = new Int32Array(end - start);
  for (let c = start / CHUNK_ROWS; c * CHUNK_ROWS < end; c++) {
    const spans = col.sealedChunk(c)?.spans;
    if (!spans) continue;
    const base = c * CHUNK_ROWS - start;
    const rows = Math.min(CHUNK_ROWS, end - c * CHUNK_ROWS);
    for (let i = 0; i < rows; i++) {
      const a = spanAt(spans, i);
      if (a < 0) continue;
      at[base + i] = a;
      len[base + i] = spans.len[i] as number;
    }
  }
  const [atName, lenName] = spanColumns(col.name);
  out.set(atName, { kind: "int32", values: at });
  out.set(lenName, { kind: "int32", values: len });
}
