/** Encodes a "string" column chunk (optional BYTE_ARRAY, dictionary-encoded). */
import { ByteSink } from "./byte-sink.js";
import { DictRemap } from "./dict-remap.js";
import type { EncodedChunk } from "./encoded-chunk.js";
import { encodeDictPages, writeLevels } from "./encode-dict-pages.js";
import type { DictChunk } from "./types.js";
import { utf8Entries } from "./utf8-entries.js";

const EMPTY = utf8Entries([]);

export function encodeStringChunk(chunk: DictChunk | undefined, numRows: number): EncodedChunk {
  const ids = chunk?.ids;
  if (ids && ids.length !== numRows) throw new Error(`${ids.length} ids for ${numRows} rows`);
  const dict = chunk?.dict ?? EMPTY;
  const remap = new DictRemap(dict, numRows);
  const defs = new Uint8Array(numRows);
  const indices = new Uint32Array(numRows);
  let count = 0;
  if (ids) {
    for (let r = 0; r < numRows; r++) {
      const k = ids[r] as number;
      if (k === 0) continue;
      defs[r] = 1;
      indices[count++] = remap.index(k);
    }
  }
  const sink = new ByteSink(64 + numRows);
  writeLevels(sink, defs, numRows, 1);
  return encodeDictPages(sink, numRows, numRows - count, { dict, remap, indices, count });
}
