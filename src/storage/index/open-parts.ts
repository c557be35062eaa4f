/**
 * Opens index parts as one read-only EventStore: every Parquet row group becomes one store chunk
 * (parts in manifest order, row groups in file order, so rows keep the order `--data` would give
 * them). Only footers are read here; a column chunk is read, and its row-group dictionary mapped
 * into the store's per-field dictionary, the first time a search touches it. `_raw` pages stay
 * compressed as read; a "span" field (an XML block) reads its offsets and slices `_raw`.
 */
import { BlobColumn, type BlobChunk } from "../../store/blob-column.js";
import { GroupLayout } from "../../store/chunk-layout.js";
import { ChunkCache } from "../../store/chunk-cache.js";
import { Column, type IdChunk } from "../../store/column.js";
import { EventStore, type ChunkFieldStats, type StoreField } from "../../store/event-store.js";
import { FieldDict } from "../../store/field-dict.js";
import { entryStrings, ParquetFile, type ColumnChunk } from "../parquet/index.js";
import { dictIdChunk, listIdChunk } from "./local-ids.js";
import { spanColumns, type PartColumnType, type PartInfo } from "./manifest.js";
import { termFilterOf } from "../terms/part-terms.js";
import { membersOf } from "../members/part-members.js";

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
  /** Footer statistics of a column in a row group (reads the footer on first use). */
  stats(group: number, name: string, rows: number): ChunkFieldStats {
    if (!this.columns.has(name)) return { kind: "absent", rows };
    const file = this.opened();
    const info = file.rowGroups[group]?.column(name);
    if (!info) return { kind: "stats", rows };
    const { min, max, nullCount } = info.stats;
    const values = info.dictionaryBytes > 0 && info.dictionaryBytes <= DICTIONARY_TEST_BYTES ? () => this.dictionary(group, name) : undefined;
    return { kind: "stats", rows, ...(min ? { min } : {}), ...(max ? { max } : {}), ...(nullCount !== undefined ? { nullCount } : {}), ...(values ? { values } : {}) };
  }
  private dictionary(group: number, name: string): readonly string[] {
    const file = this.opened();
    const entries = file.readDictionary(group, name);
    return entries ? entryStrings(entries) : [];
  }
  read(group: number, name: string): ColumnChunk {
    const file = this.opened();
    return file.readChunk(group, name);
  }
  /** The part's file, its footer read on first use; marked as just used in the pool. */
  private opened(): ParquetFile {
    const file = (this.file ??= this.pool.acquire(this));
    this.pool.touch(this);
    return file;
  }
  close(): void {
    this.file?.close();
    this.file = null;
  }
}

/**
 * Row-group skipping reads a chunk's dictionary page when it is at most this big (as stored):
 * host, EventCode, sourcetype, Image… cost a few KB; a command line's dictionary would cost
 * more to read than the scan it could save, so min/max decides for those.
 */
const DICTIONARY_TEST_BYTES = 64 * 1024;

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

export interface OpenPartsOptions {
  /** Bytes of loaded chunks kept in memory (chunk-cache.ts); default DEFAULT_CHUNK_BUDGET_BYTES. */
  readonly chunkBudgetBytes?: number;
}

/** The parts (paths with their manifest info) as one store, in the order given. */
export function openParts(parts: readonly { path: string; info: PartInfo }[], opts: OpenPartsOptions = {}): OpenedParts {
  const pool = new OpenFiles();
  const cache = new ChunkCache(opts.chunkBudgetBytes);
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
      fields.set(name, new BlobColumn(name, layout, (c) => (c < groups.length ? blobChunk(groups[c] as GroupRef, name) : null), raw, cache));
    } else {
      const dict = new FieldDict();
      fields.set(name, new Column(name, layout, dict, (c) => (c < groups.length ? idChunk(groups[c] as GroupRef, name, dict) : null), cache));
    }
  }
  const chunkStats = (c: number, name: string): ChunkFieldStats | undefined => {
    const g = groups[c];
    // A span field's text is in `_raw`; its own columns have no statistics worth testing.
    return g && types.get(name) !== "span" ? g.part.stats(g.group, name, g.rows) : undefined;
  };
  const store = EventStore.backed({ layout, fields, times: () => readTimes(groups, layout.backedLength), terms: termFilterOf(parts), members: membersOf(parts), chunkStats });
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
  if (chunk.kind === "dict") return dictIdChunk(chunk, g.rows, dict);
  if (chunk.kind === "list") return listIdChunk(chunk, g.rows, dict);
  throw new Error(`Parquet file ${g.part.path}: column "${name}" is ${chunk.kind}, not a string column`);
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
