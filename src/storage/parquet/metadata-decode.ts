/** Decodes the footer and page headers from Thrift compact bytes into metadata-types shapes. */
import { CompactReader, type TStruct, type TValue } from "./thrift-reader.js";
import { asInt, asString, asStruct, optBool, optBytes, optInt, optList, optString, optStruct, reqInt, reqList, reqString } from "./thrift-fields.js";
import type {
  ColumnChunkMeta,
  ColumnMetaData,
  FileMetaData,
  KeyValue,
  PageHeader,
  RowGroupMeta,
  SchemaElement,
  StatisticsMeta,
} from "./metadata-types.js";

export function decodeFileMetaData(buf: Uint8Array, start = 0, end = buf.length): FileMetaData {
  const s = new CompactReader(buf, start, end).struct();
  return {
    version: reqInt(s, 1, "FileMetaData.version"),
    schema: reqList(s, 2, "FileMetaData.schema").map((v) => schemaElement(asStruct(v, "SchemaElement"))),
    numRows: reqInt(s, 3, "FileMetaData.num_rows"),
    rowGroups: reqList(s, 4, "FileMetaData.row_groups").map((v) => rowGroup(asStruct(v, "RowGroup"))),
    keyValueMetadata: optList(s, 5, "FileMetaData.key_value_metadata")?.map(keyValue),
    createdBy: optString(s, 6, "FileMetaData.created_by"),
  };
}

/** A page header starting at `pos`; `end` is where the page body starts. */
export function decodePageHeader(buf: Uint8Array, pos: number, limit = buf.length): { header: PageHeader; end: number } {
  const r = new CompactReader(buf, pos, limit);
  const s = r.struct();
  const d = optStruct(s, 5, "PageHeader.data_page_header");
  const dict = optStruct(s, 7, "PageHeader.dictionary_page_header");
  const v2 = optStruct(s, 8, "PageHeader.data_page_header_v2");
  const header: PageHeader = {
    type: reqInt(s, 1, "PageHeader.type"),
    uncompressedPageSize: reqInt(s, 2, "PageHeader.uncompressed_page_size"),
    compressedPageSize: reqInt(s, 3, "PageHeader.compressed_page_size"),
    dataPageHeader: d && {
      numValues: reqInt(d, 1, "DataPageHeader.num_values"),
      encoding: reqInt(d, 2, "DataPageHeader.encoding"),
      definitionLevelEncoding: reqInt(d, 3, "DataPageHeader.definition_level_encoding"),
      repetitionLevelEncoding: reqInt(d, 4, "DataPageHeader.repetition_level_encoding"),
    },
    dictionaryPageHeader: dict && {
      numValues: reqInt(dict, 1, "DictionaryPageHeader.num_values"),
      encoding: reqInt(dict, 2, "DictionaryPageHeader.encoding"),
      isSorted: optBool(dict, 3, "DictionaryPageHeader.is_sorted"),
    },
    dataPageHeaderV2: v2 && {
      numValues: reqInt(v2, 1, "DataPageHeaderV2.num_values"),
      numNulls: reqInt(v2, 2, "DataPageHeaderV2.num_nulls"),
      numRows: reqInt(v2, 3, "DataPageHeaderV2.num_rows"),
      encoding: reqInt(v2, 4, "DataPageHeaderV2.encoding"),
      definitionLevelsByteLength: reqInt(v2, 5, "DataPageHeaderV2.definition_levels_byte_length"),
      repetitionLevelsByteLength: reqInt(v2, 6, "DataPageHeaderV2.repetition_levels_byte_length"),
      isCompressed: optBool(v2, 7, "DataPageHeaderV2.is_compressed") ?? true,
    },
  };
  return { header, end: r.pos };
}

function schemaElement(s: TStruct): SchemaElement {
  const lt = optStruct(s, 10, "SchemaElement.logicalType");
  return {
    name: reqString(s, 4, "SchemaElement.name"),
    type: optInt(s, 1, "SchemaElement.type"),
    repetitionType: optInt(s, 3, "SchemaElement.repetition_type"),
    numChildren: optInt(s, 5, "SchemaElement.num_children"),
    convertedType: optInt(s, 6, "SchemaElement.converted_type"),
    // LogicalType is a union: field 1 = STRING, field 3 = LIST.
    logicalType: lt === undefined ? undefined : lt.has(1) ? "STRING" : lt.has(3) ? "LIST" : "OTHER",
  };
}

function rowGroup(s: TStruct): RowGroupMeta {
  return {
    columns: reqList(s, 1, "RowGroup.columns").map((v) => columnChunk(asStruct(v, "ColumnChunk"))),
    totalByteSize: reqInt(s, 2, "RowGroup.total_byte_size"),
    numRows: reqInt(s, 3, "RowGroup.num_rows"),
    fileOffset: optInt(s, 5, "RowGroup.file_offset"),
    totalCompressedSize: optInt(s, 6, "RowGroup.total_compressed_size"),
    ordinal: optInt(s, 7, "RowGroup.ordinal"),
  };
}

function columnChunk(s: TStruct): ColumnChunkMeta {
  const m = optStruct(s, 3, "ColumnChunk.meta_data");
  return {
    filePath: optString(s, 1, "ColumnChunk.file_path"),
    fileOffset: optInt(s, 2, "ColumnChunk.file_offset") ?? 0,
    metaData: m && columnMetaData(m),
  };
}

function columnMetaData(s: TStruct): ColumnMetaData {
  const st = optStruct(s, 12, "ColumnMetaData.statistics");
  return {
    type: reqInt(s, 1, "ColumnMetaData.type"),
    encodings: (optList(s, 2, "ColumnMetaData.encodings") ?? []).map((v) => asInt(v, "ColumnMetaData.encodings")),
    pathInSchema: reqList(s, 3, "ColumnMetaData.path_in_schema").map((v) => asString(v, "ColumnMetaData.path_in_schema")),
    codec: reqInt(s, 4, "ColumnMetaData.codec"),
    numValues: reqInt(s, 5, "ColumnMetaData.num_values"),
    totalUncompressedSize: reqInt(s, 6, "ColumnMetaData.total_uncompressed_size"),
    totalCompressedSize: reqInt(s, 7, "ColumnMetaData.total_compressed_size"),
    dataPageOffset: reqInt(s, 9, "ColumnMetaData.data_page_offset"),
    dictionaryPageOffset: optInt(s, 11, "ColumnMetaData.dictionary_page_offset"),
    statistics: st && statistics(st),
  };
}

/** Only min_value/max_value: the deprecated min/max used signed byte order for strings. */
function statistics(s: TStruct): StatisticsMeta {
  return {
    nullCount: optInt(s, 3, "Statistics.null_count"),
    maxValue: optBytes(s, 5, "Statistics.max_value"),
    minValue: optBytes(s, 6, "Statistics.min_value"),
  };
}

function keyValue(v: TValue): KeyValue {
  const s = asStruct(v, "KeyValue");
  return { key: reqString(s, 1, "KeyValue.key"), value: optString(s, 2, "KeyValue.value") };
}
