// EVTX through ingestPaths: recognised by its signature (not its name), each record goes through
// the XmlWinEventLog path so fields are identical to the same records as XML text, reported as
// format `evtx`; bad chunks are skipped records at their chunk number.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { EventStore } from "../../../src/store/event-store.js";
import { ingestPaths, ingestText } from "../../../src/adapters/index.js";
import { isEvtx } from "../../../src/adapters/evtx/ingest-evtx.js";
import { readEvtxBytes } from "../../../src/adapters/evtx/reader.js";
import type { Value } from "../../../src/values/value.js";
import { ChunkBuilder, evtxFile, sysmonChunk as sharedSysmonChunk } from "./evtx-builder.js";

const NAMES = ["RuleName", "UtcTime", "ProcessId", "Image", "CommandLine", "User", "ParentProcessId", "ParentImage", "ParentCommandLine"];
const ROWS = [
  ["-", "2019-04-03 18:11:59.996", "2636", "C:\\Windows\\System32\\wbem\\scrcons.exe", "C:\\Windows\\system32\\wbem\\scrcons.exe -Embedding", "NT AUTHORITY\\SYSTEM", "596", "C:\\Windows\\System32\\svchost.exe", "C:\\Windows\\system32\\svchost.exe -k DcomLaunch"],
  ["-", "2019-04-03 18:12:03.120", "4410", "C:\\Windows\\System32\\cmd.exe", "cmd.exe /c whoami > C:\\t.txt & exit", "EXAMPLE\\user01", "2636", "C:\\Windows\\System32\\wbem\\scrcons.exe", "scrcons.exe -Embedding"],
];

function sysmonChunk(firstId: number): Buffer {
  return sharedSysmonChunk(NAMES, ROWS, firstId);
}

function rows(store: EventStore): Record<string, Value>[] {
  const out: Record<string, Value>[] = [];
  for (let r = 0; r < store.length; r++) {
    const row: Record<string, Value> = { _time: store.time(r) };
    for (const name of store.fieldNames()) {
      const v = store.value(r, name);
      if (v !== null) row[name] = v;
    }
    out.push(row);
  }
  return out;
}

let dir = "";
const image = evtxFile([sysmonChunk(100), sysmonChunk(200)]);
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "evtx-ingest-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("EVTX ingestion", () => {
  it("is recognised by its signature, whatever the file is called", () => {
    const file = join(dir, "exported.log");
    writeFileSync(file, image);
    writeFileSync(join(dir, "not-evtx.evtx"), "<Event xmlns='x'>");
    expect(isEvtx(file)).toBe(true);
    expect(isEvtx(join(dir, "not-evtx.evtx"))).toBe(false);
    expect(isEvtx(join(dir, "missing"))).toBe(false);
  });

  it("gives exactly the fields the same records give as XML text, counted as format evtx", () => {
    const file = join(dir, "sysmon.bin");
    writeFileSync(file, image);
    const fromEvtx = new EventStore();
    const report = ingestPaths(fromEvtx, [file]);
    expect(report).toMatchObject({ files: 1, events: 4, bytes: image.length, byFormat: { evtx: 4 }, skipped: [] });

    const xml = [...readEvtxBytes(image)].map((i) => (i.kind === "record" ? i.xml : "")).join("\n") + "\n";
    const fromXml = new EventStore();
    // Named as the EVTX file, so the file field (minispl_file, its absolute path) is the same too.
    expect(ingestText(fromXml, xml, file).byFormat).toEqual({ xmlwineventlog: 4 });
    expect(rows(fromEvtx)).toEqual(rows(fromXml));

    const first = rows(fromEvtx)[0]!;
    expect(first).toMatchObject({
      EventCode: "1", source: "XmlWinEventLog:Microsoft-Windows-Sysmon/Operational", sourcetype: "XmlWinEventLog", host: "PC04.example.corp",
      process_name: "scrcons.exe", parent_process: "C:\\Windows\\system32\\svchost.exe -k DcomLaunch", ProcessID: "'1808'", user_id: "'S-1-5-18'",
    });
    expect(first._time).toBeCloseTo(Date.parse("2019-04-03T18:11:59.996Z") / 1000, 3);
    expect(rows(fromEvtx)[1]!.CommandLine).toBe("cmd.exe /c whoami &gt; C:\\t.txt &amp; exit");
  });

  it("reports a corrupt chunk's records at its chunk number and keeps the others; mixes with XML files", () => {
    const bad = Buffer.from(image);
    bad[4096 + 65536 + 900] = bad[4096 + 65536 + 900]! ^ 0x55;
    const file = join(dir, "bad.evtx");
    writeFileSync(file, bad);
    const xmlFile = join(dir, "z.xml");
    writeFileSync(xmlFile, [...readEvtxBytes(image)].map((i) => (i.kind === "record" ? i.xml : "")).join("\n"));
    const store = new EventStore();
    const report = ingestPaths(store, [file, xmlFile]);
    expect(report.events).toBe(6);
    expect(report.byFormat).toEqual({ evtx: 2, xmlwineventlog: 4 });
    // The flipped byte sits in the template both records of chunk 2 use: each is reported alone.
    expect(report.skipped).toEqual([
      { file, line: 2, reason: expect.stringMatching(/^chunk 2 at 0x11000: record 200 at 0x11200: /) },
      { file, line: 2, reason: expect.stringMatching(/^chunk 2 at 0x11000: record 201 at 0x11be0: /) },
      { file, line: 2, reason: "chunk 2 at 0x11000: event records CRC-32 mismatch; records read one by one: 0 recovered, 2 damaged skipped" },
    ]);
  });

  it("reports a record the XML path rejects with its chunk and record id", () => {
    const b = new ChunkBuilder();
    b.record(5n, (r) => r.fragment().open("Event").closeStart().open("System").closeEmpty().end().eof());
    const file = join(dir, "nosystem.evtx");
    writeFileSync(file, evtxFile([b.finish()]));
    const report = ingestPaths(new EventStore(), [file]);
    expect(report.events).toBe(0);
    expect(report.skipped).toEqual([{ file, line: 1, reason: "chunk 1: record 5 at 0x1200: no <System>…</System> block" }]);
  });
});
