/**
 * Parquet's RLE / bit-packed hybrid encoding, used for definition and repetition levels and for
 * dictionary indices. Runs of 8+ equal values become RLE runs; everything else is bit-packed in
 * groups of 8, LSB first. Widths up to 24 use int32 bit ops; 25..32 use float arithmetic, since
 * JS bit ops would overflow.
 */
import type { ByteSink } from "./byte-sink.js";

export type IntArray = Uint8Array | Uint16Array | Uint32Array | Int32Array;

/** Bits needed for values 0..maxValue. */
export function bitWidth(maxValue: number): number {
  let w = 0;
  while (maxValue >= 2 ** w) w++;
  return w;
}

export function encodeHybrid(sink: ByteSink, values: ArrayLike<number>, count: number, width: number): void {
  let i = 0;
  while (i < count) {
    const v = values[i] as number;
    let j = i + 1;
    while (j < count && values[j] === v) j++;
    if (j - i >= 8) {
      writeRun(sink, v, j - i, width);
      i = j;
      continue;
    }
    // Bit-pack whole groups of 8 until a group boundary starts a run worth RLE-encoding; only the
    // section that ends the data may have a padded last group.
    let end = i + 8;
    while (end < count && !runOf8(values, end, count)) end += 8;
    end = Math.min(end, count);
    const groups = Math.ceil((end - i) / 8);
    sink.varint(groups * 2 + 1);
    pack(sink, values, i, end, groups * 8, width);
    i = end;
  }
}

function runOf8(values: ArrayLike<number>, at: number, count: number): boolean {
  if (at + 8 > count) return false;
  const v = values[at];
  for (let k = at + 1; k < at + 8; k++) if (values[k] !== v) return false;
  return true;
}

function writeRun(sink: ByteSink, value: number, run: number, width: number): void {
  sink.varint(run * 2);
  let v = value;
  for (let b = 0; b < Math.ceil(width / 8); b++) {
    sink.u8(v % 256);
    v = Math.floor(v / 256);
  }
}

/** Packs values[start..end), zero-padded to `padded` values, into padded * width / 8 bytes. */
function pack(sink: ByteSink, values: ArrayLike<number>, start: number, end: number, padded: number, width: number): void {
  if (width === 0) return;
  let at = sink.alloc((padded * width) / 8);
  const out = sink.buf;
  let acc = 0;
  let bits = 0;
  if (width <= 24) {
    for (let i = 0; i < padded; i++) {
      const v = start + i < end ? (values[start + i] as number) : 0;
      acc |= v << bits;
      bits += width;
      while (bits >= 8) {
        out[at++] = acc & 0xff;
        acc >>>= 8;
        bits -= 8;
      }
    }
  } else {
    for (let i = 0; i < padded; i++) {
      const v = start + i < end ? (values[start + i] as number) : 0;
      acc += v * 2 ** bits;
      bits += width;
      while (bits >= 8) {
        const byte = acc % 256;
        out[at++] = byte;
        acc = (acc - byte) / 256;
        bits -= 8;
      }
    }
  }
}

/**
 * Decodes `count` values from src[pos..end) into out[outPos..); returns the position after the
 * last run read. Padding in a final bit-packed group is ignored; a group cut short by `end` is
 * read as far as it goes (some writers drop trailing zero bytes).
 */
export function decodeHybrid(src: Uint8Array, pos: number, end: number, width: number, out: IntArray, outPos: number, count: number): number {
  if (width > 32) throw new Error(`bit width ${width} is over 32`);
  const valueBytes = Math.ceil(width / 8);
  let done = 0;
  while (done < count) {
    if (pos >= end) throw new Error(`RLE/bit-packed data ends after ${done} of ${count} values`);
    let header = 0;
    for (let shift = 0; ; shift += 7) {
      if (pos >= end || shift > 35) throw new Error("bad RLE/bit-packed run header");
      const b = src[pos++] as number;
      header += (b & 0x7f) * 2 ** shift;
      if (b < 0x80) break;
    }
    if (header % 2 === 0) {
      const run = header / 2;
      if (pos + valueBytes > end) throw new Error("RLE run value past the end of the data");
      let v = 0;
      for (let b = 0; b < valueBytes; b++) v += (src[pos + b] as number) * 2 ** (8 * b);
      pos += valueBytes;
      const take = Math.min(run, count - done);
      out.fill(v, outPos + done, outPos + done + take);
      done += take;
    } else {
      const groups = (header - 1) / 2;
      const bytes = groups * width;
      const avail = Math.min(bytes, end - pos);
      const fits = width === 0 ? groups * 8 : Math.floor((avail * 8) / width);
      const take = Math.min(groups * 8, count - done, fits);
      if (take === 0 && groups > 0) throw new Error("bit-packed run past the end of the data");
      unpack(src, pos, width, out, outPos + done, take);
      done += take;
      pos += avail;
    }
  }
  return pos;
}

function unpack(src: Uint8Array, pos: number, width: number, out: IntArray, outPos: number, n: number): void {
  if (width === 0) {
    out.fill(0, outPos, outPos + n);
    return;
  }
  let acc = 0;
  let bits = 0;
  if (width <= 24) {
    const mask = (1 << width) - 1;
    for (let i = 0; i < n; i++) {
      while (bits < width) {
        acc |= (src[pos++] as number) << bits;
        bits += 8;
      }
      out[outPos + i] = acc & mask;
      acc >>>= width;
      bits -= width;
    }
  } else {
    const div = 2 ** width;
    for (let i = 0; i < n; i++) {
      while (bits < width) {
        acc += (src[pos++] as number) * 2 ** bits;
        bits += 8;
      }
      const v = acc % div;
      out[outPos + i] = v;
      acc = (acc - v) / div;
      bits -= width;
    }
  }
}
