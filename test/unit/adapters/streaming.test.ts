// Chunked reading: the same files read with chunk sizes from 1 byte up must give exactly the events
// and skipped records (with line numbers) of reading the whole text at once — XML, classic and
// JSON records cut anywhere, multi-byte UTF-8 cut mid-character, CRLF, BOMs and UTF-16.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { EventStore } from "../../../src/store/event-store.js";
import { ingestStream, ingestText } from "../../../src/adapters/ingest.js";
import { BatchSink } from "../../../src/adapters/batch-sink.js";
import type { Value } from "../../../src/values/value.js";
import { HOST, SEC_4688, SYSMON_1, securityXml, sysmonXml } from "./fixtures.js";
import { classic4104, classic4688 } from "./classic-fixtures.js";

const FDR = JSON.stringify({ event_simpleName: "ProcessRollup2", timestamp: "1709942731120", ImageFileName: "\\Device\\HarddiskVolume3\\Windows\\System32\\whoami.exe", CommandLine: "whoami /all", event_platform: "Win", ParentBaseFileName: "cmd.exe — ü" });
const NXLOG = JSON.stringify({ EventID: 4688, Channel: "Security", Hostname: HOST, "@timestamp": "2024-03-09T00:05:31.490Z", NewProcessName: "C:\\Windows\\System32\\whoami.exe", CommandLine: "whoami 😀" });

const WINDOWS_TEXT = [
  sysmonXml(1, "2024-03-09T00:05:31.120Z", SYSMON_1),
  // After an XML record's </Event> this is reported; after a classic block it would be message text.
  "junk between records is reported",
  classic4104("03/09/2024 12:05:32 AM", 7001, "Write-Host 'grüße 😀'"),
  securityXml(4688, "2024-03-09T00:05:33.490Z", SEC_4688).replace("ipconfig  /all", "ipconfig\r\n/all"),
  classic4688(),
  sysmonXml(1, "2024-03-09T00:05:34.120Z", SYSMON_1).slice(0, 400),
  sysmonXml(1, "2024-03-09T00:05:35.120Z", SYSMON_1),
].join("\r\n");
const JSON_TEXT = [FDR, "", NXLOG, "{not json", FDR].join("\n");

let dir = "";
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "minispl-stream-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function rows(store: EventStore): Record<string, Value>[] {
  return Array.from({ length: store.length }, (_x, r) => {
    const row: Record<string, Value> = { _time: store.time(r) };
    for (const n of store.fieldNames()) {
      const v = store.value(r, n);
      if (v !== null) row[n] = v;
    }
    return row;
  });
}

function fromDisk(name: string, bytes: Buffer | string, chunkSize: number) {
  const file = join(dir, name);
  writeFileSync(file, bytes);
  const store = new EventStore();
  const report = ingestStream(store, [file], { chunkSize });
  return { rows: rows(store), report, file };
}

function reference(text: string, file: string) {
  const store = new EventStore();
  const report = ingestText(store, text, file);
  return { rows: rows(store), report };
}

describe.each([
  ["windows.raw", WINDOWS_TEXT],
  ["events.json", JSON_TEXT],
])("%s read in chunks", (name, text) => {
  it.each([1, 2, 3, 7, 64, 1000, 1 << 20])("chunk %i bytes gives the whole-text result", (chunk) => {
    const got = fromDisk(name, `\uFEFF${text}`, chunk);
    const want = reference(text, got.file);
    expect(got.report.skipped).toEqual(want.report.skipped);
    expect(got.report.byFormat).toEqual(want.report.byFormat);
    expect(got.rows).toEqual(want.rows);
    expect(got.report.bytes).toBe(Buffer.byteLength(`\uFEFF${text}`));
  });
});

describe("what the reference run contains", () => {
  it("windows text: 5 events, the junk line and the cut record reported at their lines", () => {
    const { rows: r, report } = reference(WINDOWS_TEXT, "w.raw");
    expect(r.map((x) => x.EventCode)).toEqual(["1", "4104", "4688", "4688", "1"]);
    expect(r[1]!.Message).toContain("grüße 😀");
    expect(r[2]!.CommandLine).toBe("ipconfig\r\n/all");
    const lines = WINDOWS_TEXT.split("\n");
    const junk = lines.findIndex((l) => l.startsWith("junk")) + 1;
    const cut = lines.findIndex((l) => l.includes("2024-03-09T00:05:34")) + 1;
    expect(report.skipped).toEqual([
      { file: "w.raw", line: junk, reason: expect.stringMatching(/^text outside any record/) },
      { file: "w.raw", line: cut, reason: "record has no closing </Event>" },
    ]);
  });

  it("JSON: FDR and NXLog lines, the bad line reported", () => {
    const { rows: r, report } = reference(JSON_TEXT, "e.json");
    expect(r.map((x) => x.sourcetype)).toEqual(["crowdstrike:events:sensor", "XmlWinEventLog", "crowdstrike:events:sensor"]);
    expect(report.skipped).toEqual([{ file: "e.json", line: 4, reason: expect.stringMatching(/^invalid JSON/) }]);
  });
});

describe("encodings and document-shaped JSON", () => {
  it.each([1, 5, 4096])("reads UTF-16LE with a BOM (chunk %i)", (chunk) => {
    const got = fromDisk("utf16.xml", Buffer.from(`\uFEFF${WINDOWS_TEXT}`, "utf16le"), chunk);
    expect(got.rows).toEqual(reference(WINDOWS_TEXT, got.file).rows);
  });

  it("reads one pretty-printed event across chunks", () => {
    const doc = JSON.stringify(JSON.parse(FDR), null, 2);
    const got = fromDisk("one.json", doc, 3);
    expect(got.report.skipped).toEqual([]);
    expect(got.rows).toEqual(reference(doc, got.file).rows);
    expect(got.rows).toHaveLength(1);
  });

  it("reports an unrecognised file once and stops reading it", () => {
    const got = fromDisk("notes.txt", "hello\n".repeat(50_000), 4096);
    expect(got.report.skipped).toEqual([{ file: got.file, line: 1, reason: "unrecognised format" }]);
    expect(got.report.bytes).toBeLessThan(300_000);
  });
});

describe("BatchSink", () => {
  it("hands over full batches and the rest at flush, with formats", () => {
    const sizes: number[] = [];
    const formats = new Set<string>();
    const sink = new BatchSink((store, f) => {
      sizes.push(store.length);
      for (const x of f) formats.add(x);
    }, 2);
    const file = join(dir, "batch.raw");
    writeFileSync(file, WINDOWS_TEXT);
    const report = ingestStream(sink, [file]);
    sink.flush();
    expect(sizes).toEqual([2, 2, 1]);
    expect(report.events).toBe(5);
    expect([...formats].sort()).toEqual(["wineventlog", "xmlwineventlog"]);
  });
});
