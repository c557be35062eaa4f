/**
 * CRC-32 (ISO-HDLC, zlib's polynomial 0xEDB88320) from a table: the browser's CRC-32 and Node's
 * before 20.15 (zlib.crc32). EVTX headers and records (libevtx §2, §3) and zip members use it.
 */
export const CRC32_TABLE = ((): Uint32Array => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

/** CRC-32 of `buf[from, to)`, continuing from `crc` (0 to start). */
export function tableCrc32(buf: Uint8Array, from: number, to: number, crc = 0): number {
  let c = ~crc >>> 0;
  for (let i = from; i < to; i++) c = CRC32_TABLE[(c ^ buf[i]!) & 0xff]! ^ (c >>> 8);
  return ~c >>> 0;
}
