/**
 * Thrift compact protocol writer: just the field kinds Parquet's footer and page headers use.
 * Fields must be written in increasing id order within a struct (short-form headers need it).
 */
import { ByteSink } from "./byte-sink.js";

/** Compact protocol type ids. */
export const TType = {
  STOP: 0,
  TRUE: 1,
  FALSE: 2,
  BYTE: 3,
  I16: 4,
  I32: 5,
  I64: 6,
  DOUBLE: 7,
  BINARY: 8,
  LIST: 9,
  SET: 10,
  MAP: 11,
  STRUCT: 12,
} as const;

function zigzag(v: number): number {
  // Arithmetic, not bit ops: i64 values (file offsets) pass 2^31.
  return v >= 0 ? v * 2 : -v * 2 - 1;
}

export class CompactWriter {
  private readonly out = new ByteSink(256);
  private lastId = 0;
  private readonly stack: number[] = [];

  i16(id: number, v: number): void {
    this.header(id, TType.I16);
    this.out.varint(zigzag(v));
  }

  i32(id: number, v: number): void {
    this.header(id, TType.I32);
    this.out.varint(zigzag(v));
  }

  i64(id: number, v: number): void {
    this.header(id, TType.I64);
    this.out.varint(zigzag(v));
  }

  bool(id: number, v: boolean): void {
    this.header(id, v ? TType.TRUE : TType.FALSE);
  }

  binary(id: number, b: Uint8Array): void {
    this.header(id, TType.BINARY);
    this.rawBinary(b);
  }

  string(id: number, s: string): void {
    this.header(id, TType.BINARY);
    this.rawString(s);
  }

  struct(id: number, body: (w: CompactWriter) => void): void {
    this.header(id, TType.STRUCT);
    this.nested(body);
  }

  /** A list field; `each` writes one element (with the raw* methods, or fields for STRUCT lists). */
  list<T>(id: number, elemType: number, items: readonly T[], each: (w: CompactWriter, item: T) => void): void {
    this.header(id, TType.LIST);
    if (items.length < 15) this.out.u8((items.length << 4) | elemType);
    else {
      this.out.u8(0xf0 | elemType);
      this.out.varint(items.length);
    }
    for (const item of items) {
      if (elemType === TType.STRUCT) this.nested((w) => each(w, item));
      else each(this, item);
    }
  }

  rawI32(v: number): void {
    this.out.varint(zigzag(v));
  }

  rawBinary(b: Uint8Array): void {
    this.out.varint(b.length);
    this.out.bytes(b);
  }

  rawString(s: string): void {
    this.rawBinary(Buffer.from(s, "utf8"));
  }

  /** Ends the top-level struct (FileMetaData and PageHeader are structs) and returns its bytes. */
  finish(): Uint8Array {
    this.out.u8(TType.STOP);
    return this.out.finish();
  }

  private nested(body: (w: CompactWriter) => void): void {
    this.stack.push(this.lastId);
    this.lastId = 0;
    body(this);
    this.out.u8(TType.STOP);
    this.lastId = this.stack.pop() ?? 0;
  }

  private header(id: number, type: number): void {
    const delta = id - this.lastId;
    if (delta > 0 && delta <= 15) this.out.u8((delta << 4) | type);
    else {
      this.out.u8(type);
      this.out.varint(zigzag(id));
    }
    this.lastId = id;
  }
}
