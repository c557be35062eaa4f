/**
 * `node:zlib` in the browser. No `crc32` export: the EVTX reader then uses its own table
 * (src/adapters/evtx/crc32.ts). No synchronous inflate exists in the browser, so a gzip file is
 * inflated by the page before it reaches the engine (DecompressionStream, playground/drop-files.ts);
 * the engine's own gzip/zip paths (files on disk) are not reached and throw.
 */
import { unavailable } from "./unavailable.js";

export const constants = {};
/** Absent on purpose: crc32.ts then computes CRC-32 with its table. */
export const crc32: undefined = undefined;
export const gunzipSync = unavailable("zlib.gunzipSync");
export const gzipSync = unavailable("zlib.gzipSync");
export const inflateRawSync = unavailable("zlib.inflateRawSync");
export const brotliCompressSync = unavailable("zlib.brotliCompressSync");
export const brotliDecompressSync = unavailable("zlib.brotliDecompressSync");
