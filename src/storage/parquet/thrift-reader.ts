/**
 * Thrift compact protocol reader. It decodes any struct generically (field id -> value), so
 * fields this reader does not know — nested structs, lists, maps, binary — are consumed by the same
 * code that reads the known ones, and the typed layer (metadata-decode.ts) picks what it needs.
 * Every read is bounds-checked; list and binary sizes are checked against the bytes left, so a
 * corrupt footer fails fast instead of allocating or looping.
 */
import { TType } from "./thrift-writer.js";

export type TValue = number | boolean | Uint8Array | TStruct | readonly TValue[];
export type TStruct = ReadonlyMap<number, TValue>;

const MAX_DEPTH = 64;

export class CompactReader {
  constructor(
    private readonly buf: Uint8Array,
    public pos: number,
    private readonly end: number = buf.length,
  ) {}

  struct(depth = 0): Map<number, TValue> {
    if (depth > MAX_DEPTH) this.fail("structs nested too deeply");
    const out = new Map<number, TValue>();
    let lastId = 0;
    for (;;) {
      const b = this.byte();
      const type = b & 0x0f;
      if (type === TType.STOP) return out;
      const delta = b >>> 4;
      const id = delta === 0 ? unzigzag(this.varint()) : lastId + delta;
      lastId = id;
      const v = type === TType.TRUE ? true : type === TType.FALSE ? false : this.value(type, depth);
      if (v !== undefined) out.set(id, v);
    }
  }

  /** A value of `type`; maps are consumed and dropped (Parquet metadata we read has none). */
  private value(type: number, depth: number): TValue | undefined {
    switch (type) {
      case TType.BYTE:
        return this.byte();
      case TType.I16:
      case TType.I32:
      case TType.I64:
        return unzigzag(this.varint());
      case TType.DOUBLE: {
        this.need(8);
        const v = Buffer.from(this.buf.buffer, this.buf.byteOffset + this.pos, 8).readDoubleLE(0);
        this.pos += 8;
        return v;
      }
      case TType.BINARY: {
        const n = this.varint();
        this.need(n);
        const v = this.buf.subarray(this.pos, this.pos + n);
        this.pos += n;
        return v;
      }
      case TType.LIST:
      case TType.SET:
        return this.list(depth);
      case TType.MAP:
        this.map(depth);
        return undefined;
      case TType.STRUCT:
        return this.struct(depth + 1);
      default:
        return this.fail(`unknown field type ${type}`);
    }
  }

  private list(depth: number): TValue[] {
    const b = this.byte();
    const elemType = b & 0x0f;
    const size = b >>> 4 === 15 ? this.varint() : b >>> 4;
    // Every element takes at least one byte, so a larger size is corrupt.
    if (size > this.end - this.pos) this.fail(`list of ${size} elements in ${this.end - this.pos} bytes`);
    const out: TValue[] = [];
    for (let i = 0; i < size; i++) {
      if (elemType === TType.TRUE || elemType === TType.FALSE) out.push(this.byte() === 1);
      else out.push(this.value(elemType, depth) ?? false);
    }
    return out;
  }

  private map(depth: number): void {
    const size = this.varint();
    if (size === 0) return;
    if (size > this.end - this.pos) this.fail(`map of ${size} entries in ${this.end - this.pos} bytes`);
    const types = this.byte();
    for (let i = 0; i < size; i++) {
      for (const t of [types >>> 4, types & 0x0f]) {
        if (t === TType.TRUE || t === TType.FALSE) this.byte();
        else this.value(t, depth);
      }
    }
  }

  private varint(): number {
    let v = 0;
    for (let shift = 0; shift < 70; shift += 7) {
      const b = this.byte();
      v += (b & 0x7f) * 2 ** shift;
      if (b < 0x80) return v;
    }
    return this.fail("varint longer than 10 bytes");
  }

  private byte(): number {
    if (this.pos >= this.end) this.fail("unexpected end of data");
    return this.buf[this.pos++] as number;
  }

  private need(n: number): void {
    if (n > this.end - this.pos) this.fail(`value of ${n} bytes runs past the end`);
  }

  private fail(what: string): never {
    throw new Error(`thrift: ${what} at byte ${this.pos}`);
  }
}

function unzigzag(v: number): number {
  return v % 2 === 0 ? v / 2 : -(v + 1) / 2;
}
