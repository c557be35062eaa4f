/**
 * Snappy decompression, so files DuckDB and most other writers produce with their default codec
 * can be read. Every copy is bounds-checked against both buffers.
 */
export function snappyUncompress(src: Uint8Array, expected: number): Uint8Array {
  let pos = 0;
  let len = 0;
  for (let shift = 0; ; shift += 7) {
    if (pos >= src.length || shift > 28) throw new Error("snappy: bad length header");
    const b = src[pos++] as number;
    len += (b & 0x7f) * 2 ** shift;
    if (b < 0x80) break;
  }
  if (len !== expected) throw new Error(`snappy: block holds ${len} bytes, page header says ${expected}`);
  const out = new Uint8Array(len);
  let o = 0;
  while (pos < src.length) {
    const tag = src[pos++] as number;
    const kind = tag & 3;
    if (kind === 0) {
      let n = tag >>> 2;
      if (n >= 60) {
        const extra = n - 59;
        if (pos + extra > src.length) throw new Error("snappy: literal length past the end");
        n = 0;
        for (let k = 0; k < extra; k++) n += (src[pos + k] as number) * 2 ** (8 * k);
        pos += extra;
      }
      n += 1;
      if (pos + n > src.length || o + n > len) throw new Error("snappy: literal past the end");
      out.set(src.subarray(pos, pos + n), o);
      pos += n;
      o += n;
      continue;
    }
    let n: number;
    let off: number;
    if (kind === 1) {
      if (pos + 1 > src.length) throw new Error("snappy: copy past the end");
      n = ((tag >>> 2) & 7) + 4;
      off = ((tag >>> 5) << 8) | (src[pos] as number);
      pos += 1;
    } else if (kind === 2) {
      if (pos + 2 > src.length) throw new Error("snappy: copy past the end");
      n = (tag >>> 2) + 1;
      off = (src[pos] as number) | ((src[pos + 1] as number) << 8);
      pos += 2;
    } else {
      if (pos + 4 > src.length) throw new Error("snappy: copy past the end");
      n = (tag >>> 2) + 1;
      off = ((src[pos] as number) | ((src[pos + 1] as number) << 8) | ((src[pos + 2] as number) << 16)) + (src[pos + 3] as number) * 2 ** 24;
      pos += 4;
    }
    if (off === 0 || off > o || o + n > len) throw new Error("snappy: bad copy offset");
    if (off >= n) out.copyWithin(o, o - off, o - off + n);
    else for (let k = 0; k < n; k++) out[o + k] = out[o - off + k] as number;
    o += n;
  }
  if (o !== len) throw new Error(`snappy: decoded ${o} of ${len} bytes`);
  return out;
}
