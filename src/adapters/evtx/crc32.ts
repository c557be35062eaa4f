/**
 * CRC-32 (ISO-HDLC / zlib polynomial 0xEDB88320), as the EVTX file and chunk headers use it
 * (libevtx "Windows XML Event Log (EVTX)" §2 file header checksum, §3 chunk header and event
 * records checksums). Node's native `zlib.crc32` (Node ≥ 20.15) when present, else a table.
 */
import * as zlib from "node:zlib";

export const TABLE = ((): Uint32Array => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

const native = (zlib as { crc32?: (data: Uint8Array, value?: number) => number }).crc32;

/** CRC-32 of `buf[from, to)`, continuing from `crc` (0 to start). */
export function crc32(buf: Uint8Array, from: number, to: number, crc = 0): number {
  if (native) return native(buf.subarray(from, to), crc) >>> 0;
  return tableCrc32(buf, from, to, crc);
}

/** The portable table-driven CRC-32 (exported so tests can check it against the native one). */
export function tableCrc32(buf: Uint8Array, from: number, to: number, crc = 0): number {
  let c = ~crc >>> 0;
  for (let i = from; i < to; i++) c = TABLE[(c ^ buf[i]!) & 0xff]! ^ (c >>> 8);
  return ~c >>> 0;
}
