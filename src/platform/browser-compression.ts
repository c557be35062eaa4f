/**
 * Compression without Node (the browser platform): fflate, synchronous, pure JavaScript (5 KB
 * gzipped, 10 KB minified, for what is used: measured with rolldown). The streaming inflate
 * reads its compressed byte range whole through the platform's FileSystem (the browser's files
 * are in memory already: this is one copy of the compressed bytes, never of the output) and
 * inflates it 64 KB of input at a time, yielding as it goes; damage ends the output with a
 * problem, as Node's does (node-inflate-worker.ts): a cut or corrupt stream, and for gzip each
 * member's CRC-32 and size (RFC 1952 §2.3.1), checked here because fflate does not, and bytes
 * after the last member (zero padding is not damage). `gunzip` uses the same checks.
 * Brotli has no implementation here: only the on-disk index's Parquet pages use it, and the
 * browser has no index.
 */
import { gzipSync, Gunzip, Inflate } from "fflate";
import type { Compression, InflateProblem, InflateSource } from "./compression.js";
import { tableCrc32 } from "./crc32-table.js";
import type { FileSystem } from "./file-system.js";

const STEP = 1 << 16;
/** Input bytes per push when replaying up to corrupt data, so little decodable output is lost. */
const SALVAGE_STEP = 16;
/** fflate's error codes (its `err(n)`): the data ends inside the stream; a bad gzip header. */
const CUT = 0;
const BAD_GZIP_HEADER = 6;

export function browserCompression(fs: FileSystem): Compression {
  return {
    inflateChunks: (src, bufferSize, problems) => inflateBytes(readRange(fs, src), src.kind, bufferSize, problems),
    gzip: (data, level) => gzipSync(data, { level: Math.min(9, Math.max(0, level)) as 0 }),
    gunzip,
    brotliCompress: () => {
      throw new Error("brotli is not available in the browser");
    },
    brotliDecompress: () => {
      throw new Error("brotli is not available in the browser");
    },
    crc32: (data, crc = 0) => tableCrc32(data, 0, data.length, crc),
  };
}

/**
 * Whole-buffer gunzip, as Node's `gunzipSync` answers: every member, CRC-32 and size checked,
 * trailing bytes other than zeros an error, and output stopped past `maxOutput` (fflate's own
 * gunzipSync allocates what the trailer's size field says, reads one member and checks nothing).
 */
