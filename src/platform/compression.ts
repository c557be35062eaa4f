/**
 * Compression the engine uses: streaming inflate of a byte range of a file (gzip files, deflated
 * zip members), whole-buffer gzip and brotli (Parquet pages), and CRC-32 (EVTX checksums, zip
 * members). Node's implementation uses `node:zlib` (the stream in a worker thread, node-inflate.ts);
 * the browser's uses fflate.
 */

export interface InflateSource {
  readonly path: string;
  /** First byte of the compressed data. */
  readonly start: number;
  /** One past the last byte. */
  readonly end: number;
  /** `gzip` (RFC 1952, multi-member) or `raw` (RFC 1951 deflate, as in zip members). */
  readonly kind: "gzip" | "raw";
}

export interface InflateProblem {
  readonly message: string;
  /** True when output stopped before the end of the data, so its last record is cut. */
  readonly cut: boolean;
}

export interface Compression {
  /**
   * Yields the decompressed bytes in pieces of at most `bufferSize` (Node's: at most
   * max(`bufferSize`, 1024), its worker's smallest buffer). A yielded view is valid only
   * until the next iteration (buffers are reused). Breaking out of the loop stops the work.
   * Damage in the data (truncated, corrupt, CRC or size mismatch, trailing bytes) is pushed to
   * `problems`, never thrown; everything decoded before it has been yielded.
   */
  inflateChunks(src: InflateSource, bufferSize: number, problems: InflateProblem[]): Generator<Uint8Array, void, undefined>;
  /** `level` 1 (fastest) to 9. */
  gzip(data: Uint8Array, level: number): Uint8Array;
  /** Fails past `maxOutput` bytes (a corrupt size or a bomb must not allocate without bound). */
  gunzip(data: Uint8Array, maxOutput: number): Uint8Array;
  /** `quality` 0–11, tuned for text. */
  brotliCompress(data: Uint8Array, quality: number): Uint8Array;
  brotliDecompress(data: Uint8Array, maxOutput: number): Uint8Array;
  /** CRC-32 (zlib's polynomial) of `data`, continuing from `crc` (0 to start). */
  crc32(data: Uint8Array, crc?: number): number;
}
