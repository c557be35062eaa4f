/**
 * Node's `Buffer`, for the engine in the browser: the subset the engine's code on the ingest and
 * search path uses (allocation, `from` strings/arrays/views, `toString`/`write` in utf8, latin1,
 * ascii, utf16le and hex, `equals`/`compare`/`copy`/`concat`, little-endian reads). A Uint8Array
 * subclass, so `subarray` keeps the methods (TypedArray species). Installed as `globalThis.Buffer`
 * by globals.ts before any engine module runs; Node never loads this file.
 */
type Encoding = "utf8" | "utf-8" | "latin1" | "binary" | "ascii" | "utf16le" | "ucs2" | "hex" | "base64";

const encoder = new TextEncoder();
const utf8 = new TextDecoder("utf-8");

function norm(enc: string | undefined): Encoding {
  const e = (enc ?? "utf8").toLowerCase();
  return (e === "ucs-2" || e === "utf-16le" ? "utf16le" : e) as Encoding;
}

export class BrowserBuffer extends Uint8Array {
  static alloc(size: number, fill?: number): BrowserBuffer {
    const b = new BrowserBuffer(size);
    if (fill) b.fill(fill);
    return b;
  }
  static allocUnsafe(size: number): BrowserBuffer {
    return new BrowserBuffer(size);
  }
  static allocUnsafeSlow(size: number): BrowserBuffer {
    return new BrowserBuffer(size);
  }
  static isBuffer(x: unknown): x is BrowserBuffer {
    return x instanceof BrowserBuffer;
  }
  static byteLength(x: string | ArrayBufferView | ArrayBuffer, enc?: string): number {
    if (typeof x !== "string") return x.byteLength;
    return encode(x, norm(enc)).length;
  }
  static compare(a: Uint8Array, b: Uint8Array): number {
    const n = Math.min(a.length, b.length);
    for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i]! < b[i]! ? -1 : 1;
    return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
  }
  static concat(list: readonly Uint8Array[], total?: number): BrowserBuffer {
    const size = total ?? list.reduce((s, b) => s + b.length, 0);
    const out = new BrowserBuffer(size);
    let at = 0;
    for (const b of list) {
      if (at >= size) break;
      const part = b.subarray(0, size - at);
      out.set(part, at);
      at += part.length;
    }
    return out;
  }
  static override from(x: unknown, encOrOffset?: unknown, length?: number): BrowserBuffer {
    if (typeof x === "string") {
      const bytes = encode(x, norm(encOrOffset as string | undefined));
      return new BrowserBuffer(bytes.buffer as ArrayBuffer, bytes.byteOffset, bytes.length);
    }
    if (x instanceof ArrayBuffer || (typeof SharedArrayBuffer !== "undefined" && x instanceof SharedArrayBuffer)) {
      const off = (encOrOffset as number | undefined) ?? 0;
      return new BrowserBuffer(x as ArrayBuffer, off, length ?? x.byteLength - off);
    }
    if (ArrayBuffer.isView(x)) {
      const src = new Uint8Array(x.buffer, x.byteOffset, x.byteLength);
      const b = new BrowserBuffer(src.length);
      b.set(src);
      return b;
    }
    const arr = Array.from(x as ArrayLike<number>);
    const b = new BrowserBuffer(arr.length);
    b.set(arr);
    return b;
  }

  override subarray(start?: number, end?: number): BrowserBuffer {
    return super.subarray(start, end) as BrowserBuffer;
  }
  override toString(enc?: string, start = 0, end = this.length): string {
    const s = Math.max(0, start);
    const e = Math.min(this.length, end);
    if (e <= s) return "";
    const part = this.subarray(s, e);
    switch (norm(enc)) {
      case "latin1": case "binary": return latin1(part, false);
      case "ascii": return latin1(part, true);
      case "utf16le": return utf16le(part);
      case "hex": return Array.from(part, (c) => c.toString(16).padStart(2, "0")).join("");
      case "base64": return btoa(latin1(part, false));
      default: return utf8.decode(part);
    }
  }
  utf8Slice(start: number, end: number): string {
    return utf8.decode(this.subarray(start, end));
  }
  latin1Slice(start: number, end: number): string {
    return latin1(this.subarray(start, end), false);
  }
  write(s: string, offset = 0, enc?: string): number {
    const e = norm(enc);
    if (e === "utf8" || e === "utf-8") return encoder.encodeInto(s, this.subarray(offset)).written;
    const bytes = encode(s, e);
    const n = Math.min(bytes.length, this.length - offset);
    this.set(bytes.subarray(0, n), offset);
    return n;
  }
  equals(other: Uint8Array): boolean {
    return BrowserBuffer.compare(this, other) === 0;
  }
  compare(other: Uint8Array): number {
    return BrowserBuffer.compare(this, other);
  }
  copy(target: Uint8Array, targetStart = 0, sourceStart = 0, sourceEnd = this.length): number {
    const part = this.subarray(sourceStart, Math.min(sourceEnd, sourceStart + target.length - targetStart));
    target.set(part, targetStart);
    return part.length;
  }
  override indexOf(value: number | string | Uint8Array, from = 0): number {
    if (typeof value === "number") return super.indexOf(value, from);
    const needle = typeof value === "string" ? encoder.encode(value) : value;
    if (needle.length === 0) return from;
    outer: for (let i = Math.max(0, from); i <= this.length - needle.length; i++) {
      for (let j = 0; j < needle.length; j++) if (this[i + j] !== needle[j]) continue outer;
      return i;
    }
    return -1;
  }
  override includes(value: number | string | Uint8Array, from = 0): boolean {
    return this.indexOf(value, from) !== -1;
  }
  private view(): DataView {
    return new DataView(this.buffer, this.byteOffset, this.byteLength);
  }
  readUInt8(o = 0): number { return this.view().getUint8(o); }
  readInt8(o = 0): number { return this.view().getInt8(o); }
  readUInt16LE(o = 0): number { return this.view().getUint16(o, true); }
  readInt16LE(o = 0): number { return this.view().getInt16(o, true); }
  readUInt16BE(o = 0): number { return this.view().getUint16(o, false); }
  readUInt32LE(o = 0): number { return this.view().getUint32(o, true); }
  readInt32LE(o = 0): number { return this.view().getInt32(o, true); }
  readUInt32BE(o = 0): number { return this.view().getUint32(o, false); }
  readBigUInt64LE(o = 0): bigint { return this.view().getBigUint64(o, true); }
  readBigInt64LE(o = 0): bigint { return this.view().getBigInt64(o, true); }
  readFloatLE(o = 0): number { return this.view().getFloat32(o, true); }
  readDoubleLE(o = 0): number { return this.view().getFloat64(o, true); }
  readUIntBE(o: number, n: number): number {
    let v = 0;
    for (let i = 0; i < n; i++) v = v * 256 + this[o + i]!;
    return v;
  }
  readUIntLE(o: number, n: number): number {
    let v = 0;
    for (let i = n - 1; i >= 0; i--) v = v * 256 + this[o + i]!;
    return v;
  }
  writeUInt32LE(v: number, o = 0): number {
    this.view().setUint32(o, v, true);
    return o + 4;
  }
}

