/**
 * Checks on the bytes of one file or archive member as they stream past, so a hostile input ends
 * with a warning instead of eating memory or silently passing corrupt data on:
 * * no line end within `maxLineBytes` — not log text (1 GB of zeros would otherwise sit in the
 *   text session's carried line);
 * * more bytes than allowed — a decompression bomb, or a zip member inflating past its declared
 *   size (the central directory says how big it is);
 * * a zip member's CRC-32 and size, checked when it ends (APPNOTE 4.4.7).
 * The caller stops feeding when `push` returns false; `problem` then says why.
 */
import { crc32 } from "./evtx/crc32.js";
import { mib } from "./ingest-limits.js";

export interface GuardSpec {
  readonly maxLineBytes: number;
  /** Most bytes allowed, and what to call going past it. */
  readonly maxBytes?: number;
  readonly overBudget?: string;
  /** A zip member's stored CRC-32 and size, verified at `finish`. */
  readonly expect?: { readonly crc: number; readonly size: number };
}

export class ByteGuard {
  private sinceLineEnd = 0;
  private crc = 0;
  /** Bytes accepted so far. */
  bytes = 0;
  /** Why feeding stopped (undefined while all is well). */
  problem: string | undefined;

  constructor(private readonly spec: GuardSpec) {}

  /**
   * The part of `chunk` that may be passed on: all of it while all is well; the bytes up to a size
   * limit when it is reached (so nothing before the limit is lost); empty once stopped. After a
   * short answer `problem` says why.
   */
  accept(chunk: Uint8Array): Uint8Array {
    if (this.problem !== undefined) return chunk.subarray(0, 0);
    const max = this.spec.maxBytes;
    let part = chunk;
    if (max !== undefined && this.bytes + chunk.length > max) {
      part = chunk.subarray(0, Math.max(0, max - this.bytes));
      this.problem = `${this.spec.overBudget ?? "too large"}: stopped after ${max} byte(s); the rest is not read`;
    }
    const nl = part.lastIndexOf(0x0a);
    this.sinceLineEnd = nl < 0 ? this.sinceLineEnd + part.length : part.length - nl - 1;
    if (this.sinceLineEnd > this.spec.maxLineBytes) {
      this.problem = `no line end in ${mib(this.spec.maxLineBytes)} (at byte ${this.bytes + part.length}): not log text; the rest is not read (limit maxLineBytes)`;
      return chunk.subarray(0, 0);
    }
    this.bytes += part.length;
    if (this.spec.expect) this.crc = crc32(part, 0, part.length, this.crc);
    return part;
  }

  /** Accepts all of `chunk` (true), or stops (false) — the line-limit form for text sessions. */
  push(chunk: Uint8Array): boolean {
    return this.accept(chunk).length === chunk.length && this.problem === undefined;
  }

  /** After the last chunk: a CRC-32 or size mismatch, or undefined. */
  finish(): string | undefined {
    const e = this.spec.expect;
    if (!e || this.problem !== undefined) return undefined;
    if (this.bytes !== e.size) return `size mismatch: the directory says ${e.size} byte(s), the data holds ${this.bytes}`;
    if (this.crc !== e.crc) return `CRC-32 mismatch (stored ${e.crc.toString(16)}, computed ${this.crc.toString(16)}): the member's data is corrupt`;
    return undefined;
  }
}
