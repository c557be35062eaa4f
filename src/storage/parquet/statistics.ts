/**
 * Min/max for column chunk statistics, computed over the values present (never over dictionary
 * entries no row uses), so DuckDB and ClickHouse can skip row groups by them.
 */
import type { Utf8Entries } from "./types.js";
import { asBuffer } from "./utf8-entries.js";

/**
 * Values longer than this get no min/max (null_count is still written): a bound must be exact or
 * carefully rounded, and kilobyte-long command lines are not what anyone filters row groups by.
 */
export const MAX_STAT_BYTES = 1024;

export interface MinMax {
  readonly min: Uint8Array;
  readonly max: Uint8Array;
}

/** Byte-order min/max of entries order[0..count) of `dict`. */
export function bytesMinMax(dict: Utf8Entries, order: Uint32Array, count: number): MinMax | undefined {
  if (count === 0) return undefined;
  const pool = asBuffer(dict.pool);
  const off = dict.offsets;
  let lo = order[0] as number;
  let hi = lo;
  for (let i = 1; i < count; i++) {
    const e = order[i] as number;
    const s = off[e] as number;
    const t = off[e + 1] as number;
    if (compareRanges(pool, off[lo] as number, off[lo + 1] as number, s, t) > 0) lo = e;
    else if (compareRanges(pool, off[hi] as number, off[hi + 1] as number, s, t) < 0) hi = e;
  }
  const min = pool.subarray(off[lo] as number, off[lo + 1] as number);
  const max = pool.subarray(off[hi] as number, off[hi + 1] as number);
  if (min.length > MAX_STAT_BYTES || max.length > MAX_STAT_BYTES) return undefined;
  return { min: Uint8Array.from(min), max: Uint8Array.from(max) };
}

/**
 * Unsigned byte order of pool[a, aEnd) and pool[b, bEnd). In JS rather than Buffer.compare: values
 * differ within a few bytes, and the native call per pair cost more than the comparing (a
 * GUID column's statistics took 10% of writing a part).
 */
function compareRanges(pool: Uint8Array, a: number, aEnd: number, b: number, bEnd: number): number {
  const n = Math.min(aEnd - a, bEnd - b);
  for (let i = 0; i < n; i++) {
    const d = (pool[a + i] as number) - (pool[b + i] as number);
    if (d !== 0) return d;
  }
  return aEnd - a - (bEnd - b);
}

/** Min/max of doubles, skipping NaN; -0 for a zero min and +0 for a zero max, as the spec asks. */
export function doubleMinMax(values: Float64Array): MinMax | undefined {
  let lo = Infinity;
  let hi = -Infinity;
  let seen = false;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (v !== v) continue;
    seen = true;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (!seen) return undefined;
  if (lo === 0) lo = -0;
  if (hi === 0) hi = 0;
  return { min: float64Bytes(lo), max: float64Bytes(hi) };
}

export function int32MinMax(values: Int32Array): MinMax | undefined {
  if (values.length === 0) return undefined;
  let lo = values[0] as number;
  let hi = lo;
  for (let i = 1; i < values.length; i++) {
    const v = values[i] as number;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  const min = Buffer.alloc(4);
  const max = Buffer.alloc(4);
  min.writeInt32LE(lo);
  max.writeInt32LE(hi);
  return { min, max };
}

function float64Bytes(v: number): Uint8Array {
  const b = Buffer.alloc(8);
  b.writeDoubleLE(v);
  return b;
}
