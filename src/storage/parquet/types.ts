/**
 * The in-memory shapes the Parquet writer takes and the reader returns. String columns stay as
 * dictionary ids plus one UTF-8 byte pool, so reading a column chunk allocates a few typed arrays,
 * never a JS string per row.
 */

/** Dictionary entries as UTF-8 bytes: entry i is pool[offsets[i] .. offsets[i+1]); offsets.length = n+1. */
export interface Utf8Entries {
  readonly pool: Uint8Array;
  readonly offsets: Uint32Array;
}

/** A string column chunk: per row 0 = null, k > 0 = entry k-1 of dict. */
export interface DictChunk {
  readonly kind: "dict";
  readonly dict: Utf8Entries;
  readonly ids: Uint8Array | Uint16Array | Uint32Array | Int32Array;
}

/**
 * A multivalue string column chunk: row r has items[starts[r] .. starts[r+1]) (each k > 0 = entry
 * k-1); an empty range is null. An item 0 is a null element (only foreign files have those).
 */
export interface ListChunk {
  readonly kind: "list";
  readonly dict: Utf8Entries;
  readonly starts: Uint32Array;
  readonly items: Uint32Array;
}

/** Long text (_raw, XML blocks): plain BYTE_ARRAY values in already-compressed data pages, kept compressed in memory and on disk. */
export interface BlobPage {
  readonly rows: number;
  readonly codec: "brotli" | "gzip" | "none";
  readonly uncompressedSize: number;
  /** The page body exactly as stored in the Parquet data page (def levels + plain values), compressed. */
  readonly data: Uint8Array;
}

export interface BlobChunk {
  readonly kind: "blob";
  readonly pages: readonly BlobPage[];
}

/** A required DOUBLE column chunk. */
export interface DoubleChunk {
  readonly kind: "double";
  readonly values: Float64Array;
}

/** A required INT32 column chunk. */
export interface Int32Chunk {
  readonly kind: "int32";
  readonly values: Int32Array;
}

export type ColumnChunk = DictChunk | ListChunk | BlobChunk | DoubleChunk | Int32Chunk;

export type ColumnType = "string" | "string-list" | "blob" | "double" | "int32";

export interface ColumnSchema {
  readonly name: string;
  readonly type: ColumnType;
}

/** One row group to write; a string, list or blob column missing from `chunks` is written all-null. */
export interface RowGroupInput {
  readonly numRows: number;
  readonly chunks: ReadonlyMap<string, ColumnChunk>;
}

/** Column chunk statistics as stored: min/max in the column's byte order (UTF-8 bytes, or little-endian numbers). */
export interface ChunkStats {
  readonly min?: Uint8Array;
  readonly max?: Uint8Array;
  readonly nullCount?: number;
}
