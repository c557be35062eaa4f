/** Thrift compact encoding of the footer (FileMetaData) and of page headers. */
import { CompactWriter, TType } from "./thrift-writer.js";
import type {
  ColumnChunkMeta,
  ColumnMetaData,
  FileMetaData,
  PageHeader,
  RowGroupMeta,
  SchemaElement,
  StatisticsMeta,
} from "./metadata-types.js";

export function encodeFileMetaData(m: FileMetaData): Uint8Array {
  const w = new CompactWriter();
  w.i32(1, m.version);
  w.list(2, TType.STRUCT, m.schema, schemaElement);
  w.i64(3, m.numRows);
  w.list(4, TType.STRUCT, m.rowGroups, rowGroup);
  if (m.keyValueMetadata) {
    w.list(5, TType.STRUCT, m.keyValueMetadata, (s, kv) => {
      s.string(1, kv.key);
      if (kv.value !== undefined) s.string(2, kv.value);
    });
  }
  if (m.createdBy !== undefined) w.string(6, m.createdBy);
  // column_orders: TypeDefinedOrder for every leaf. Readers only trust min_value/max_value (byte
  // order for strings) when the file declares the order it used.
  const leaves = m.schema.filter((e) => e.type !== undefined);
  w.list(7, TType.STRUCT, leaves, (s) => s.struct(1, () => {}));
  return w.finish();
}

export function encodePageHeader(h: PageHeader): Uint8Array {
  const w = new CompactWriter();
  w.i32(1, h.type);
  w.i32(2, h.uncompressedPageSize);
  w.i32(3, h.compressedPageSize);
  const d = h.dataPageHeader;
  if (d) {
    w.struct(5, (s) => {
      s.i32(1, d.numValues);
      s.i32(2, d.encoding);
      s.i32(3, d.definitionLevelEncoding);
      s.i32(4, d.repetitionLevelEncoding);
    });
  }
  const dict = h.dictionaryPageHeader;
  if (dict) {
    w.struct(7, (s) => {
      s.i32(1, dict.numValues);
      s.i32(2, dict.encoding);
      if (dict.isSorted !== undefined) s.bool(3, dict.isSorted);
    });
  }
  return w.finish();
}

function schemaElement(w: CompactWriter, e: SchemaElement): void {
  if (e.type !== undefined) w.i32(1, e.type);
  if (e.repetitionType !== undefined) w.i32(3, e.repetitionType);
  w.string(4, e.name);
  if (e.numChildren !== undefined) w.i32(5, e.numChildren);
  if (e.convertedType !== undefined) w.i32(6, e.convertedType);
  // LogicalType is a union of empty structs: STRING is field 1, LIST field 3.
  if (e.logicalType === "STRING") w.struct(10, (s) => s.struct(1, () => {}));
  else if (e.logicalType === "LIST") w.struct(10, (s) => s.struct(3, () => {}));
}

function rowGroup(w: CompactWriter, g: RowGroupMeta): void {
  w.list(1, TType.STRUCT, g.columns, columnChunk);
  w.i64(2, g.totalByteSize);
  w.i64(3, g.numRows);
  if (g.fileOffset !== undefined) w.i64(5, g.fileOffset);
  if (g.totalCompressedSize !== undefined) w.i64(6, g.totalCompressedSize);
  if (g.ordinal !== undefined) w.i16(7, g.ordinal);
}

function columnChunk(w: CompactWriter, c: ColumnChunkMeta): void {
  if (c.filePath !== undefined) w.string(1, c.filePath);
  w.i64(2, c.fileOffset);
  const m = c.metaData;
  if (m) w.struct(3, (s) => columnMetaData(s, m));
}

function columnMetaData(w: CompactWriter, m: ColumnMetaData): void {
  w.i32(1, m.type);
  w.list(2, TType.I32, m.encodings, (s, e) => s.rawI32(e));
  w.list(3, TType.BINARY, m.pathInSchema, (s, p) => s.rawString(p));
  w.i32(4, m.codec);
  w.i64(5, m.numValues);
  w.i64(6, m.totalUncompressedSize);
  w.i64(7, m.totalCompressedSize);
  w.i64(9, m.dataPageOffset);
  if (m.dictionaryPageOffset !== undefined) w.i64(11, m.dictionaryPageOffset);
  const st = m.statistics;
  if (st) w.struct(12, (s) => statistics(s, st));
}

function statistics(w: CompactWriter, s: StatisticsMeta): void {
  if (s.nullCount !== undefined) w.i64(3, s.nullCount);
  if (s.maxValue) w.binary(5, s.maxValue);
  if (s.minValue) w.binary(6, s.minValue);
  if (s.maxValue) w.bool(7, true);
  if (s.minValue) w.bool(8, true);
}
