/**
 * Writes a Parquet file row group by row group with synchronous fs calls: each column chunk is
 * encoded, written, and dropped before the next, so memory holds one chunk's pages plus the
 * footer metadata, never the file.
 */
import { platform } from "../../platform/platform.js";
import { MAGIC } from "./constants.js";
import { encodeColumn } from "./encode-column.js";
import type { EncodedChunk, EncodedPage } from "./encoded-chunk.js";
import { encodeFileMetaData, encodePageHeader } from "./metadata-encode.js";
import type { ColumnChunkMeta, KeyValue, RowGroupMeta } from "./metadata-types.js";
import { COLUMN_TYPES_KEY, leafPath, physicalType, schemaElements } from "./schema-elements.js";
import type { ColumnSchema, RowGroupInput } from "./types.js";

export const CREATED_BY = "minispl parquet writer version 1";

/**
 * `rowGroups` may be any iterable (a generator can build each row group as it is written).
 * On failure the partial file is removed and the error names the file, row group and column.
 */
export function writeParquetFile(
  path: string,
  columns: readonly ColumnSchema[],
  rowGroups: Iterable<RowGroupInput>,
  keyValue?: Record<string, string>,
): { bytes: number } {
  try {
    checkColumns(columns);
  } catch (e) {
    throw new Error(`writing Parquet file ${path}: ${(e as Error).message}`, { cause: e });
  }
  const fd = platform().fs.open(path, "w");
  const out = new FileOut(fd);
  let ok = false;
  let where = "";
  try {
    out.write(MAGIC);
    const groups: RowGroupMeta[] = [];
    let numRows = 0;
    for (const rg of rowGroups) {
      where = `row group ${groups.length}`;
      checkRowGroup(rg, columns);
      const start = out.offset;
      const metas: ColumnChunkMeta[] = [];
      for (const c of columns) {
        where = `row group ${groups.length}, column "${c.name}"`;
        metas.push(writeChunk(out, c, encodeColumn(c, rg.chunks.get(c.name), rg.numRows)));
      }
      const totalByteSize = metas.reduce((n, m) => n + (m.metaData?.totalUncompressedSize ?? 0), 0);
      groups.push({ columns: metas, totalByteSize, numRows: rg.numRows, fileOffset: start, totalCompressedSize: out.offset - start, ordinal: groups.length });
      numRows += rg.numRows;
    }
    where = "footer";
    const kv: KeyValue[] = Object.entries(keyValue ?? {})
      .filter(([key]) => key !== COLUMN_TYPES_KEY)
      .map(([key, value]) => ({ key, value }));
    kv.push({ key: COLUMN_TYPES_KEY, value: JSON.stringify(Object.fromEntries(columns.map((c) => [c.name, c.type]))) });
    const footer = encodeFileMetaData({ version: 1, schema: schemaElements(columns), numRows, rowGroups: groups, keyValueMetadata: kv, createdBy: CREATED_BY });
    out.write(footer);
    const len = Buffer.alloc(4);
    len.writeUInt32LE(footer.length);
    out.write(len);
    out.write(MAGIC);
    ok = true;
  } catch (e) {
    throw new Error(`writing Parquet file ${path}: ${where}: ${(e as Error).message}`, { cause: e });
  } finally {
    platform().fs.close(fd);
    if (!ok) unlinkQuietly(path);
  }
  return { bytes: out.offset };
}

function writeChunk(out: FileOut, c: ColumnSchema, e: EncodedChunk): ColumnChunkMeta {
  const start = out.offset;
  let uncompressed = 0;
  const page = (p: EncodedPage): void => {
    const header = encodePageHeader(p.header);
    out.write(header);
    out.write(p.body);
    uncompressed += header.length + p.header.uncompressedPageSize;
  };
  const dictionaryPageOffset = e.dictionaryPage ? start : undefined;
  if (e.dictionaryPage) page(e.dictionaryPage);
  const dataPageOffset = out.offset;
  for (const p of e.dataPages) page(p);
  return {
    fileOffset: start,
    metaData: {
      type: physicalType(c),
      encodings: e.encodings,
      pathInSchema: leafPath(c),
      codec: e.codec,
      numValues: e.numValues,
      totalUncompressedSize: uncompressed,
      totalCompressedSize: out.offset - start,
      dataPageOffset,
      dictionaryPageOffset,
      statistics: e.statistics,
    },
  };
}

class FileOut {
  offset = 0;
  constructor(private readonly fd: number) {}

  write(b: Uint8Array): void {
    let done = 0;
    while (done < b.length) done += platform().fs.write(this.fd, b, done, b.length - done);
    this.offset += b.length;
  }
}

function checkColumns(columns: readonly ColumnSchema[]): void {
  const seen = new Set<string>();
  for (const c of columns) {
    if (c.name === "") throw new Error("a column has an empty name");
    if (seen.has(c.name)) throw new Error(`column "${c.name}" is listed twice`);
    seen.add(c.name);
  }
}

function checkRowGroup(rg: RowGroupInput, columns: readonly ColumnSchema[]): void {
  if (!Number.isInteger(rg.numRows) || rg.numRows < 0) throw new Error(`numRows ${rg.numRows} is not a row count`);
  for (const name of rg.chunks.keys()) {
    if (!columns.some((c) => c.name === name)) throw new Error(`a chunk for "${name}", which is not a column`);
  }
}

function unlinkQuietly(path: string): void {
  try {
    platform().fs.remove(path);
  } catch {
    // Already gone or never created; the original error is what matters.
  }
}
