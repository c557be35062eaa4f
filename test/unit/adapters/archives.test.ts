// Archives read in place: .gz, .zip (stored, deflate, data descriptor, ZIP64), .tar, .tar.gz/.tgz
// with ustar/GNU/pax names; each member dispatched by content and named `archive!member` in
// skipped records; what cannot be read is reported, never thrown. Images are built in the test.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { EventStore } from "../../../src/store/event-store.js";
import { ingestStream } from "../../../src/adapters/ingest.js";
import { SEC_4688, SYSMON_1, securityXml, sysmonXml } from "./fixtures.js";
import { classic4104 } from "./classic-fixtures.js";
import { tar, zip } from "./archive-builder.js";

const XML = `${sysmonXml(1, "2024-03-09T00:05:31.120Z", SYSMON_1)}\n${securityXml(4688, "2024-03-09T00:05:31.490Z", SEC_4688)}\n`;
const CLASSIC = classic4104("03/09/2024 12:05:32 AM", 7001, "Get-ChildItem");
const NXLOG = `${JSON.stringify({ EventID: 1, Channel: "Microsoft-Windows-Sysmon/Operational", Hostname: "WS-9", UtcTime: "2024-03-09 00:05:33.000", Image: "C:\\Windows\\notepad.exe" })}\n`;
const BAD_JSON = `${NXLOG}{"EventID":\n`;

let dir = "";
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "minispl-archives-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function load(name: string, bytes: Buffer, chunkSize?: number) {
  const file = join(dir, name);
  writeFileSync(file, bytes);
  const store = new EventStore();
  const report = ingestStream(store, [file], chunkSize ? { chunkSize } : {});
  const codes = Array.from({ length: store.length }, (_x, r) => store.value(r, "EventCode"));
  return { file, report, codes, store };
}

describe("gzip", () => {
  it("streams a gzip member and names it after the archive", () => {
    const { file, report, codes } = load("events.json.gz", gzipSync(BAD_JSON));
    expect(codes).toEqual(["1"]);
    expect(report.skipped).toEqual([{ file: `${file}!events.json`, line: 2, reason: expect.stringMatching(/^invalid JSON/) }]);
    expect(report.files).toBe(1);
    expect(report.bytes).toBe(Buffer.byteLength(BAD_JSON));
    expect(report.inputBytes).toBeLessThan(report.bytes);
  });

  it("reads concatenated gzip members as one stream, with a small inflate buffer", () => {
    const { codes } = load("two.raw.gz", Buffer.concat([gzipSync(XML), gzipSync(CLASSIC)]), 1);
    expect(codes).toEqual(["1", "4688", "4104"]);
  });

  it("reports corrupt compressed data and keeps what was read before", () => {
    const good = gzipSync(XML.repeat(200));
    const broken = Buffer.concat([good.subarray(0, good.length - 40), Buffer.alloc(40, 0x55)]);
    const { file, report } = load("broken.xml.gz", broken, 1024);
    expect(report.events).toBeGreaterThan(300);
    expect(report.skipped.at(-1)).toMatchObject({ file: `${file}!broken.xml`, line: 1, reason: expect.stringMatching(/^gzip member 1 \(at byte 0\) is (truncated|.*corrupt)/) });
  });
});

