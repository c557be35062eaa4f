/** Page compression: gzip for writing; uncompressed, gzip and snappy for reading. */
import { gunzipSync, gzipSync } from "node:zlib";
import { Codec, enumName } from "./constants.js";
import { snappyUncompress } from "./snappy.js";

/** zlib's fastest level: indexing speed matters more than the last few percent of size (measured: see README). */
export const GZIP_LEVEL = 1;

export function gzip(data: Uint8Array, level = GZIP_LEVEL): Uint8Array {
  return gzipSync(data, { level });
}

/** Decompresses one page body; `size` is the page header's uncompressed size. */
export function decompress(codec: number, data: Uint8Array, size: number): Uint8Array {
  let out: Uint8Array;
  switch (codec) {
    case Codec.UNCOMPRESSED:
      out = data;
      break;
    case Codec.GZIP:
      // The cap keeps a corrupt size or a gzip bomb from allocating without bound.
      out = gunzipSync(data, { maxOutputLength: Math.max(size, 1) });
      break;
    case Codec.SNAPPY:
      out = snappyUncompress(data, size);
      break;
    default:
      throw new Error(`unsupported compression codec ${enumName(Codec, codec)}`);
  }
  if (out.length !== size) throw new Error(`page decompresses to ${out.length} bytes, header says ${size}`);
  return out;
}
