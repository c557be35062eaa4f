/**
 * The subset of parquet.thrift this module writes and reads, with camelCase names. Integers are JS
 * numbers: i64 fields here are offsets, sizes and counts, far below 2^53.
 */

export interface StatisticsMeta {
  readonly nullCount?: number;
  readonly maxValue?: Uint8Array;
  readonly minValue?: Uint8Array;
}

export interface ColumnMetaData {
  readonly type: number;
  readonly encodings: readonly number[];
  readonly pathInSchema: readonly string[];
  readonly codec: number;
  /** Level entries, nulls included (for a list: one per element, plus one per null row). */
  readonly numValues: number;
  /** Page headers included, as the spec asks. */
  readonly totalUncompressedSize: number;
  readonly totalCompressedSize: number;
  readonly dataPageOffset: number;
  readonly dictionaryPageOffset?: number;
  readonly statistics?: StatisticsMeta;
}

export interface ColumnChunkMeta {
  readonly filePath?: string;
  readonly fileOffset: number;
  readonly metaData?: ColumnMetaData;
}

export interface RowGroupMeta {
  readonly columns: readonly ColumnChunkMeta[];
  readonly totalByteSize: number;
  readonly numRows: number;
  readonly fileOffset?: number;
  readonly totalCompressedSize?: number;
  readonly ordinal?: number;
}

export interface SchemaElement {
  readonly name: string;
  /** Set on leaves only. */
  readonly type?: number;
  readonly repetitionType?: number;
  readonly numChildren?: number;
  readonly convertedType?: number;
  readonly logicalType?: "STRING" | "LIST" | "OTHER";
}

export interface KeyValue {
  readonly key: string;
  readonly value?: string;
}

export interface FileMetaData {
  readonly version: number;
  /** Depth-first, root first. */
  readonly schema: readonly SchemaElement[];
  readonly numRows: number;
  readonly rowGroups: readonly RowGroupMeta[];
  readonly keyValueMetadata?: readonly KeyValue[];
  readonly createdBy?: string;
}

export interface DataPageHeader {
  readonly numValues: number;
  readonly encoding: number;
  readonly definitionLevelEncoding: number;
  readonly repetitionLevelEncoding: number;
}

export interface DataPageHeaderV2 {
  readonly numValues: number;
  readonly numNulls: number;
  readonly numRows: number;
  readonly encoding: number;
  readonly definitionLevelsByteLength: number;
  readonly repetitionLevelsByteLength: number;
  readonly isCompressed: boolean;
}

export interface DictionaryPageHeader {
  readonly numValues: number;
  readonly encoding: number;
  readonly isSorted?: boolean;
}

export interface PageHeader {
  readonly type: number;
  readonly uncompressedPageSize: number;
  readonly compressedPageSize: number;
  readonly dataPageHeader?: DataPageHeader;
  readonly dictionaryPageHeader?: DictionaryPageHeader;
  readonly dataPageHeaderV2?: DataPageHeaderV2;
}
