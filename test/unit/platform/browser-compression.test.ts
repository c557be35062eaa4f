// The browser's compression (fflate over a MemoryFileSystem) answers as Node's (node:zlib in a
// worker thread over the disk): the same bytes written to both file systems inflate to the same
// output with the same damage verdicts (`cut` decides whether ingestion drops a last partial line).
import { afterAll, describe, expect, it } from "vitest";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as zlib from "node:zlib";
import fc from "fast-check";
import type { Compression, InflateProblem, InflateSource } from "../../../src/platform/compression.js";
import { browserCompression } from "../../../src/platform/browser-compression.js";
import { MemoryFileSystem } from "../../../src/platform/memory-file-system.js";
import { nodeCompression } from "../../../src/platform/node-compression.js";

const dir = mkdtempSync(join(tmpdir(), "platform-compression-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const mem = new MemoryFileSystem();
const browser = browserCompression(mem);

/** Log-like lines from a fixed pseudo-random sequence: varied enough for dynamic Huffman blocks, several of them. */
function logText(lines: number, seed = 1): Buffer {
  let s = seed;
  const next = (): number => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
  const words = ["cmd.exe", "powershell", "svchost", "EventCode=4688", "C:\\Windows", "user01", "whoami", "-enc", "ZQBjAGgAbwA=", "é✓"];
  let out = "";
  for (let i = 0; i < lines; i++) out += `${i} ${Array.from({ length: 8 }, () => `${words[Math.floor(next() * words.length)]}${Math.floor(next() * 1000)}`).join(" ")}\n`;
  return Buffer.from(out);
}
const TEXT = logText(1200);
const GZ = zlib.gzipSync(TEXT);

interface Inflated {
  readonly data: Buffer;
  readonly pieces: number[];
  readonly problems: InflateProblem[];
}

function inflate(c: Compression, src: InflateSource, bufferSize: number): Inflated {
  const parts: Buffer[] = [];
  const problems: InflateProblem[] = [];
  // Copied at once: a yielded view is valid only until the next iteration.
  for (const piece of c.inflateChunks(src, bufferSize, problems)) parts.push(Buffer.from(piece));
  return { data: Buffer.concat(parts), pieces: parts.map((p) => p.length), problems };
}

let files = 0;
/** Writes `bytes` into the temp dir and the memory file system; inflates [start, end) on both. */
function both(bytes: Uint8Array, kind: InflateSource["kind"], opts: { bufferSize?: number; start?: number; end?: number } = {}): { node: Inflated; browser: Inflated } {
  const name = `f${++files}`;
  writeFileSync(join(dir, name), bytes);
  mem.add(`/data/${name}`, bytes);
  const range = { start: opts.start ?? 0, end: opts.end ?? bytes.length, kind };
  const bufferSize = opts.bufferSize ?? 4096;
  return {
    node: inflate(nodeCompression, { path: join(dir, name), ...range }, bufferSize),
    browser: inflate(browser, { path: `/data/${name}`, ...range }, bufferSize),
  };
}

const cut = (r: Inflated): boolean => r.problems.some((p) => p.cut);

describe("inflateChunks on intact data", () => {
  const rawA = zlib.deflateRawSync(TEXT);
  const rawB = zlib.deflateRawSync(logText(50, 7));
  const junk = Buffer.from("PK\x03\x04 local header stand-in ....");
  const cases: { name: string; bytes: Buffer; kind: InflateSource["kind"]; start?: number; end?: number; want: Buffer }[] = [
    { name: "gzip, one member", bytes: GZ, kind: "gzip", want: TEXT },
    {
      name: "gzip, three members (one of them empty), as `cat a.gz b.gz c.gz` makes",
      bytes: Buffer.concat([GZ, zlib.gzipSync(Buffer.alloc(0)), zlib.gzipSync(logText(10, 3), { level: 9 })]),
      kind: "gzip",
      want: Buffer.concat([TEXT, logText(10, 3)]),
    },
    { name: "gzip followed by zero padding (tape blocks: not damage)", bytes: Buffer.concat([GZ, Buffer.alloc(700)]), kind: "gzip", want: TEXT },
    { name: "raw deflate, the whole file", bytes: rawA, kind: "raw", want: TEXT },
    {
      name: "raw deflate, a range inside a file (as a zip member's data)",
      bytes: Buffer.concat([junk, rawA, rawB, junk]),
      kind: "raw",
      start: junk.length,
      end: junk.length + rawA.length,
      want: TEXT,
    },
    {
      name: "raw deflate, the second of two streams in a file",
      bytes: Buffer.concat([junk, rawA, rawB, junk]),
      kind: "raw",
      start: junk.length + rawA.length,
      end: junk.length + rawA.length + rawB.length,
      want: logText(50, 7),
    },
  ];
  it.each(cases)("$name: the same bytes, no problems", ({ bytes, kind, start, end, want }) => {
    const r = both(bytes, kind, { start, end });
    expect(r.node.problems).toEqual([]);
    expect(r.browser.problems).toEqual([]);
    expect(r.node.data.equals(want)).toBe(true);
    expect(r.browser.data.equals(want)).toBe(true);
  });

  it("an empty gzip file holds no member: no output, nothing to report", () => {
    const r = both(new Uint8Array(0), "gzip");
    expect(r.node).toEqual({ data: Buffer.alloc(0), pieces: [], problems: [] });
    expect(r.browser).toEqual({ data: Buffer.alloc(0), pieces: [], problems: [] });
  });

  it("an empty deflate range is a cut stream on both", () => {
    const r = both(Buffer.from("xyz"), "raw", { start: 1, end: 1 });
    expect(r.node.data.length + r.browser.data.length).toBe(0);
    expect(cut(r.node)).toBe(true);
    expect(cut(r.browser)).toBe(true);
  });

  // Node's reader publishes through a buffer of at least 1 KiB (node-inflate.ts), so sizes below
  // that are checked on the browser's only; the engine asks for its chunk size (64 KiB and up).
  it.each([1024, 1500, 4096, 100_000])("bufferSize %i: no piece larger, the same bytes", (bufferSize) => {
    const r = both(GZ, "gzip", { bufferSize });
    for (const side of [r.node, r.browser]) {
      expect(Math.max(...side.pieces)).toBeLessThanOrEqual(bufferSize);
      expect(side.data.equals(TEXT)).toBe(true);
    }
  });

  it("a bufferSize below 1 does not hang the browser's (pieces of one byte)", () => {
    const small = zlib.gzipSync("abc\n");
    mem.add("/data/tiny.gz", small);
    const r = inflate(browser, { path: "/data/tiny.gz", start: 0, end: small.length, kind: "gzip" }, 0);
    expect(r.pieces).toEqual([1, 1, 1, 1]);
  });

  // Accepted: fflate does not say where deflate data ended, so bytes after it inside a raw range
  // (which a zip member's exact compressed size never leaves) go unremarked in the browser. Both
  // give the whole data and neither calls it cut.
  it("bytes after the end of raw deflate data: Node notes them, the browser does not; the same data", () => {
    const r = both(Buffer.concat([zlib.deflateRawSync(TEXT), Buffer.from("tail")]), "raw");
    expect(r.node.problems).toEqual([{ message: expect.stringContaining("4 byte(s) after the end"), cut: false }]);
    expect(r.browser.problems).toEqual([]);
    expect(r.node.data.equals(TEXT) && r.browser.data.equals(TEXT)).toBe(true);
  });

  it.each([1, 7, 100])("bufferSize %i on the browser's: no piece larger, the same bytes", (bufferSize) => {
    const small = zlib.gzipSync(logText(40));
    mem.add("/data/small.gz", small);
    const r = inflate(browser, { path: "/data/small.gz", start: 0, end: small.length, kind: "gzip" }, bufferSize);
    expect(Math.max(...r.pieces)).toBeLessThanOrEqual(bufferSize);
    expect(r.data.equals(logText(40))).toBe(true);
    expect(r.problems).toEqual([]);
  });
});

/**
 * The first position from `from` where overwriting 4 bytes with 0xff makes zlib fail on the
 * deflate data itself (not a CRC check, not a seeming truncation).
 */
function corruptAt(data: Buffer, from: number, inflateSync: (b: Buffer) => Buffer = zlib.gunzipSync): { bytes: Buffer; at: number; error: string } {
  for (let at = from; at < data.length - 12; at++) {
    const b = Buffer.from(data);
    b.fill(0xff, at, at + 4);
    try {
      inflateSync(b);
    } catch (e) {
      const m = (e as Error).message;
      // fflate does not check a stored block's NLEN (its redundant copy of LEN): not a case here.
      if (!/check|stored block|unexpected end/.test(m)) return { bytes: b, at, error: m };
    }
  }
  throw new Error("no corruptible position found");
}

describe("inflateChunks on damaged gzip: both report it, with the same `cut`", () => {
  const flip = (at: number): Buffer => {
    const b = Buffer.from(GZ);
    b[at]! ^= 0x01;
    return b;
  };
  const early = corruptAt(GZ, 12);
  const middle = corruptAt(GZ, GZ.length >> 1);
  // `exact`: no byte of the output is damaged (a cut, a bad trailer), so it is the start of the text.
  // Corrupt deflate data may decode to wrong bytes before the decoder notices, on both alike.
  const cases: { name: string; bytes: Buffer; cut: boolean; exact?: boolean; whole?: boolean }[] = [
    { name: "truncated in the middle of the deflate data", bytes: GZ.subarray(0, GZ.length >> 1), cut: true, exact: true },
    { name: "truncated inside the trailer", bytes: GZ.subarray(0, GZ.length - 3), cut: false, whole: true },
    { name: "truncated inside the header", bytes: GZ.subarray(0, 6), cut: true, exact: true },
    { name: `corrupt deflate data early (byte ${early.at}: ${early.error})`, bytes: early.bytes, cut: true },
    { name: `corrupt deflate data in the middle (byte ${middle.at}: ${middle.error})`, bytes: middle.bytes, cut: true },
    { name: "a flipped CRC-32 byte", bytes: flip(GZ.length - 7), cut: false, whole: true },
    { name: "a wrong ISIZE", bytes: flip(GZ.length - 2), cut: false, whole: true },
    { name: "trailing bytes that are not gzip", bytes: Buffer.concat([GZ, Buffer.from("not gzip at all")]), cut: false, whole: true },
    { name: "two trailing bytes", bytes: Buffer.concat([GZ, Buffer.from("\n\n")]), cut: false, whole: true },
    { name: "a second member truncated", bytes: Buffer.concat([GZ, GZ.subarray(0, 900)]), cut: true, exact: true },
  ];
  it.each(cases)("$name", ({ bytes, cut: wantCut, exact, whole }) => {
    const r = both(bytes, "gzip");
    expect(r.node.problems.length).toBeGreaterThan(0);
    expect(r.browser.problems.length).toBeGreaterThan(0);
    expect(cut(r.node)).toBe(wantCut);
    expect(cut(r.browser)).toBe(wantCut);
    // What was decoded before the damage agrees as far as both went.
    const [short, long] = r.node.data.length <= r.browser.data.length ? [r.node.data, r.browser.data] : [r.browser.data, r.node.data];
    expect(long.subarray(0, short.length).equals(short)).toBe(true);
    if (exact) expect(Buffer.concat([TEXT, TEXT]).subarray(0, long.length).equals(long)).toBe(true);
    if (whole) {
      expect(r.node.data.equals(TEXT)).toBe(true);
      expect(r.browser.data.equals(TEXT)).toBe(true);
    }
  });

  it("a corrupt raw deflate range: both cut, the same bytes before the damage", () => {
    const raw = zlib.deflateRawSync(logText(400, 5));
    const damaged = corruptAt(raw, raw.length >> 1, (b) => zlib.inflateRawSync(b));
    const r = both(damaged.bytes, "raw");
    expect(cut(r.node)).toBe(true);
    expect(cut(r.browser)).toBe(true);
    expect(r.browser.data.equals(r.node.data)).toBe(true);
  });
});

describe("whole-buffer gzip and gunzip", () => {
  it("round trips both ways at every level", () => {
    for (const level of [1, 6, 9]) {
      expect(Buffer.from(browser.gunzip(nodeCompression.gzip(TEXT, level), TEXT.length)).equals(TEXT)).toBe(true);
      expect(zlib.gunzipSync(browser.gzip(TEXT, level)).equals(TEXT)).toBe(true);
      expect(Buffer.from(nodeCompression.gunzip(browser.gzip(TEXT, level), TEXT.length)).equals(TEXT)).toBe(true);
    }
  });

  const two = Buffer.concat([zlib.gzipSync("first\n"), zlib.gzipSync("second\n")]);
  const crcFlipped = Buffer.from(GZ);
  crcFlipped[crcFlipped.length - 8]! ^= 0x80;
  // Answers Node's gunzipSync gives: every member; zeros after the last ignored; anything else an error.
  const cases: { name: string; data: Buffer; max: number; want: Buffer | "throws" }[] = [
    { name: "two members", data: two, max: 100, want: Buffer.from("first\nsecond\n") },
    { name: "zero padding", data: Buffer.concat([GZ, Buffer.alloc(16)]), max: TEXT.length, want: TEXT },
    { name: "output exactly maxOutput", data: GZ, max: TEXT.length, want: TEXT },
    { name: "output past maxOutput", data: GZ, max: TEXT.length - 1, want: "throws" },
    { name: "a bomb past maxOutput", data: zlib.gzipSync(Buffer.alloc(1 << 22)), max: 1 << 16, want: "throws" },
    { name: "a CRC-32 mismatch", data: crcFlipped, max: TEXT.length, want: "throws" },
    { name: "truncated", data: GZ.subarray(0, 100), max: TEXT.length, want: "throws" },
    { name: "trailing garbage", data: Buffer.concat([GZ, Buffer.from("garbage!")]), max: TEXT.length, want: "throws" },
    { name: "empty input", data: Buffer.alloc(0), max: 10, want: "throws" },
  ];
  it.each(cases)("gunzip: $name", ({ data, max, want }) => {
    for (const c of [nodeCompression, browser]) {
      if (want === "throws") expect(() => c.gunzip(data, max)).toThrow();
      else expect(Buffer.from(c.gunzip(data, max)).equals(want)).toBe(true);
    }
  });

  it("a lying ISIZE does not make the browser's gunzip allocate it", () => {
    const lie = Buffer.from(zlib.gzipSync("small\n"));
    lie.writeUInt32LE(0xfffffff0, lie.length - 4);
    expect(() => browser.gunzip(lie, 1000)).toThrow(/size/);
    expect(() => nodeCompression.gunzip(lie, 1000)).toThrow();
  });
});

describe("crc32", () => {
  it("is zlib's CRC-32 (check value of '123456789': cbf43926)", () => {
    expect(browser.crc32(Buffer.from("123456789"))).toBe(0xcbf43926);
    expect(nodeCompression.crc32(Buffer.from("123456789"))).toBe(0xcbf43926);
  });

  it("equals Node's zlib.crc32 on random data and continues from a previous value", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), fc.uint8Array({ maxLength: 100 }), (a, b) => {
        const whole = zlib.crc32(Buffer.concat([a, b])) >>> 0;
        expect(browser.crc32(a)).toBe(zlib.crc32(a) >>> 0);
        expect(browser.crc32(b, browser.crc32(a))).toBe(whole);
        expect(nodeCompression.crc32(b, nodeCompression.crc32(a))).toBe(whole);
      }),
      { numRuns: 300 },
    );
  });
});
