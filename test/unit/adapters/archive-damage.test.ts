// Damaged and hostile archives (issue 10): nothing lost, nothing invented. Each case builds the
// damaged image in code and checks the events read against what survives the damage, plus a
// warning naming the member. Counts are exact: a cut keeps every whole record before it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { constants, gunzipSync, gzipSync } from "node:zlib";
import { EventStore } from "../../../src/store/event-store.js";
import { ingestStream } from "../../../src/adapters/ingest.js";
import type { StreamOptions } from "../../../src/adapters/stream-types.js";
import { inflateWorkersStarted } from "../../../src/platform/node-inflate.js";
import { tar, zip } from "./archive-builder.js";

/** `n` NXLog JSON lines, each with its own SHA256-like value (so a flipped bit shows). */
function records(n: number, from = 0): string {
  let s = "";
  for (let i = from; i < from + n; i++) {
    const hash = (i * 2654435761).toString(16).padStart(8, "0").repeat(8).slice(0, 64).toUpperCase();
    s += `${JSON.stringify({ EventID: 1, Channel: "Microsoft-Windows-Sysmon/Operational", Hostname: "WS-9", UtcTime: "2024-03-09 00:05:33.000", Image: `C:\\t\\p${i}.exe`, Hashes: `SHA256=${hash}` })}\n`;
  }
  return s;
}
const N = 59;
const TEXT = records(N);

let dir = "";
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "minispl-damage-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function load(name: string, bytes: Buffer, opts: StreamOptions = {}) {
  const file = join(dir, name);
  writeFileSync(file, bytes);
  const store = new EventStore();
  const report = ingestStream(store, [file], { chunkSize: 1024, ...opts });
  const images = Array.from({ length: store.length }, (_x, r) => String(store.value(r, "Image")));
  return { file, report, images, store };
}

/** Whole lines `gzip -dc` recovers from a cut or damaged image. */
function wholeLines(gz: Buffer): number {
  let out: Buffer;
  try {
    out = gunzipSync(gz, { finishFlush: constants.Z_SYNC_FLUSH });
  } catch {
    return -1;
  }
  return out.toString().split("\n").length - 1;
}

const image = (i: number): string => `C:\\t\\p${i}.exe`;
const first = (n: number): string[] => Array.from({ length: n }, (_x, i) => image(i));

describe("gzip damage", () => {
  const gz = gzipSync(TEXT);
  const cases: { name: string; bytes: Buffer; events: number; warn: RegExp | undefined }[] = [
    { name: "cut in the middle", bytes: gz.subarray(0, Math.floor(gz.length * 0.6)), events: wholeLines(gz.subarray(0, Math.floor(gz.length * 0.6))), warn: /is truncated/ },
    { name: "cut inside the trailer", bytes: gz.subarray(0, gz.length - 3), events: N, warn: /trailer is cut off/ },
    { name: "bad CRC-32", bytes: flip(gz, gz.length - 7), events: N, warn: /CRC-32 mismatch/ },
    { name: "bad size", bytes: flip(gz, gz.length - 2), events: N, warn: /size mismatch/ },
    { name: "trailing garbage", bytes: Buffer.concat([gz, Buffer.from("garbage!\n")]), events: N, warn: /9 byte\(s\) of trailing data .* not gzip; ignored/ },
    { name: "zero padding", bytes: Buffer.concat([gz, Buffer.alloc(4096)]), events: N, warn: undefined },
    { name: "second member cut", bytes: Buffer.concat([gz, gzipSync(records(10, N)).subarray(0, 40)]), events: N + wholeLines(gzipSync(records(10, N)).subarray(0, 40)), warn: /gzip member 2 .* truncated/ },
  ];

  it.each(cases)("$name: $events of 59 events", ({ name, bytes, events, warn }) => {
    const { file, report, images } = load(`${name.replace(/\W+/g, "-")}.json.gz`, bytes);
    expect(events).toBeGreaterThan(0);
    expect(images).toEqual([...first(Math.min(events, N)), ...Array.from({ length: Math.max(0, events - N) }, (_x, i) => image(N + i))]);
    expect(report.skipped).toEqual(warn ? [{ file: expect.stringContaining(file), line: 1, reason: expect.stringMatching(warn) }] : []);
  });

  it("a cut line is dropped, not parsed as a record (the cut is between records only by luck)", () => {
    const cut = gz.subarray(0, Math.floor(gz.length * 0.6));
    const { report } = load("cut-line.json.gz", cut);
    // No "invalid JSON" skip for the half line: it is part of the reported cut.
    expect(report.skipped.filter((s) => /invalid JSON/.test(s.reason))).toEqual([]);
  });
});

