/** Public surface of the Parquet writer and reader; see README.md for what it covers. */
export type {
  BlobChunk,
  BlobPage,
  ChunkStats,
  ColumnChunk,
  ColumnSchema,
  ColumnType,
  DictChunk,
  DoubleChunk,
  Int32Chunk,
  ListChunk,
  RowGroupInput,
  Utf8Entries,
} from "./types.js";
export { decodeBlobPage, encodeBlobPage } from "./blob-page.js";
export { writeParquetFile } from "./write-parquet-file.js";
export { ParquetFile, type ColumnChunkInfo, type RowGroupInfo } from "./parquet-file.js";
export { decodeFileMetaData, decodePageHeader } from "./metadata-decode.js";
export { encodeFileMetaData, encodePageHeader } from "./metadata-encode.js";
export type { FileMetaData, PageHeader } from "./metadata-types.js";
export { compareBytes, entryBytes, entryCount, entryString, entryStrings, utf8Entries } from "./utf8-entries.js";
