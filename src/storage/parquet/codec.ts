/**
 * Page compression: Brotli for writing; uncompressed, gzip, Brotli and snappy for reading.
 * Brotli over the 1 MB pages of `_raw` packs XML about twice as tight as gzip level 1 over 64 KB
 * pages, compresses no slower and decompresses faster (measured: see README). DuckDB and
 * hyparquet read Parquet's BROTLI codec.
 */
import { platform } from "../../platform/platform.js";
import { Codec, enumName } from "./constants.js";
import { snappyUncompress } from "./snappy.js";

/** zlib's fastest level, for gzip pages (format-2 indexes wrote them; tests build them). */
export const GZIP_LEVEL = 1;

/** Brotli quality 4: quality 5+ is ~10% smaller but compresses 2x slower; 1-3 lose ~20%. */
export const BROTLI_QUALITY = 4;

/** The page codecs this writer produces, as named in a BlobPage. */
export type PageCodec = "gzip" | "brotli" | "none";

export function gzip(data: Uint8Array, level = GZIP_LEVEL): Uint8Array {
  return platform().compression.gzip(data, level);
}

export function brotli(data: Uint8Array, quality = BROTLI_QUALITY): Uint8Array {
  return platform().compression.brotliCompress(data, quality);
}

/** Compresses one page body with a page codec. */
export function compressWith(codec: PageCodec, data: Uint8Array): Uint8Array {
  return codec === "gzip" ? gzip(data) : codec === "brotli" ? brotli(data) : data;
}

/** Parquet's codec number for a page codec. */
export function codecNumber(codec: PageCodec): number {
  return codec === "gzip" ? Codec.GZIP : codec === "brotli" ? Codec.BROTLI : Codec.UNCOMPRESSED;
}

/** Decompresses one page body; `size` is the page header's uncompressed size. */
export function decompress(codec: number, data: Uint8Array, size: number): Uint8Array {
  let out: Uint8Array;
  // The caps keep a corrupt size or a decompression bomb from allocating without bound.
  switch (codec) {
    case Codec.UNCOMPRESSED:
      out = data;
      break;
    case Codec.GZIP:
      out = platform().compression.gunzip(data, size);
      break;
    case Codec.BROTLI:
      out = platform().compression.brotliDecompress(data, size);
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