function gunzip(data: Uint8Array, maxOutput: number): Uint8Array {
  if (!data.length) throw new Error("gzip data is empty (unexpected end of file)");
  const problems: InflateProblem[] = [];
  const parts: Uint8Array[] = [];
  let total = 0;
  for (const piece of inflateBytes(data, "gzip", STEP, problems)) {
    total += piece.length;
    if (total > maxOutput) throw new Error(`gzip data inflates past ${maxOutput} byte(s)`);
    parts.push(piece.slice());
  }
  if (problems.length) throw new Error(problems[0]!.message);
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** One gzip member being checked: its number, where it starts in the input, the CRC and size of its output so far. */
interface Member {
  readonly n: number;
  readonly at: number;
  crc: number;
  size: number;
}

function* inflateBytes(input: Uint8Array, kind: InflateSource["kind"], requested: number, problems: InflateProblem[]): Generator<Uint8Array, void, undefined> {
  // A size below 1 (or not a number) would never finish slicing the output.
  const bufferSize = Math.max(1, Math.floor(requested) || 1);
  // Node's reader: an empty gzip file holds no member (nothing to say); an empty deflate range is a cut stream.
  if (!input.length) {
    if (kind === "raw") problems.push({ message: "deflate data is truncated (the data ends inside it): 0 byte(s) decoded before the cut kept", cut: true });
    return;
  }
  if (kind === "gzip") {
    const bad = headerProblem(input);
    if (bad) {
      problems.push({ message: `gzip member 1 (at byte 0): ${bad}`, cut: true });
      return;
    }
  }
  const out: Uint8Array[] = [];
  let emitted = 0;
  let member: Member = { n: 1, at: 0, crc: 0, size: 0 };
  const onData = (chunk: Uint8Array): void => {
    if (!chunk.length) return;
    out.push(chunk);
    emitted += chunk.length;
    member.crc = tableCrc32(chunk, 0, chunk.length, member.crc);
    member.size += chunk.length;
  };
  const stream = kind === "gzip" ? new Gunzip(onData) : new Inflate(onData);
  if (stream instanceof Gunzip) {
    stream.onmember = (offset) => {
      trailerCheck(input, offset, member, problems);
      member = { n: member.n + 1, at: offset, crc: 0, size: 0 };
    };
  }
  const step = Math.max(1, Math.min(STEP, bufferSize));
  let at = 0;
  try {
    for (;;) {
      const end = Math.min(input.length, at + step);
      stream.push(input.subarray(at, end), end >= input.length);
      yield* pieces(out, bufferSize);
      if (end >= input.length) break;
      at = end;
    }
  } catch (e) {
    yield* pieces(out, bufferSize);
    // Only a member's header raises this once the first header was checked above: the bytes
    // after a complete member are not gzip. Node ignores zero padding and warns of anything else.
    if (kind === "gzip" && (e as { code?: unknown })?.code === BAD_GZIP_HEADER) return afterLastMember(input, member, problems);
    const saved = salvage(input, kind, at, emitted);
    yield* pieces(saved, bufferSize);
    const decoded = (kind === "gzip" ? member.size : emitted) + saved.reduce((n, c) => n + c.length, 0);
    problems.push({ message: damage(kind === "gzip" ? `gzip member ${member.n} (at byte ${member.at})` : "deflate data", e, decoded), cut: true });
    return;
  }
  yield* pieces(out, bufferSize);
  if (kind === "gzip") afterLastMember(input, member, problems);
}

/** RFC 1952 §2.3.1: the fixed part of the first member's header, as Node's reader checks it. */
function headerProblem(input: Uint8Array): string | undefined {
  if (input.length < 10) return "header is truncated";
  if (input[0] !== 0x1f || input[1] !== 0x8b) return "not gzip data (no gzip signature)";
  if (input[2] !== 8) return `compression method ${input[2]} is not deflate`;
  return undefined;
}

/**
 * The output fflate lost when it met corrupt data: it drops everything the failing push decoded
 * (up to 64 KB of input's worth). The stream is decoded again from the start, the `emitted` bytes
 * already handed on passed over, and the failing push's input fed a few bytes at a time, so
 * everything decodable before the damage is kept, as Node's reader keeps it.
 */
function salvage(input: Uint8Array, kind: InflateSource["kind"], failedAt: number, emitted: number): Uint8Array[] {
  const out: Uint8Array[] = [];
  let seen = 0;
  const onData = (chunk: Uint8Array): void => {
    const skip = Math.min(chunk.length, Math.max(0, emitted - seen));
    seen += chunk.length;
    if (skip < chunk.length) out.push(chunk.subarray(skip));
  };
  const stream = kind === "gzip" ? new Gunzip(onData) : new Inflate(onData);
  try {
    if (failedAt > 0) stream.push(input.subarray(0, failedAt), false);
    for (let at = failedAt; at < input.length; at += SALVAGE_STEP) stream.push(input.subarray(at, Math.min(input.length, at + SALVAGE_STEP)), false);
  } catch {
    // The damage again: everything before it is in `out`.
  }
  return out;
}

/**
 * The last member's trailer and what follows it. fflate does not say where a member's deflate data
 * ended, so the trailer is found by its content (the CRC-32 and size of the member's output) when
 * it is not at the very end of the input.
 */
function afterLastMember(input: Uint8Array, m: Member, problems: InflateProblem[]): void {
  if (input.length - 8 >= m.at && trailerMatches(input, input.length, m)) return;
  const end = trailerEnd(input, m);
  if (end === undefined) return trailerCheck(input, input.length, m, problems);
  if (input.subarray(end).some((b) => b !== 0)) {
    problems.push({ message: `${input.length - end} byte(s) of trailing data after gzip member ${m.n} (at byte ${end}) are not gzip; ignored`, cut: false });
  }
}

/** Where the member's trailer ends, found as the first 8 bytes holding its output's CRC-32 and size. */
function trailerEnd(input: Uint8Array, m: Member): number | undefined {
  // The smallest member: a 10-byte header, 2 bytes of deflate data, the trailer.
  for (let end = m.at + 20; end <= input.length; end++) if (trailerMatches(input, end, m)) return end;
  return undefined;
}

function trailerMatches(input: Uint8Array, end: number, m: Member): boolean {
  return u32(input, end - 8) === m.crc >>> 0 && u32(input, end - 4) === m.size % 2 ** 32;
}

/** The little-endian 32-bit number at `at` (no DataView: trailerEnd calls this once per byte). */
const u32 = (b: Uint8Array, at: number): number => (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0;

/** Checks the trailer (CRC-32, ISIZE mod 2^32) ending at `end` against what the member inflated to. */
function trailerCheck(input: Uint8Array, end: number, m: Member, problems: InflateProblem[]): void {
  const what = `gzip member ${m.n} (at byte ${m.at})`;
  if (end - 8 < m.at) {
    problems.push({ message: `${what} is cut before its trailer`, cut: true });
    return;
  }
  const crc = u32(input, end - 8);
  const size = u32(input, end - 4);
  if (crc !== m.crc >>> 0) problems.push({ message: `${what}: CRC-32 mismatch (stored ${hex(crc)}, computed ${hex(m.crc >>> 0)}): its decoded data is corrupt`, cut: false });
  else if (size !== m.size % 2 ** 32) problems.push({ message: `${what}: size mismatch (stored ${size}, decoded ${m.size} mod 2^32)`, cut: false });
}

function readRange(fs: FileSystem, src: InflateSource): Uint8Array {
  const fd = fs.open(src.path, "r");
  try {
    const buf = new Uint8Array(Math.max(0, src.end - src.start));
    let got = 0;
    while (got < buf.length) {
      const n = fs.read(fd, buf, got, buf.length - got, src.start + got);
      if (n <= 0) break;
      got += n;
    }
    return buf.subarray(0, got);
  } finally {
    fs.close(fd);
  }
}

const hex = (n: number): string => n.toString(16);

/** The problem in Node's words (node-inflate-worker.ts), but for the position zlib names and fflate does not. */
function damage(what: string, e: unknown, decoded: number): string {
  if ((e as { code?: unknown })?.code === CUT) return `${what} is truncated (the data ends inside it): ${decoded} byte(s) decoded before the cut kept`;
  return `${what}: corrupt deflate data (${String((e as Error)?.message ?? e)}); ${decoded} byte(s) decoded before it`;
}

/** Drains `out` as views of at most `size` bytes. */
function* pieces(out: Uint8Array[], size: number): Generator<Uint8Array, void, undefined> {
  while (out.length) {
    const chunk = out.shift()!;
    for (let at = 0; at < chunk.length; at += size) yield chunk.subarray(at, Math.min(chunk.length, at + size));
  }
}
