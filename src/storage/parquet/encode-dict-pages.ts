/**
 * The pages shared by string and string-list chunks: a PLAIN dictionary page of the entries used,
 * and one data page of levels then RLE_DICTIONARY indices. A chunk where every value is null gets
 * no dictionary page: one PLAIN data page holding only levels.
 */
import { ByteSink } from "./byte-sink.js";
import { Encoding } from "./constants.js";
import type { DictRemap } from "./dict-remap.js";
import { chunkOf, compressPages, type EncodedChunk } from "./encoded-chunk.js";
import { writePlainByteArrays } from "./plain-byte-arrays.js";
import { bitWidth, encodeHybrid } from "./rle-hybrid.js";
import { bytesMinMax } from "./statistics.js";
import type { Utf8Entries } from "./types.js";

export interface DictValues {
  readonly dict: Utf8Entries;
  readonly remap: DictRemap;
  /** Dense index per present value, in level order. */
  readonly indices: Uint32Array;
  readonly count: number;
}

/** `levels` holds the data page's level sections (repetition then definition), already encoded. */
export function encodeDictPages(levels: ByteSink, numValues: number, nullCount: number, v: DictValues): EncodedChunk {
  if (v.remap.used === 0) {
    const { codec, pages } = compressPages([{ dictionary: false, body: levels.finish(), numValues, encoding: Encoding.PLAIN }]);
    return chunkOf(codec, pages, false, { encodings: [Encoding.PLAIN, Encoding.RLE], numValues, statistics: { nullCount } });
  }
  const dictSink = new ByteSink(64 * v.remap.used); // grows once if entries are longer than ~60 bytes
  writePlainByteArrays(dictSink, v.dict, v.remap.order, v.remap.used);
  // Width from the dictionary size, at least 1: some readers mishandle width 0.
  const width = Math.max(1, bitWidth(v.remap.used - 1));
  levels.u8(width);
  encodeHybrid(levels, v.indices, v.count, width);
  const { codec, pages } = compressPages([
    { dictionary: true, body: dictSink.finish(), numValues: v.remap.used, encoding: Encoding.PLAIN },
    { dictionary: false, body: levels.finish(), numValues, encoding: Encoding.RLE_DICTIONARY },
  ]);
  const mm = bytesMinMax(v.dict, v.remap.order, v.remap.used);
  const statistics = mm ? { nullCount, minValue: mm.min, maxValue: mm.max } : { nullCount };
  return chunkOf(codec, pages, true, { encodings: [Encoding.PLAIN, Encoding.RLE, Encoding.RLE_DICTIONARY], numValues, statistics });
}

/** Writes one level section of a v1 data page: 4-byte length, then the hybrid-encoded levels. */
export function writeLevels(sink: ByteSink, levels: Uint8Array, count: number, maxLevel: number): void {
  const at = sink.alloc(4);
  encodeHybrid(sink, levels, count, bitWidth(maxLevel));
  sink.patchU32le(at, sink.length - at - 4);
}
