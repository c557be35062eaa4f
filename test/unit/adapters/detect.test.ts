// Format detection from content and from a forced sourcetype; per-line decision in mixed JSON;
// ingestPaths over a directory (sorted, recursive, unrecognised files reported, not fatal).
import { describe, it, expect } from "vitest";
import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { EventStore } from "../../../src/store/event-store.js";
import { detectFormat, ingestPaths } from "../../../src/adapters/index.js";
import { HOST, SEC_4688, SYSMON_1, ingest, securityXml, sysmonXml } from "./fixtures.js";

const XML = sysmonXml(1, "2023-11-07T09:41:12.523Z", SYSMON_1);
const FDR = '{"event_simpleName":"ProcessRollup2","timestamp":"1699350072204","ImageFileName":"\\\\Device\\\\HarddiskVolume2\\\\Windows\\\\notepad.exe","event_platform":"Win"}';
const NXLOG = `{"EventID":4688,"Channel":"Security","Hostname":"${HOST}","@timestamp":"2023-11-07T09:41:12.490Z","NewProcessName":"C:\\\\Windows\\\\notepad.exe"}`;

describe("detectFormat", () => {
  it.each([
    ["XML", XML, {}, "xmlwineventlog"],
    ["XML after blank lines", `\n\n${XML}`, {}, "xmlwineventlog"],
    ["FDR JSON", FDR, {}, "json-events"],
    ["NXLog JSON", NXLOG, {}, "json-events"],
    ["plain text", "hello world", {}, undefined],
    ["JSON without known keys", '{"a":1}', {}, undefined],
    ["forced XmlWinEventLog on XML", XML, { sourcetype: "xmlwineventlog" }, "xmlwineventlog"],
    ["forced XmlWinEventLog on JSON → NXLog", NXLOG, { sourcetype: "XmlWinEventLog" }, "nxlog-json"],
    ["forced FDR sourcetype", '{"x":1}', { sourcetype: "crowdstrike:events:sensor" }, "crowdstrike-fdr"],
  ])("%s", (_label, head, opts, name) => {
    expect(detectFormat(head, opts)?.name).toBe(name);
  });
});

describe("mixed JSON lines decide per line", () => {
  it("routes FDR and NXLog lines and counts each format", () => {
    const { rows, report } = ingest(`${FDR}\n${NXLOG}\n{"hello":1}\n`, {}, "mixed.json");
    expect(rows.map((r) => r.sourcetype)).toEqual(["crowdstrike:events:sensor", "XmlWinEventLog"]);
    expect(report.byFormat).toEqual({ "crowdstrike-fdr": 1, "nxlog-json": 1 });
    expect(report.skipped).toHaveLength(1);
    expect(report.skipped[0]).toMatchObject({ file: "mixed.json", line: 3 });
  });
});

describe("ingestPaths", () => {
  it("walks directories in sorted order and reports unrecognised files", () => {
    const dir = mkdtempSync(join(tmpdir(), "minispl-adapters-"));
    mkdirSync(join(dir, "sub"));
    writeFileSync(join(dir, "b.xml"), `${securityXml(4688, "2023-11-07T09:41:12.490Z", SEC_4688)}\n`);
    writeFileSync(join(dir, "a.xml"), `${XML}\n`);
    writeFileSync(join(dir, "sub", "c.json"), `${FDR}\n`);
    writeFileSync(join(dir, "notes.dat"), "# not logs\n");
    writeFileSync(join(dir, ".hidden"), "ignored");
    const store = new EventStore();
    const report = ingestPaths(store, [dir]);
    expect(report.files).toBe(4);
    expect(report.events).toBe(3);
    expect(report.byFormat).toEqual({ xmlwineventlog: 2, "crowdstrike-fdr": 1 });
    expect(report.skipped).toEqual([{ file: join(dir, "notes.dat"), line: 1, reason: "unrecognised format" }]);
    expect([0, 1, 2].map((r) => store.value(r, "EventCode") ?? store.value(r, "event_simpleName"))).toEqual(["1", "4688", "ProcessRollup2"]);
    expect(report.bytes).toBeGreaterThan(0);
  });

  it("reports a missing path instead of throwing", () => {
    const report = ingestPaths(new EventStore(), [join(tmpdir(), "minispl-does-not-exist.xml")]);
    expect(report.skipped).toHaveLength(1);
    expect(report.skipped[0]!.reason).toMatch(/cannot read/);
  });
});

describe("JSON lines whose first line is damaged (data fuzz, issue 10)", () => {
  const lines = Array.from({ length: 6 }, (_, i) => FDR.replace("1699350072204", String(1699350072204 + i)));

  it.each([
    ["first byte flipped", `z${lines[0]!.slice(1)}`],
    ["first line cut to garbage", "\u0000\u0007garbage"],
  ])("%s: still JSON, the other five records kept, the first skipped at line 1", (_label, first) => {
    const text = [first, ...lines.slice(1)].join("\n") + "\n";
    expect(detectFormat(text)?.name).toBe("json-events");
    const { rows, report } = ingest(text, {}, "fdr.jsonl");
    expect(rows).toHaveLength(5);
    expect(report.skipped).toEqual([expect.objectContaining({ file: "fdr.jsonl", line: 1 })]);
  });

  it("plain text with a few braces is not taken for JSON", () => {
    expect(detectFormat("hello\n{a}\nworld\nmore text\n{b}\n")?.name).toBeUndefined();
  });
});

it("FDR lines after 47 KB of zeroed bytes are still found (the key is looked for in the whole head)", () => {
  const text = `{${"\u0000".repeat(47_000)}\n${Array.from({ length: 5 }, () => FDR).join("\n")}\n`;
  expect(detectFormat(text)?.name).toBe("json-events");
  const { rows, report } = ingest(text, {}, "zeroed.jsonl");
  expect(rows).toHaveLength(5);
  expect(report.skipped).toEqual([expect.objectContaining({ line: 1 })]);
});
