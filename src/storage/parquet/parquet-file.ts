/**
 * Reads a Parquet file lazily with positional sync reads: `open` reads and checks only the
 * footer; `readChunk` reads one column chunk's bytes. Every error names the file and what is
 * wrong, so a caller can turn it into a diagnostic as is.
 */
import { platform } from "../../platform/platform.js";
import { layoutColumns, type ColumnLayout, type FileLayout } from "./column-layout.js";
import { MAGIC } from "./constants.js";
import { decodeFileMetaData } from "./metadata-decode.js";
import type { ColumnMetaData, FileMetaData, RowGroupMeta } from "./metadata-types.js";
import { readColumnChunk } from "./read-column-chunk.js";
import { COLUMN_TYPES_KEY } from "./schema-elements.js";
import type { ChunkStats, ColumnChunk, ColumnSchema, Utf8Entries } from "./types.js";
import { readDictionaryPage } from "./read-dictionary-page.js";

export interface ColumnChunkInfo {
  readonly stats: ChunkStats;
  /** Bytes the chunk takes in the file. */
  readonly compressedSize: number;
  /** Bytes of its dictionary page as stored (0: none). */
  readonly dictionaryBytes: number;
}

export interface RowGroupInfo {
  readonly numRows: number;
  column(name: string): ColumnChunkInfo | undefined;
}

/** Files up to this size are read whole on open. */
const PRELOAD_BYTES = 256 * 1024;

export class ParquetFile {
  readonly numRows: number;
  readonly columns: readonly ColumnSchema[];
  /** Top-level fields this reader cannot read, with the reason. */
  readonly unsupported: ReadonlyMap<string, string>;
  readonly rowGroups: readonly RowGroupInfo[];
  /** The file's key-value metadata, without the entry this writer adds for column types. */
  readonly keyValue: Readonly<Record<string, string>>;
  readonly createdBy: string | undefined;
  private fd: number | undefined;
  /** The whole file, for small files: one read instead of one per column chunk. */
  private whole: Buffer | null = null;
  private readonly byName: ReadonlyMap<string, ColumnLayout>;

  private constructor(
    readonly path: string,
    fd: number,
    private readonly meta: FileMetaData,
    layout: FileLayout,
  ) {
    this.fd = fd;
    this.numRows = meta.numRows;
    this.columns = layout.columns.map((c) => ({ name: c.name, type: c.type }));
    this.unsupported = layout.unsupported;
    this.byName = new Map(layout.columns.map((c) => [c.name, c]));
    this.rowGroups = meta.rowGroups.map((g) => rowGroupInfo(g, this.byName));
    const kv: Record<string, string> = {};
    for (const { key, value } of meta.keyValueMetadata ?? []) if (key !== COLUMN_TYPES_KEY) kv[key] = value ?? "";
    this.keyValue = kv;
    this.createdBy = meta.createdBy;
  }

  static open(path: string): ParquetFile {
    let fd: number;
    try {
      fd = platform().fs.open(path, "r");
    } catch (e) {
      throw new Error(`Parquet file ${path}: cannot open: ${(e as Error).message}`, { cause: e });
    }
    try {
      const size = platform().fs.fstat(fd).size;
      const { meta, dataEnd } = readFooter(fd, size);
      const layout = layoutColumns(meta.schema, declaredTypes(meta));
      checkRowGroups(meta, layout, dataEnd);
      const file = new ParquetFile(path, fd, meta, layout);
      if (size <= PRELOAD_BYTES) {
        // A search over many small parts reads every column of each: one read per file, then slices.
        file.whole = Buffer.allocUnsafeSlow(size);
        readFully(fd, file.whole, 0);
      }
      return file;
    } catch (e) {
      platform().fs.close(fd);
      throw new Error(`Parquet file ${path}: ${(e as Error).message}`, { cause: e });
    }
  }

  /** Reads one column chunk; only that chunk's bytes are read from disk. */
  readChunk(rowGroup: number, name: string): ColumnChunk {
    const where = `Parquet file ${this.path}, row group ${rowGroup}, column "${name}"`;
    const fd = this.fd;
    if (fd === undefined) throw new Error(`${where}: the file is closed`);
    const group = this.meta.rowGroups[rowGroup];
    if (!group) throw new Error(`${where}: no such row group (the file has ${this.meta.rowGroups.length})`);
    const column = this.byName.get(name);
    if (!column) {
      const why = this.unsupported.get(name);
      throw new Error(why ? `${where}: unsupported column (${why})` : `${where}: no such column`);
    }
    try {
      const meta = group.columns[column.leaf]?.metaData as ColumnMetaData;
      const start = chunkStart(meta);
      let buf: Buffer;
      if (this.whole) buf = this.whole.subarray(start, start + meta.totalCompressedSize);
      else {
        buf = Buffer.allocUnsafeSlow(meta.totalCompressedSize);
        readFully(fd, buf, start);
      }
      return readColumnChunk(buf, column, meta, group.numRows);
    } catch (e) {
      throw new Error(`${where}: ${(e as Error).message}`, { cause: e });
    }
  }