/** UTF-16LE code units as they are, lone surrogates included (Node keeps them; TextDecoder would not). */
function utf16le(b: Uint8Array): string {
  let s = "";
  const units: number[] = [];
  for (let i = 0; i + 1 < b.length; i += 2) {
    units.push(b[i]! | (b[i + 1]! << 8));
    if (units.length === 8192) s += String.fromCharCode(...units.splice(0));
  }
  return s + String.fromCharCode(...units);
}

function latin1(b: Uint8Array, ascii: boolean): string {
  let s = "";
  for (let i = 0; i < b.length; i += 8192) s += String.fromCharCode(...(ascii ? b.subarray(i, i + 8192).map((c) => c & 0x7f) : b.subarray(i, i + 8192)));
  return s;
}

function encode(s: string, enc: Encoding): Uint8Array {
  switch (enc) {
    case "latin1": case "binary": case "ascii": return Uint8Array.from(s, (c) => c.charCodeAt(0) & 0xff);
    case "utf16le": {
      const out = new Uint8Array(s.length * 2);
      for (let i = 0; i < s.length; i++) {
        const c = s.charCodeAt(i);
        out[2 * i] = c & 0xff;
        out[2 * i + 1] = c >> 8;
      }
      return out;
    }
    case "hex": {
      const out = new Uint8Array(s.length >> 1);
      for (let i = 0; i < out.length; i++) {
        const v = parseInt(s.slice(2 * i, 2 * i + 2), 16);
        if (Number.isNaN(v)) return out.subarray(0, i);
        out[i] = v;
      }
      return out;
    }
    case "base64": return Uint8Array.from(atob(s), (c) => c.charCodeAt(0));
    default: return encoder.encode(s);
  }
}
