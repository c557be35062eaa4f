/**
 * Reading bytes from disk in fixed-size chunks (so a 1 GB file never sits in memory whole) and
 * telling containers from text by their first bytes: gzip, zip and tar are recognised by magic
 * numbers, never by file name, so a renamed archive still opens and a `.json` that is really a
 * zip is not fed to the JSON parser.
 */
import { platform } from "../platform/platform.js";

/** Default read size (4 MiB): large enough for fast parsing, small enough to bound memory. */
export const DEFAULT_CHUNK = 4 * 1024 * 1024;

export type Container = "gzip" | "zip" | "tar";

/** How many leading bytes `sniff` needs (the ustar magic sits at offset 257). */
export const SNIFF_BYTES = 512;

/** The container format of data starting with `head`, or undefined for anything else. */
export function sniff(head: Uint8Array): Container | undefined {
  if (head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b) return "gzip";
  if (head.length >= 4 && head[0] === 0x50 && head[1] === 0x4b && (head[2] === 3 || head[2] === 5) && (head[3] === 4 || head[3] === 6)) {
    return "zip";
  }
  if (head.length >= 262 && ascii(head, 257, 5) === "ustar") return "tar";
  return undefined;
}

function ascii(b: Uint8Array, at: number, n: number): string {
  let s = "";
  for (let i = at; i < at + n; i++) s += String.fromCharCode(b[i] ?? 0);
  return s;
}

/**
 * Yields `[start, end)` of an open file in chunks of `size`. The yielded view reuses one buffer:
 * it is valid until the next iteration.
 */
export function* readRange(fd: number, start: number, end: number, size: number): Generator<Uint8Array, void, undefined> {
  const fs = platform().fs;
  const buf = Buffer.allocUnsafe(Math.max(1, Math.min(size, end - start)));
  let pos = start;
  while (pos < end) {
    const n = fs.read(fd, buf, 0, Math.min(buf.length, end - pos), pos);
    if (n <= 0) return;
    pos += n;
    yield buf.subarray(0, n);
  }
}

/** Reads exactly `n` bytes at `pos` (fewer at end of file). */
export function readAt(fd: number, pos: number, n: number): Buffer {
  const fs = platform().fs;
  const buf = Buffer.alloc(n);
  let got = 0;
  while (got < n) {
    const r = fs.read(fd, buf, got, n - got, pos + got);
    if (r <= 0) break;
    got += r;
  }
  return buf.subarray(0, got);
}

/** Runs `fn` with an open read-only descriptor, always closing it. */
export function withFile<T>(path: string, fn: (fd: number) => T): T {
  const fs = platform().fs;
  const fd = fs.open(path, "r");
  try {
    return fn(fd);
  } finally {
    fs.close(fd);
  }
}