  /**
   * The dictionary page of a column chunk alone (its distinct values), or null when the chunk
   * has none (not dictionary-encoded): what row-group skipping tests a search value against,
   * without reading the chunk's data pages.
   */
  readDictionary(rowGroup: number, name: string): Utf8Entries | null {
    const where = `Parquet file ${this.path}, row group ${rowGroup}, column "${name}"`;
    const fd = this.fd;
    if (fd === undefined) throw new Error(`${where}: the file is closed`);
    const column = this.byName.get(name);
    const meta = column && this.meta.rowGroups[rowGroup]?.columns[column.leaf]?.metaData;
    if (!column || !meta) throw new Error(`${where}: no such column chunk`);
    const d = meta.dictionaryPageOffset;
    if (d === undefined || d <= 0 || d >= meta.dataPageOffset) return null;
    try {
      let buf: Buffer;
      if (this.whole) buf = this.whole.subarray(d, meta.dataPageOffset);
      else {
        buf = Buffer.allocUnsafeSlow(meta.dataPageOffset - d);
        readFully(fd, buf, d);
      }
      return readDictionaryPage(buf, meta.codec);
    } catch (e) {
      throw new Error(`${where}: ${(e as Error).message}`, { cause: e });
    }
  }

  close(): void {
    if (this.fd !== undefined) platform().fs.close(this.fd);
    this.fd = undefined;
    this.whole = null;
  }
}

/** The decoded footer, and where the data ends (the footer's first byte). */
function readFooter(fd: number, size: number): { meta: FileMetaData; dataEnd: number } {
  if (size < 12) throw new Error(`too small to be Parquet (${size} bytes)`);
  const head = Buffer.alloc(4);
  readFully(fd, head, 0);
  if (!head.equals(MAGIC)) throw new Error("not a Parquet file (no PAR1 magic at the start)");
  const len = footerLength(fd, size);
  const dataEnd = size - 8 - len;
  const footer = Buffer.allocUnsafeSlow(len);
  readFully(fd, footer, dataEnd);
  try {
    return { meta: decodeFileMetaData(footer), dataEnd };
  } catch (e) {
    throw new Error(`corrupt footer: ${(e as Error).message}`, { cause: e });
  }
}

function footerLength(fd: number, size: number): number {
  const tail = Buffer.alloc(8);
  readFully(fd, tail, size - 8);
  if (!tail.subarray(4).equals(MAGIC)) throw new Error("no PAR1 magic at the end (truncated, or not Parquet)");
  const len = tail.readUInt32LE(0);
  if (len > size - 12) throw new Error(`footer length ${len} is more than the file's ${size} bytes allow`);
  return len;
}

/** Checks every chunk the reader may read lies between the leading magic and the footer. */
function checkRowGroups(meta: FileMetaData, layout: FileLayout, dataEnd: number): void {
  if (!Number.isSafeInteger(meta.numRows) || meta.numRows < 0) throw new Error(`footer says ${meta.numRows} rows`);
  meta.rowGroups.forEach((g, i) => {
    if (!Number.isSafeInteger(g.numRows) || g.numRows < 0) throw new Error(`row group ${i} says ${g.numRows} rows`);
    if (g.columns.length !== layout.leafCount) throw new Error(`row group ${i} has ${g.columns.length} column chunks, the schema ${layout.leafCount}`);
    for (const c of layout.columns) {
      const chunk = g.columns[c.leaf];
      const m = chunk?.metaData;
      if (!m) throw new Error(`row group ${i}, column "${c.name}": no column metadata`);
      if (chunk.filePath) throw new Error(`row group ${i}, column "${c.name}": stored in another file (${chunk.filePath})`);
      const start = chunkStart(m);
      const end = start + m.totalCompressedSize;
      if (!(start >= 4 && m.totalCompressedSize >= 0 && end <= dataEnd)) {
        throw new Error(`row group ${i}, column "${c.name}": chunk at bytes ${start}..${end} lies outside the data (4..${dataEnd})`);
      }
    }
  });
}

/** The dictionary page comes first when there is one; 0 means "none" in some writers' output. */
function chunkStart(m: ColumnMetaData): number {
  const d = m.dictionaryPageOffset;
  return d !== undefined && d > 0 && d < m.dataPageOffset ? d : m.dataPageOffset;
}

function readFully(fd: number, buf: Uint8Array, position: number): void {
  let done = 0;
  while (done < buf.length) {
    const n = platform().fs.read(fd, buf, done, buf.length - done, position + done);
    if (n === 0) throw new Error(`unexpected end of file at byte ${position + done}`);
    done += n;
  }
}

function declaredTypes(meta: FileMetaData): Map<string, string> {
  const entry = meta.keyValueMetadata?.find((kv) => kv.key === COLUMN_TYPES_KEY);
  const out = new Map<string, string>();
  if (!entry?.value) return out;
  try {
    const parsed: unknown = JSON.parse(entry.value);
    if (parsed && typeof parsed === "object") for (const [k, v] of Object.entries(parsed)) if (typeof v === "string") out.set(k, v);
  } catch {
    // A damaged entry only loses the blob marks; those columns read as strings.
  }
  return out;
}

function rowGroupInfo(g: RowGroupMeta, byName: ReadonlyMap<string, ColumnLayout>): RowGroupInfo {
  return {
    numRows: g.numRows,
    column(name: string): ColumnChunkInfo | undefined {
      const c = byName.get(name);
      const m = c && g.columns[c.leaf]?.metaData;
      if (!m) return undefined;
      const s = m.statistics;
      const stats: ChunkStats = { min: s?.minValue, max: s?.maxValue, nullCount: s?.nullCount };
      const d = m.dictionaryPageOffset;
      const dictionaryBytes = d !== undefined && d > 0 && d < m.dataPageOffset ? m.dataPageOffset - d : 0;
      return { stats, compressedSize: m.totalCompressedSize, dictionaryBytes };
    },
  };
}
