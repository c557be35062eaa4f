// Issue 10's hostile data files in one --data folder, next to a good file: each gets its own
// warning naming it, and the good file's events all arrive (one bad file never ends the batch).
// The files are built here in a temp folder; each kind also has a focused test under
// test/unit/adapters (README.md in this folder lists them).
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingestStream } from "../../../src/adapters/ingest.js";
import { inflateWorkersStarted } from "../../../src/platform/node-inflate.js";
import { EventStore } from "../../../src/store/event-store.js";
import { tar, zip } from "../adapters/archive-builder.js";
import { ChunkBuilder, evtxFile } from "../adapters/evtx-builder.js";
import { sysmonProcess } from "./hostile-inputs.js";

const GOOD = 25;
const line = (i: number) => sysmonProcess(`good.exe /n ${i}`);
const nxlog = (i: number) => `${JSON.stringify({ EventID: 1, Channel: "Microsoft-Windows-Sysmon/Operational", Hostname: "WS-9", UtcTime: "2024-03-09 00:05:33.000", Image: `C:\\t\\p${i}.exe` })}\n`;
const lines = (n: number, from = 0) => Array.from({ length: n }, (_x, i) => nxlog(from + i)).join("");

function evtx(): Buffer {
  const b = new ChunkBuilder();
  for (let i = 0; i < 10; i++) b.record(BigInt(i + 1), (r) => r.fragment().open("E").closeStart().text(`v-${i}`).end().eof());
  return evtxFile([b.finish()]);
}

/** The first tar member's size field set to `size`, with the header checksum made to match. */
function lieAboutSize(t: Buffer, size: number): Buffer {
  t.write(`${size.toString(8).padStart(11, "0")}\0`, 124, "latin1");
  t.write("        ", 148, "latin1");
  let sum = 0;
  for (let i = 0; i < 512; i++) sum += t[i]!;
  t.write(`${sum.toString(8).padStart(6, "0")}\0 `, 148, "latin1");
  return t;
}

let dir = "";
let report: ReturnType<typeof ingestStream>;
let store: EventStore;
let workers = 0;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "minispl-hostile-"));
  const put = (name: string, data: Buffer | string) => writeFileSync(join(dir, name), data);
  put("good.xml", `${Array.from({ length: GOOD }, (_x, i) => line(i)).join("\n")}\n`);
  mkdirSync(join(dir, "sub"));
  symlinkSync(dir, join(dir, "sub", "loop"));
  if (process.platform !== "win32") execFileSync("mkfifo", [join(dir, "pipe.xml")]);
  const gz = gzipSync(lines(40));
  put("cut.json.gz", gz.subarray(0, Math.floor(gz.length / 2)));
  put("garbage.json.gz", Buffer.concat([gz, Buffer.from("garbage after the member")]));
  const stored = zip([{ name: "m.json", data: lines(5), method: 0 }]);
  stored[60]! ^= 1;
  put("crc.zip", stored);
  put("glued.xml", `${line(100)}\x0b${line(101)}\n`);
  put("lying.tar", lieAboutSize(tar([{ name: "a.json", data: lines(20) }, { name: "b.json", data: lines(3, 20) }]), 300));
  const e = evtx();
  e[0]! ^= 1;
  put("header.evtx", e);
  const z = zip([{ name: "a.json", data: lines(4) }]);
  put("moved.zip", Buffer.concat([z.subarray(0, 60), Buffer.from([1, 2, 3]), z.subarray(60)]));
  put("many.zip", zip(Array.from({ length: 10_000 }, (_x, i) => ({ name: `m${i}.json`, data: nxlog(i), method: 0 }))));
  put("zeros.json.gz", gzipSync(Buffer.alloc(32 << 20)));
  store = new EventStore();
  const before = inflateWorkersStarted();
  report = ingestStream(store, [dir], { chunkSize: 256 * 1024, limits: { maxLineBytes: 1 << 20 } });
  workers = inflateWorkersStarted() - before;
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const warned = (file: string, reason: RegExp) =>
  expect(report.skipped).toContainEqual({ file: expect.stringContaining(file), line: expect.any(Number), reason: expect.stringMatching(reason) });

describe("a --data folder of hostile files", () => {
  it("keeps every event of the good file", () => {
    const processes = Array.from({ length: store.length }, (_x, r) => String(store.value(r, "CommandLine")));
    expect(processes.filter((p) => /^good\.exe \/n \d\d?$/.test(p))).toHaveLength(GOOD);
  });

  it.each([
    ["symlink loop", "loop", /symlink loop/],
    ["truncated gzip", "cut.json.gz", /truncated/],
    ["trailing garbage after a gzip member", "garbage.json.gz", /garbage|after the last member|trailing/i],
    ["zip CRC flip", "crc.zip", /CRC-32/],
    ["lying tar size", "lying.tar", /size field says 300 byte/],
    ["damaged EVTX signature", "header.evtx", /no "ElfFile" signature \(chunks read from 4096 anyway\)/],
    ["bytes inserted in a zip member", "moved.zip", /central directory lies 3 byte\(s\) from where its end record says/],
    ["32 MiB of compressed zeros", "zeros.json.gz", /no line end in 1 MiB/],
    ...(process.platform !== "win32" ? [["FIFO", "pipe.xml", /FIFO/] as [string, string, RegExp]] : []),
  ])("%s: a warning naming it", (_name, file, reason) => {
    warned(file, reason);
  });

  it("reads glued records as two events, the 10,000-member zip whole with one inflate worker, the EVTX whole", () => {
    const processes = Array.from({ length: store.length }, (_x, r) => String(store.value(r, "CommandLine")));
    expect(processes.filter((p) => /^good\.exe \/n 10[01]$/.test(p))).toHaveLength(2);
    const images = Array.from({ length: store.length }, (_x, r) => String(store.value(r, "Image")));
    expect(images.filter((i) => /^C:\\t\\p\d+\.exe$/.test(i)).length).toBeGreaterThanOrEqual(10_000);
    expect(workers).toBeLessThanOrEqual(1);
    // The test chunk's records hold no <System> block: each is read and then refused by name.
    const evtxWarnings = report.skipped.filter((w) => w.file.endsWith("header.evtx")).map((w) => w.reason);
    expect(evtxWarnings.filter((w) => /record \d+ at 0x/.test(w))).toHaveLength(10);
  });
});