describe("zip damage", () => {
  const hashAt = (buf: Buffer): number => buf.indexOf("SHA256=") + 20;

  it("a flipped bit in a stored member: events kept, CRC mismatch names the member", () => {
    const good = zip([{ name: "a.json", data: TEXT, method: 0 }, { name: "b.json", data: records(3, 100), method: 0 }]);
    const bad = flip(good, hashAt(good));
    const { file, report, images } = load("flip.zip", bad);
    expect(images).toHaveLength(N + 3);
    expect(report.skipped).toEqual([{ file: `${file}!a.json`, line: 1, reason: expect.stringMatching(/^CRC-32 mismatch .* its 59 event\(s\) were loaded and may hold corrupted values$/) }]);
  });

  it("a deflated member whose data is cut keeps its whole records", () => {
    const body = zip([{ name: "a.json", data: TEXT }]);
    // Point the central directory's compressed size at half the data.
    const cdAt = body.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    const half = body.readUInt32LE(cdAt + 20) >> 1;
    const bad = Buffer.from(body);
    bad.writeUInt32LE(half, cdAt + 20);
    const { file, report, images } = load("cut.zip", bad);
    expect(images.length).toBeGreaterThan(0);
    expect(images.length).toBeLessThan(N);
    expect(images).toEqual(first(images.length));
    expect(report.skipped).toEqual([{ file: `${file}!a.json`, line: 1, reason: expect.stringMatching(/truncated/) }]);
  });

  it("a member inflating past its declared size stops there (zip bomb)", () => {
    const body = zip([{ name: "bomb.json", data: TEXT + "\n".repeat(1 << 20) }]);
    const cdAt = body.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    const bad = Buffer.from(body);
    bad.writeUInt32LE(TEXT.length, cdAt + 24);
    const { file, report, images } = load("bomb.zip", bad, { chunkSize: 64 * 1024 });
    expect(images.length).toBeLessThanOrEqual(N);
    expect(report.skipped).toEqual([{ file: `${file}!bomb.json`, line: 1, reason: expect.stringMatching(/inflates past the \d+ byte\(s\) its directory entry declares/) }]);
  });

  it("many members share one inflate worker, and a member limit ends with a warning", () => {
    const members = Array.from({ length: 300 }, (_x, i) => ({ name: `m${i}.json`, data: records(1, i) }));
    const before = inflateWorkersStarted();
    const { file, report } = load("many.zip", zip(members), { limits: { maxMembers: 250 } });
    expect(inflateWorkersStarted() - before).toBeLessThanOrEqual(1);
    expect(report.events).toBe(250);
    expect(report.skipped).toEqual([{ file, line: 1, reason: expect.stringMatching(/zip holds 300 entries; members from m250\.json on are not read \(limit maxMembers 250\)/) }]);
  });
});

describe("bombs and non-text", () => {
  it("compressed zeros end at the line limit, not in memory", () => {
    const zeros = gzipSync(Buffer.alloc(8 << 20));
    const { file, report } = load("zeros.json.gz", zeros, { chunkSize: 256 * 1024, limits: { maxLineBytes: 1 << 20 } });
    expect(report.events).toBe(0);
    expect(report.skipped).toEqual([{ file: `${file}!zeros.json`, line: 1, reason: expect.stringMatching(/^no line end in 1 MiB/) }]);
  });

  it("a high ratio past the floor is a decompression bomb", () => {
    const lines = gzipSync(Buffer.from(TEXT + "\n".repeat(4 << 20)));
    const { file, report } = load("ratio.json.gz", lines, { chunkSize: 256 * 1024, limits: { ratioFloorBytes: 1 << 20, maxRatio: 50 } });
    expect(report.events).toBe(N);
    expect(report.skipped).toEqual([{ file: `${file}!ratio.json`, line: 1, reason: expect.stringMatching(/^decompression bomb: inflates to more than 50×/) }]);
  });
});

describe("tar damage", () => {
  const a = records(20);
  const b = records(20, 20);
  const c = records(19, 40);
  const good = tar([{ name: "a.json", data: a }, { name: "b.json", data: b }, { name: "c.json", data: c }]);
  /** Rewrites member `index`'s size field (and its checksum) to `size`. */
  function lie(img: Buffer, index: number, size: number): Buffer {
    const out = Buffer.from(img);
    let at = 0;
    for (let i = 0; i < index; i++) at += 512 + Math.ceil(parseInt(out.toString("latin1", at + 124, at + 135), 8) / 512) * 512;
    out.write(`${size.toString(8).padStart(11, "0")}\0`, at + 124, "latin1");
    out.write("        ", at + 148, "latin1");
    let sum = 0;
    for (let i = at; i < at + 512; i++) sum += out[i]!;
    out.write(`${sum.toString(8).padStart(6, "0")}\0 `, at + 148, "latin1");
    return out;
  }

  const cases = [
    { name: "size too small", bytes: lie(good, 1, 300), warn: /tar member b\.json: its size field says 300 byte\(s\) but its data runs on to byte/ },
    { name: "size too large", bytes: lie(good, 0, a.length + 2000), warn: /tar member a\.json: its size field says \d+ byte\(s\) but a header starts at byte/ },
  ];
  it.each(cases)("$name: all 59 events, and the member is named", ({ name, bytes, warn }) => {
    let wrapped = 0;
    for (const wrap of [(x: Buffer) => x, (x: Buffer) => gzipSync(x)]) {
      const { file, report, images } = load(`${name.replace(/\W+/g, "-")}-${wrapped++}.tar`, wrap(bytes), { chunkSize: 700 });
      expect(images).toEqual(first(N));
      expect(report.skipped).toEqual([{ file, line: 1, reason: expect.stringMatching(warn) }]);
    }
  });

  it("a member limit ends a tar with a warning", () => {
    const { file, report, images } = load("limit.tar", good, { limits: { maxMembers: 2 } });
    expect(images).toEqual(first(40));
    expect(report.skipped).toEqual([{ file, line: 1, reason: "tar holds more than 2 members; the rest (from c.json) is not read (limit maxMembers)" }]);
  });

  it("a tar.gz cut inside a member keeps the members before and the cut one's whole lines", () => {
    const gz = gzipSync(good);
    const cut = gz.subarray(0, Math.floor(gz.length * 0.8));
    const { report, images } = load("cut.tar.gz", cut);
    expect(images.length).toBeGreaterThanOrEqual(20);
    expect(images).toEqual(first(images.length));
    expect(report.skipped.map((s) => s.reason)).toEqual(expect.arrayContaining([expect.stringMatching(/is truncated/)]));
    expect(report.skipped.filter((s) => /invalid JSON/.test(s.reason))).toEqual([]);
  });
});

function flip(buf: Buffer, at: number): Buffer {
  const out = Buffer.from(buf);
  out[at]! ^= 0x04;
  return out;
}
