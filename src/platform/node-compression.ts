/** Compression on Node: `node:zlib`, the streaming inflate in a worker thread (node-inflate.ts). */
import * as zlib from "node:zlib";
import type { Compression } from "./compression.js";
import { tableCrc32 } from "./crc32-table.js";
import { inflateChunks } from "./node-inflate.js";

// zlib.crc32 exists from Node 20.15; the table is the same function, slower.
const nativeCrc32 = (zlib as { crc32?: (data: Uint8Array, value?: number) => number }).crc32;

export const nodeCompression: Compression = {
  inflateChunks,
  gzip: (data, level) => zlib.gzipSync(data, { level }),
  gunzip: (data, maxOutput) => zlib.gunzipSync(data, { maxOutputLength: Math.max(maxOutput, 1) }),
  brotliCompress: (data, quality) =>
    zlib.brotliCompressSync(data, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: quality,
        [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length,
      },
    }),
  brotliDecompress: (data, maxOutput) => zlib.brotliDecompressSync(data, { maxOutputLength: Math.max(maxOutput, 1) }),
  crc32: (data, crc = 0) => (nativeCrc32 ? nativeCrc32(data, crc) >>> 0 : tableCrc32(data, 0, data.length, crc)),
};
