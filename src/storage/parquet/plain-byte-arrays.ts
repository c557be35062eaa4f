/**
 * PLAIN-encoded BYTE_ARRAY values (4-byte little-endian length, then the bytes), read into
 * Utf8Entries: the lengths are dropped so entry i is pool[offsets[i] .. offsets[i+1]).
 */
import type { Utf8Entries } from "./types.js";
import type { ByteSink } from "./byte-sink.js";

/** Reads `n` values from src[pos..end); `next` is where the values ended. */
export function readPlainByteArrays(src: Uint8Array, pos: number, end: number, n: number): { entries: Utf8Entries; next: number } {
  if (n > (end - pos) / 4) throw new Error(`${n} byte-array values cannot fit in ${end - pos} bytes`);
  const offsets = new Uint32Array(n + 1);
  const pool = new Uint8Array(end - pos - 4 * n);
  let o = 0;
  for (let i = 0; i < n; i++) {
    if (pos + 4 > end) throw new Error(`byte-array value ${i} of ${n} past the end of the page`);
    const len = ((src[pos] as number) | ((src[pos + 1] as number) << 8) | ((src[pos + 2] as number) << 16)) + (src[pos + 3] as number) * 2 ** 24;
    pos += 4;
    if (len > end - pos) throw new Error(`byte-array value ${i} of ${n} past the end of the page`);
    // Short values (most dictionary entries) copy faster by hand than through a subarray.
    if (len < 32) for (let k = 0; k < len; k++) pool[o + k] = src[pos + k] as number;
    else pool.set(src.subarray(pos, pos + len), o);
    o += len;
    pos += len;
    offsets[i + 1] = o;
  }
  return { entries: { pool: pool.subarray(0, o), offsets }, next: pos };
}

/** Writes entries order[0..count) of `dict` as PLAIN byte arrays. */
export function writePlainByteArrays(sink: ByteSink, dict: Utf8Entries, order: Uint32Array, count: number): void {
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const e = order[i] as number;
    const s = dict.offsets[e] as number;
    const t = dict.offsets[e + 1] as number;
    if (!(s <= t && t <= dict.pool.length)) throw new Error(`dictionary entry ${e} spans ${s}..${t} of a ${dict.pool.length}-byte pool`);
    bytes += 4 + t - s;
  }
  let at = sink.alloc(bytes);
  const out = sink.buf;
  for (let i = 0; i < count; i++) {
    const e = order[i] as number;
    const s = dict.offsets[e] as number;
    const len = (dict.offsets[e + 1] as number) - s;
    out.writeUInt32LE(len, at);
    at += 4;
    if (len < 32) for (let k = 0; k < len; k++) out[at + k] = dict.pool[s + k] as number;
    else out.set(dict.pool.subarray(s, s + len), at);
    at += len;
  }
}
