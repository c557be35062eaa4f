// `minispl ingest` and `minispl fields` as a user runs them, on files written by the test (mixed
// XML + classic text, a zip with a bad member, a gzipped FDR file).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { runCli } from "../support/cli.js";
import { SEC_4688, SYSMON_1, securityXml, sysmonXml } from "../unit/adapters/fixtures.js";
import { classic4104, classic4688 } from "../unit/adapters/classic-fixtures.js";
import { zip } from "../unit/adapters/archive-builder.js";

const FDR = JSON.stringify({ event_simpleName: "ProcessRollup2", timestamp: "1709942731120", event_platform: "Win", ImageFileName: "\\Device\\HarddiskVolume3\\Windows\\System32\\whoami.exe", CommandLine: "whoami /all", ParentBaseFileName: "cmd.exe" });

let dir = "";
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "minispl-e2e-ingest-"));
  const xml = `${sysmonXml(1, "2024-03-09T00:05:31.120Z", SYSMON_1)}\n${securityXml(4688, "2024-03-09T00:05:31.490Z", SEC_4688)}\n`;
  writeFileSync(join(dir, "mixed.raw"), `${xml}${classic4104("03/09/2024 12:05:32 AM", 7001, "Get-ChildItem")}${classic4688()}`);
  writeFileSync(join(dir, "bundle.zip"), zip([{ name: "good.json", data: `${FDR}\n` }, { name: "bad.json", data: `${FDR}\n{"oops":\n` }]));
  writeFileSync(join(dir, "fdr.json.gz"), gzipSync(`${FDR}\n${FDR}\n`));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface IngestJson {
  files: number;
  events: number;
  skipped: number;
  "MB/s": number;
  "events/s": number;
  events_by: { format: string; source: string; sourcetype: string; EventCode: string; count: number }[];
  datasets: { dataset: string; count: number }[];
  skipped_records: { file: string; line: number; reason: string }[];
}

describe("minispl ingest", () => {
  it("reports formats, sources, datasets, skipped records and throughput (json)", async () => {
    const r = await runCli(["ingest", dir, "--format", "json"]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as IngestJson;
    expect(out).toMatchObject({ files: 4, events: 8, skipped: 1 });
    expect(out["MB/s"]).toBeGreaterThan(0);
    expect(out["events/s"]).toBeGreaterThan(0);
    expect(out.events_by).toEqual(
      expect.arrayContaining([
        { format: "crowdstrike-fdr", source: "crowdstrike", sourcetype: "crowdstrike:events:sensor", EventCode: "ProcessRollup2", count: 4 },
        { format: "wineventlog", source: "WinEventLog:Security", sourcetype: "WinEventLog", EventCode: "4688", count: 1 },
        { format: "wineventlog", source: "WinEventLog:Microsoft-Windows-PowerShell/Operational", sourcetype: "WinEventLog", EventCode: "4104", count: 1 },
        { format: "xmlwineventlog", source: "XmlWinEventLog:Security", sourcetype: "XmlWinEventLog", EventCode: "4688", count: 1 },
      ]),
    );
    expect(out.datasets).toEqual([{ dataset: "Endpoint.Processes", count: 7 }]);
    expect(out.skipped_records).toEqual([{ file: `${join(dir, "bundle.zip")}!bad.json`, line: 2, reason: expect.stringMatching(/^invalid JSON/) }]);
  });

  it("prints the sections as tables", async () => {
    const r = await runCli(["ingest", join(dir, "mixed.raw")]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("== events by format, source, sourcetype, EventCode");
    expect(r.stdout).toMatch(/\| wineventlog\s+\| WinEventLog:Security\s+\| WinEventLog\s+\| 4688\s+\| 1\s+\|/);
    expect(r.stdout).toMatch(/\| Endpoint\.Processes\s+\| 3\s+\|/);
    expect(r.stdout).toContain("== skipped records (0)\nnone");
  });

  it("exits 3 for a missing path", async () => {
    const r = await runCli(["ingest", join(dir, "nope.json")]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/nope\.json: no such file or directory/);
  });
});

describe("minispl fields", () => {
  it("lists a dataset's fields as tstats addresses them, with counts and examples", async () => {
    const r = await runCli(["fields", "Endpoint.Processes", "--data", join(dir, "mixed.raw"), "--format", "json"]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { target: string; events: number; fields: { field: string; count: number; example: unknown; from: string }[] };
    expect(out).toMatchObject({ target: "datamodel dataset Endpoint.Processes", events: 3 });
    const by = new Map(out.fields.map((f) => [f.field, f]));
    expect(out.fields.slice(0, 4).map((f) => f.field)).toEqual(["_time", "host", "source", "sourcetype"]);
    expect(by.get("Processes.process_name")).toEqual({ field: "Processes.process_name", count: 3, example: "cmd.exe", from: "calculated (CIM)" });
    expect(by.get("Processes.process_id")).toMatchObject({ count: 3 });
    expect(by.get("Processes.mem_used")).toEqual({ field: "Processes.mem_used", count: 0, example: null, from: "event field mem_used" });
  });

  it("lists a sourcetype's own fields (classic labels included)", async () => {
    const r = await runCli(["fields", "wineventlog", "--data", join(dir, "mixed.raw")]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^2 events in sourcetype wineventlog\n/);
    expect(r.stdout).toMatch(/\| New_Process_Name\s+\| 1\s+\| C:\\Windows\\System32\\certutil\.exe\s+\|/);
    // A multivalue example is stacked in its cell, one value a line (output/README.md).
    expect(r.stdout).toMatch(/\| Account_Name\s+\| 1\s+\| j\.okafor\s+\| Message label\s+\|\n\|\s+\|\s+\| -\s+\|\s+\|/);
    expect(r.stdout).toMatch(/\| EventCode\s+\| 2\s+\| \d+\s+\| add-on \(search-time\)\s+\|/);
    expect(r.stdout).toMatch(/\| host\s+\| 2\s+\| \S+\s+\| metadata\s+\|/);
  });

  it("reads archives too, and needs --data", async () => {
    const r = await runCli(["fields", "crowdstrike:events:sensor", "--data", join(dir, "fdr.json.gz"), "--format", "json"]);
    expect((JSON.parse(r.stdout) as { events: number }).events).toBe(2);
    const bad = await runCli(["fields", "Endpoint.Processes"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("fields needs --data");
  });
});
