/** Helpers over Utf8Entries: build from strings, read one entry, compare bytes. */
import type { Utf8Entries } from "./types.js";

interface FastBuffer extends Buffer {
  utf8Slice(start: number, end: number): string;
}

/** Entries for `values`, in order (no de-duplication). */
export function utf8Entries(values: readonly string[]): Utf8Entries {
  const offsets = new Uint32Array(values.length + 1);
  let total = 0;
  for (let i = 0; i < values.length; i++) {
    total += Buffer.byteLength(values[i] as string, "utf8");
    offsets[i + 1] = total;
  }
  const pool = Buffer.allocUnsafe(total);
  for (let i = 0; i < values.length; i++) pool.write(values[i] as string, offsets[i] as number, "utf8");
  return { pool, offsets };
}

export function entryCount(e: Utf8Entries): number {
  return e.offsets.length - 1;
}

export function entryBytes(e: Utf8Entries, i: number): Uint8Array {
  return e.pool.subarray(e.offsets[i] as number, e.offsets[i + 1] as number);
}

export function entryString(e: Utf8Entries, i: number): string {
  return asBuffer(e.pool).utf8Slice(e.offsets[i] as number, e.offsets[i + 1] as number);
}

/** All entries as strings (tests and small dictionaries; hot paths keep bytes). */
export function entryStrings(e: Utf8Entries): string[] {
  const buf = asBuffer(e.pool);
  const out: string[] = new Array(entryCount(e));
  for (let i = 0; i < out.length; i++) out[i] = buf.utf8Slice(e.offsets[i] as number, e.offsets[i + 1] as number);
  return out;
}

/** Unsigned byte order, which is UTF-8 code point order: what Parquet statistics use for strings. */
export function compareBytes(a: Uint8Array, b: Uint8Array): number {
  return Buffer.compare(a, b);
}

/** A Buffer over the same memory (no copy), for Buffer's native slicing and comparing. */
export function asBuffer(b: Uint8Array): FastBuffer {
  return (Buffer.isBuffer(b) ? b : Buffer.from(b.buffer, b.byteOffset, b.byteLength)) as FastBuffer;
}
