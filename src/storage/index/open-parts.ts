/**
 * Opens index parts as one read-only EventStore: every Parquet row group becomes one store chunk
 * (parts in manifest order, row groups in file order, so rows keep the order `--data` would give
 * them). Only footers are read here; a column chunk is read, and its row-group dictionary mapped
 * into the store's per-field dictionary, the first time a search touches it. `_raw` pages stay
 * compressed as read; a "span" field (an XML block) reads its offsets and slices `_raw`.
 */
import { BlobColumn, type BlobChunk } from "../../store/blob-column.js";
import { GroupLayout } from "../../store/chunk-layout.js";
import { Column, compact, type IdChunk } from "../../store/column.js";
import { EventStore, type StoreField } from "../../store/event-store.js";
import { FieldDict } from "../../store/field-dict.js";
import { entryBytes, entryCount, ParquetFile, type ColumnChunk, type Utf8Entries } from "../parquet/index.js";
import { spanColumns, type PartColumnType, type PartInfo } from "./manifest.js";
import { termFilterOf } from "../terms/part-terms.js";

interface GroupRef {
  readonly part: LazyPart;
  readonly group: number;
  readonly rows: number;
}

export interface OpenedParts {
  readonly store: EventStore;
  /** Closes the part files still open. */
  close(): void;
}

/** A part whose footer is read on first use; at most MAX_OPEN part files stay open at once. */
class LazyPart {
  private file: ParquetFile | null = null;
  readonly columns: ReadonlyMap<string, PartColumnType>;
  constructor(
    readonly path: string,
    columns: readonly (readonly [string, PartColumnType])[],
    private readonly pool: OpenFiles,
  ) {
    this.columns = new Map(columns);
  }
  read(group: number, name: string): ColumnChunk {
    const file = (this.file ??= this.pool.acquire(this));
    this.pool.touch(this);
    return file.readChunk(group, name);
  }
  close(): void {
    this.file?.close();
    this.file = null;
  }
}

// Evicting re-reads a footer, so the bound is generous (a scan over every part touches each many times).
const MAX_OPEN = 1024;

class OpenFiles {
  private readonly lru = new Set<LazyPart>();
  acquire(part: LazyPart): ParquetFile {
    if (this.lru.size >= MAX_OPEN) {
      const oldest = this.lru.values().next().value as LazyPart;
      oldest.close();
      this.lru.delete(oldest);
    }
    this.lru.add(part);
    return ParquetFile.open(part.path);
  }
  touch(part: LazyPart): void {
    this.lru.delete(part);
    this.lru.add(part);
  }
  closeAll(): void {
    for (const p of this.lru) p.close();
    this.lru.clear();
  }
}

/** The parts (paths with their manifest info) as one store, in the order given. */
export function openParts(parts: readonly { path: string; info: PartInfo }[]): OpenedParts {
  const pool = new OpenFiles();
  const groups: GroupRef[] = parts.flatMap(({ path, info }) => {
    const part = new LazyPart(path, info.columns, pool);
    return info.rowGroups.map((rows, group) => ({ part, group, rows }));
  });
  const layout = new GroupLayout(groups.map((g) => g.rows));
  const types = new Map<string, PartColumnType>();
  for (const { info } of parts) for (const [name, type] of info.columns) if (name !== "_time" && !types.has(name)) types.set(name, type);
  const fields = new Map<string, StoreField>();
  for (const [name, type] of types) {
    // Chunks past the index's row groups hold rows appended in memory: nothing to read for them.
    if (type === "blob" || type === "span") {
      // `_raw` has no base: given one, a row appended in memory would be kept as a span of itself (and read as null).
      const raw = name === "_raw" ? undefined : (): BlobColumn | undefined => fields.get("_raw") as BlobColumn | undefined;
      fields.set(name, new BlobColumn(name, layout, (c) => (c < groups.length ? blobChunk(groups[c] as GroupRef, name) : null), raw));
    } else {
      const dict = new FieldDict();
      fields.set(name, new Column(name, layout, dict, (c) => (c < groups.length ? idChunk(groups[c] as GroupRef, name, dict) : null)));
    }
  }
  const store = EventStore.backed({ layout, fields, times: () => readTimes(groups, layout.backedLength), terms: termFilterOf(parts) });
  return { store, close: () => pool.closeAll() };
}

function readTimes(groups: readonly GroupRef[], length: number): Float64Array {
  const out = new Float64Array(length);
  let at = 0;
  for (const g of groups) {
    const chunk = g.part.read(g.group, "_time");
    if (chunk.kind !== "double") throw new Error(`Parquet file ${g.part.path}: _time is not a DOUBLE column`);
    out.set(chunk.values, at);
    at += chunk.values.length;
  }
  return out;
}

function idChunk(g: GroupRef, name: string, dict: FieldDict): IdChunk | null {
  if (!g.part.columns.has(name)) return null;
  const chunk = g.part.read(g.group, name);
  const rows = g.rows;
  const ids = new Uint32Array(rows);
  if (chunk.kind === "dict") {
    const remap = remapOf(chunk.dict, dict);
    for (let r = 0; r < rows; r++) ids[r] = remap[chunk.ids[r] as number] as number;
  } else if (chunk.kind === "list") {
    const remap = remapOf(chunk.dict, dict);
    // Lists repeat (tag, _datasets): each distinct list of the chunk is interned once.
    const lists = new Map<string, number>();
    for (let r = 0; r < rows; r++) {
      const a = chunk.starts[r] as number;
      const b = chunk.starts[r + 1] as number;
      if (b - a === 1) ids[r] = remap[chunk.items[a] as number] as number;
      else if (b - a > 1) {
        const key = chunk.items.subarray(a, b).join(",");
        let id = lists.get(key);
        if (id === undefined) {
          // Null elements (only foreign files have them) are dropped; what is left may be one value.
          const members = Array.from(chunk.items.subarray(a, b), (k) => remap[k] as number).filter((x) => x !== 0);
          lists.set(key, (id = members.length > 1 ? dict.internCombo(members) : (members[0] ?? 0)));
        }
        ids[r] = id;
      }
    }
  } else throw new Error(`Parquet file ${g.part.path}: column "${name}" is ${chunk.kind}, not a string column`);
  return compact(ids, rows);
}

/** Row-group dictionary entry k (1-based, as ids store it) → the store field's id. */
function remapOf(entries: Utf8Entries, dict: FieldDict): Uint32Array {
  const n = entryCount(entries);
  const remap = new Uint32Array(n + 1);
  for (let k = 0; k < n; k++) remap[k + 1] = dict.internBytes(entryBytes(entries, k));
  return remap;
}

/** A group's blob chunk: its pages, or (a "span" field in this part) its offsets into `_raw`. */
function blobChunk(g: GroupRef, name: string): BlobChunk | null {
  const type = g.part.columns.get(name);
  if (type === undefined) return null;
  if (type === "span") {
    const [at, len] = spanColumns(name).map((n) => g.part.read(g.group, n));
    if (at?.kind !== "int32" || len?.kind !== "int32") throw new Error(`Parquet file ${g.part.path}: the spans of "${name}" are not INT32 columns`);
    return { pages: [], starts: Uint32Array.of(0), spans: { at: at.values, len: len.values } };
  }
  const chunk: ColumnChunk = g.part.read(g.group, name);
  if (chunk.kind !== "blob") throw new Error(`Parquet file ${g.part.path}: column "${name}" is not a blob column`);
  const starts = new Uint32Array(chunk.pages.length + 1);
  chunk.pages.forEach((p, i) => (starts[i + 1] = (starts[i] as number) + p.rows));
  return { pages: chunk.pages, starts };
}
