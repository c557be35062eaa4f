/**
 * Where byte mutations (byte-mutations.ts) damaged a file, in the undamaged file's offsets: the
 * data fuzzer's "records that overlap the damage" are the records whose bytes meet these ranges.
 * The damaged file is tracked as pieces (original bytes, inserted bytes, copies of original bytes),
 * so mutations applied one after another, each at a position in the already damaged file, still map
 * back to the original. A flip or a zeroed range damages its own bytes; a cut (insertion, deletion,
 * copy, truncation) damages the bytes on both sides of it, so a record ending or starting exactly
 * there counts as touched (its line gets the garbage or loses its end).
 */
import { PPM, type ByteMutation } from "./byte-mutations.js";

/** Half-open; `end` is Infinity for "from here to the end of the file". */
export interface Range {
  readonly start: number;
  readonly end: number;
}

/** `o`: offset in the original, or -1 for inserted bytes; `copy`: original bytes repeated elsewhere. */
export interface Piece {
  readonly o: number;
  readonly len: number;
  readonly copy?: boolean;
}

export interface DamageMap {
  /** Damaged ranges of the original, sorted, possibly overlapping. */
  readonly ranges: readonly Range[];
  /** The damaged file as pieces, in order. */
  readonly pieces: readonly Piece[];
}

export function overlaps(r: Range, ranges: readonly Range[]): boolean {
  return ranges.some((d) => r.start < d.end && d.start < r.end);
}

export function damageMap(originalLength: number, mutations: readonly ByteMutation[]): DamageMap {
  let pieces: Piece[] = originalLength > 0 ? [{ o: 0, len: originalLength }] : [];
  const ranges: Range[] = [];
  for (const m of mutations) {
    const length = pieces.reduce((a, p) => a + p.len, 0);
    const pos = (ppm: number) => Math.min(length, Math.floor((ppm / PPM) * length));
    const i = pos(m.at);
    switch (m.kind) {
      case "flip":
        if (length > 0) ranges.push(...originalParts(pieces, Math.min(i, length - 1), Math.min(i, length - 1) + 1));
        break;
      case "zero":
        ranges.push(...originalParts(pieces, i, Math.min(length, i + m.len)));
        break;
      case "truncate":
        pieces = slice(pieces, 0, i);
        break;
      case "insert":
        pieces = [...slice(pieces, 0, i), { o: -1, len: m.bytes.length }, ...slice(pieces, i, length)];
        break;
      case "delete":
        pieces = [...slice(pieces, 0, i), ...slice(pieces, Math.min(length, i + m.len), length)];
        break;
      case "duplicate": {
        const j = pos(m.to);
        const copied = slice(pieces, i, Math.min(length, i + m.len)).map((p) => (p.o < 0 ? p : { ...p, copy: true }));
        pieces = [...slice(pieces, 0, j), ...copied, ...slice(pieces, j, length)];
        break;
      }
    }
  }
  ranges.push(...cuts(pieces, originalLength));
  return { ranges: ranges.sort((a, b) => a.start - b.start), pieces };
}

/** The original offset of damaged-file offset `at`, when that byte is an original (not copied) one. */
export function originalOffset(pieces: readonly Piece[], at: number): number | undefined {
  let pos = 0;
  for (const p of pieces) {
    if (at < pos + p.len) return p.o >= 0 && !p.copy ? p.o + (at - pos) : undefined;
    pos += p.len;
  }
  return undefined;
}

/** Whether damaged-file range [start, end) lies inside one copied piece (a repeated original range). */
export function insideCopy(pieces: readonly Piece[], start: number, end: number): boolean {
  let pos = 0;
  for (const p of pieces) {
    if (start >= pos && end <= pos + p.len) return p.copy === true;
    pos += p.len;
  }
  return false;
}

/** The original ranges under damaged-file range [from, to). */
function originalParts(pieces: readonly Piece[], from: number, to: number): Range[] {
  const out: Range[] = [];
  let pos = 0;
  for (const p of pieces) {
    const a = Math.max(from, pos);
    const b = Math.min(to, pos + p.len);
    if (a < b && p.o >= 0) out.push({ start: p.o + a - pos, end: p.o + b - pos });
    pos += p.len;
  }
  return out;
}

function slice(pieces: readonly Piece[], from: number, to: number): Piece[] {
  const out: Piece[] = [];
  let pos = 0;
  for (const p of pieces) {
    const a = Math.max(from, pos);
    const b = Math.min(to, pos + p.len);
    if (a < b) out.push({ ...p, o: p.o < 0 ? -1 : p.o + a - pos, len: b - a });
    pos += p.len;
  }
  return out;
}

/** Damage at every place where the original bytes no longer follow each other. */
function cuts(pieces: readonly Piece[], n: number): Range[] {
  const out: Range[] = [];
  let prevEnd = 0;
  let foreign = false;
  for (const p of pieces) {
    if (p.o < 0 || p.copy) {
      foreign = true;
      continue;
    }
    if (foreign || p.o !== prevEnd) out.push({ start: Math.max(0, prevEnd - 1), end: p.o + 1 });
    prevEnd = p.o + p.len;
    foreign = false;
  }
  if (prevEnd < n) out.push({ start: Math.max(0, prevEnd - 1), end: Number.POSITIVE_INFINITY });
  else if (foreign) out.push({ start: Math.max(0, n - 1), end: n + 1 });
  return out;
}
