/** Encodes one column chunk of a row group, checking the chunk's kind against the column's type. */
import type { EncodedChunk } from "./encoded-chunk.js";
import { encodeBlobChunk } from "./encode-blob-chunk.js";
import { encodeListChunk } from "./encode-list-chunk.js";
import { encodeNumberChunk } from "./encode-number-chunk.js";
import { encodeStringChunk } from "./encode-string-chunk.js";
import type { ColumnChunk, ColumnSchema, ColumnType } from "./types.js";

const KIND: Record<ColumnType, ColumnChunk["kind"]> = {
  string: "dict",
  "string-list": "list",
  blob: "blob",
  double: "double",
  int32: "int32",
};

export function encodeColumn(column: ColumnSchema, chunk: ColumnChunk | undefined, numRows: number): EncodedChunk {
  if (chunk && chunk.kind !== KIND[column.type]) throw new Error(`a "${chunk.kind}" chunk for a ${column.type} column`);
  switch (column.type) {
    case "string":
      return encodeStringChunk(chunk?.kind === "dict" ? chunk : undefined, numRows);
    case "string-list":
      return encodeListChunk(chunk?.kind === "list" ? chunk : undefined, numRows);
    case "blob":
      return encodeBlobChunk(chunk?.kind === "blob" ? chunk : undefined, numRows);
    case "double":
    case "int32":
      if (chunk?.kind !== "double" && chunk?.kind !== "int32") throw new Error(`required ${column.type} column has no chunk`);
      return encodeNumberChunk(chunk, numRows);
  }
}
