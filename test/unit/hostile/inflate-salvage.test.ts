// Corrupt deflate data (found by the data fuzzer): zlib drops the output of the write that meets
// the damage, up to 16 KiB, so a zip member or gzip file damaged early gave 0 events although its
// first records inflate whole. Now every whole record before the damage is kept.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { constants, deflateRawSync, gzipSync, inflateRawSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { ingestStream } from "../../../src/adapters/ingest.js";
import { EventStore } from "../../../src/store/event-store.js";
import { zip } from "../adapters/archive-builder.js";

const TEXT = Array.from({ length: 400 }, (_x, i) =>
  `${JSON.stringify({ EventID: 1, Channel: "Microsoft-Windows-Sysmon/Operational", Hostname: "WS-9", UtcTime: "2024-03-09 00:05:33.000", Image: `C:\\t\\p${i}-${(i * 2654435761).toString(36)}.exe` })}\n`).join("");
const RAW = deflateRawSync(TEXT);

/** The first offset in the deflate data where a flipped bit makes inflating fail, and the whole lines before it. */
function damage(): { at: number; mask: number; lines: number } {
  for (let at = 200; at < RAW.length; at += 37) {
    for (const mask of [0x10, 0x40, 0x02]) {
      const bad = Buffer.from(RAW);
      bad[at]! ^= mask;
      try {
        inflateRawSync(bad);
      } catch {
        const trusted = inflateRawSync(RAW.subarray(0, at), { finishFlush: constants.Z_SYNC_FLUSH }).toString();
        return { at, mask, lines: trusted.split("\n").length - 1 };
      }
    }
  }
  throw new Error("no damaging flip found");
}

function load(name: string, bytes: Buffer) {
  const file = join(mkdtempSync(join(tmpdir(), "minispl-salvage-")), name);
  writeFileSync(file, bytes);
  const store = new EventStore();
  const report = ingestStream(store, [file]);
  return { report, images: Array.from({ length: store.length }, (_x, r) => String(store.value(r, "Image"))) };
}

describe("corrupt deflate data keeps the whole records before it", () => {
  const d = damage();
  const expected = TEXT.split("\n").slice(0, d.lines).map((l) => (JSON.parse(l) as { Image: string }).Image);

  it("in a zip member", () => {
    const body = zip([{ name: "a.json", data: TEXT }]);
    const dataAt = body.indexOf(RAW.subarray(0, 64));
    body[dataAt + d.at]! ^= d.mask;
    const { report, images } = load("bad.zip", body);
    expect(d.lines).toBeGreaterThan(0);
    expect(images.slice(0, d.lines)).toEqual(expected);
    expect(report.skipped.map((s) => s.reason)).toContainEqual(expect.stringMatching(/corrupt deflate data/));
  });

  it("in a gzip file", () => {
    const gz = gzipSync(TEXT);
    const dataAt = gz.indexOf(RAW.subarray(0, 64));
    gz[dataAt + d.at]! ^= d.mask;
    const { images } = load("bad.json.gz", gz);
    expect(images.slice(0, d.lines)).toEqual(expected);
  });
});
