/** Encodes required DOUBLE and INT32 column chunks: one PLAIN data page, no levels. */
import { endianness } from "node:os";
import { Encoding } from "./constants.js";
import { chunkOf, compressPages, type EncodedChunk } from "./encoded-chunk.js";
import { doubleMinMax, int32MinMax } from "./statistics.js";
import type { DoubleChunk, Int32Chunk } from "./types.js";

const LITTLE_ENDIAN = endianness() === "LE";

export function encodeNumberChunk(chunk: DoubleChunk | Int32Chunk, numRows: number): EncodedChunk {
  const values = chunk.values;
  if (values.length !== numRows) throw new Error(`${values.length} values for ${numRows} rows`);
  const mm = chunk.kind === "double" ? doubleMinMax(chunk.values) : int32MinMax(chunk.values);
  const { codec, pages } = compressPages([{ dictionary: false, body: plainBytes(chunk), numValues: numRows, encoding: Encoding.PLAIN }]);
  const statistics = mm ? { nullCount: 0, minValue: mm.min, maxValue: mm.max } : { nullCount: 0 };
  return chunkOf(codec, pages, false, { encodings: [Encoding.PLAIN], numValues: numRows, statistics });
}

/** PLAIN numbers are little-endian: the typed array's own bytes on every platform Node runs on but s390x. */
function plainBytes(chunk: DoubleChunk | Int32Chunk): Uint8Array {
  const v = chunk.values;
  if (LITTLE_ENDIAN) return new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
  const out = Buffer.alloc(v.byteLength);
  for (let i = 0; i < v.length; i++) {
    if (chunk.kind === "double") out.writeDoubleLE(chunk.values[i] as number, i * 8);
    else out.writeInt32LE(chunk.values[i] as number, i * 4);
  }
  return out;
}