describe("zip", () => {
  it("reads stored, deflated and data-descriptor members; skips directories and hidden files", () => {
    const image = zip([
      { name: "logs/", data: "", method: 0 },
      { name: "logs/a.xml", data: XML, method: 0 },
      { name: "logs/b.raw", data: CLASSIC },
      { name: "logs/c.json", data: NXLOG, descriptor: true },
      { name: "__MACOSX/logs/._c.json", data: "junk" },
      { name: "logs/.DS_Store", data: "junk" },
    ]);
    const { report, codes } = load("bundle.zip", image);
    expect(report.skipped).toEqual([]);
    expect(codes).toEqual(["1", "4688", "4104", "1"]);
    expect(report.byFormat).toEqual({ xmlwineventlog: 2, wineventlog: 1, "nxlog-json": 1 });
    expect(report.files).toBe(3);
  });

  it("names members in skipped records and reports unreadable members", () => {
    const image = zip([
      { name: "dir/member.json", data: BAD_JSON },
      { name: "secret.json", data: NXLOG, encrypted: true },
      { name: "odd.json", data: NXLOG, method: 12 },
      { name: "inner.zip", data: zip([{ name: "x.json", data: NXLOG }]), method: 0 },
      { name: "notes.dat", data: "# hello" },
    ]);
    const { file, report, codes } = load("archive.zip", image);
    expect(codes).toEqual(["1"]);
    expect(report.skipped).toEqual([
      { file: `${file}!dir/member.json`, line: 2, reason: expect.stringMatching(/^invalid JSON/) },
      { file: `${file}!secret.json`, line: 1, reason: "encrypted zip member is not read" },
      { file: `${file}!odd.json`, line: 1, reason: "zip compression method 12 is not supported (only stored and deflate)" },
      { file: `${file}!inner.zip`, line: 1, reason: "nested zip archive inside an archive is not read; extract it first" },
      { file: `${file}!notes.dat`, line: 1, reason: "unrecognised format" },
    ]);
  });

  it("reads ZIP64 records, and a zip whatever its file name", () => {
    const { report, codes } = load("really-a-zip.json", zip([{ name: "a.xml", data: XML }, { name: "b.raw", data: CLASSIC, method: 0 }], { zip64: true }), 7);
    expect(report.skipped).toEqual([]);
    expect(codes).toEqual(["1", "4688", "4104"]);
  });

  it("reports a truncated zip", () => {
    const image = zip([{ name: "a.xml", data: XML }]);
    const { file, report } = load("cut.zip", image.subarray(0, image.length - 30));
    expect(report.skipped).toEqual([{ file, line: 1, reason: "zip has no end-of-central-directory record (truncated?)" }]);
  });
});

describe("tar", () => {
  const longDir = `${"deep/".repeat(25)}attack_data`;
  const image = tar([
    { name: "attack_data/", type: "5" },
    { name: "attack_data/attack_data.txt", data: BAD_JSON },
    { name: `${longDir}/ustar-prefix.raw`, data: CLASSIC },
    { name: `${"n".repeat(120)}.json`, data: BAD_JSON, longName: "gnu" },
    { name: `pax/${"p".repeat(110)}.json`, data: BAD_JSON, longName: "pax" },
    { name: "attack_data/._hidden.txt", data: "junk" },
    { name: "x.xml", data: XML },
  ]);
  const CODES = ["1", "4104", "1", "1", "1", "4688"];
  const skips = (container: string) =>
    ["attack_data/attack_data.txt", `${"n".repeat(120)}.json`, `pax/${"p".repeat(110)}.json`].map((m) => ({
      file: `${container}!${m}`,
      line: 2,
      reason: expect.stringMatching(/^invalid JSON/),
    }));

  it.each([
    ["attack_data.tar.gz", gzipSync(image)],
    ["attack_data.tgz", gzipSync(image)],
    ["plain.tar", image],
  ])("%s: every member, named after the archive", (name, bytes) => {
    const { file, report, codes } = load(name, bytes, 100);
    expect(codes).toEqual(CODES);
    expect(report.files).toBe(5);
    expect(report.skipped).toEqual(skips(file));
  });

  it.each([
    ["deflated", 8, undefined],
    ["stored, read in 7-byte chunks", 0, 7],
  ])("a tar inside a zip member is read too (%s)", (_label, method, chunk) => {
    const { file, report, codes } = load("t.zip", zip([{ name: "inner.tar", data: image, method }]), chunk);
    expect(codes).toEqual(CODES);
    expect(report.skipped).toEqual(skips(`${file}!inner.tar`));
  });

  it("skips a damaged header to the next valid one, and says so", () => {
    const bad = Buffer.from(image);
    bad.fill(0x41, 1024 + 1536, 1024 + 1536 + 100);
    const { file, report, codes } = load("bad.tar", bad);
    // The GNU long-name entry's header is damaged: skipped to the next valid header, whose own
    // (100-character) name is used; every event is still read.
    expect(codes).toEqual(CODES);
    expect(report.skipped).toContainEqual({ file, line: 1, reason: "tar: no valid header at byte 2560; 1024 byte(s) skipped to the next header" });
  });
});
