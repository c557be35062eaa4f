// Acceptance facts for ingestion on the real third-party corpus (datasets.md §3.2, §3.3, §3.5):
// the mixed XML + classic Splunk export, the OTRF zips and attack_data tarballs read in place, and
// every Panther CrowdStrike event in Endpoint.Processes. A missing ../shared fails loudly.
import { describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { EventStore, type EventInput } from "../../src/store/event-store.js";
import { ingestPaths, ingestStream } from "../../src/adapters/ingest.js";
import { datasetView } from "../../src/datamodels/dataset-view.js";
import { findDataset } from "../../src/datamodels/registry.js";
import { sharedPath } from "../support/shared.js";

const RAW = "datasets/splunk_attack_data/attack_techniques/T1552.004/certutil_exe_certificate_extraction/certutil_exe_certificate_extraction.raw";
const PANTHER = "datasets/panther_crowdstrike_fdr/ProcessRollup2_panther_tests.jsonl";

function find(root: string, pattern: string): string[] {
  return execFileSync("find", [sharedPath(root), "-name", pattern], { encoding: "utf8" }).trim().split("\n").filter(Boolean).sort();
}

/** Counts events per key without keeping them. */
function count(paths: string[], key: (e: EventInput, format: string) => string) {
  const counts: Record<string, number> = {};
  const report = ingestStream({ append: (e, f) => void (counts[key(e, f)] = (counts[key(e, f)] ?? 0) + 1) }, paths);
  return { counts, report };
}

describe("certutil_exe_certificate_extraction.raw (mixed XML + classic)", () => {
  const store = new EventStore();
  const report = ingestPaths(store, [sharedPath(RAW)]);
  const rows = Array.from({ length: store.length }, (_x, r) => ({
    source: store.value(r, "source"),
    sourcetype: store.value(r, "sourcetype"),
    EventCode: store.value(r, "EventCode"),
    host: store.value(r, "host"),
    Message: store.value(r, "Message"),
    time: store.time(r),
  }));
  const of = (source: string, code: string) => rows.filter((r) => r.source === source && r.EventCode === code);

  it("20 Sysmon EventCode 1, 20 Security 4688, 19 classic PowerShell 4104, nothing skipped", () => {
    expect(report.skipped).toEqual([]);
    expect(of("XmlWinEventLog:Microsoft-Windows-Sysmon/Operational", "1")).toHaveLength(20);
    expect(of("XmlWinEventLog:Security", "4688")).toHaveLength(20);
    expect(of("WinEventLog:Microsoft-Windows-PowerShell/Operational", "4104")).toHaveLength(19);
    expect(report.byFormat).toEqual({ xmlwineventlog: 40, wineventlog: 19 });
  });

  it("the classic 4104 of datasets.md §4.5 has its header, message and UTC date-line time", () => {
    const ev = rows.find((r) => r.sourcetype === "WinEventLog" && r.time === Date.UTC(2021, 0, 14, 23, 40, 38) / 1000);
    expect(ev).toMatchObject({ host: "win-dc-791937.attackrange.local", EventCode: "4104" });
    expect(ev?.Message).toMatch(/^Creating Scriptblock text \(1 of 1\):\r\ncertutil\.exe \.\\powershellcert\.pfx\r\n\r\nScriptBlock ID: 33fcbfb3-94c6-444f-b0d1-0cf0e83a0b2e\r\nPath:$/);
  });

  it("the 40 XML process events are in Endpoint.Processes", () => {
    expect(datasetView(store, findDataset("Endpoint.Processes")!).rows.length).toBe(40);
  });
});

describe("archives read in place", () => {
  it("the 19 OTRF zips: 147,983 NXLog events, none skipped", () => {
    const zips = find("datasets/otrf_security_datasets", "*.zip");
    expect(zips).toHaveLength(19);
    const { counts, report } = count(zips, (_e, f) => f);
    expect(report.skipped).toEqual([]);
    expect(report.files).toBe(19);
    expect(counts).toEqual({ "nxlog-json": 147_983 });
    expect(report.bytes).toBe(307_628_978);
  });

  it("the 3 attack_data tarballs: 8,220 + 7,959 + 9,005 events from attack_data.txt", () => {
    const tgz = find("datasets/splunk_attack_data", "attack_data.tar.gz");
    expect(tgz).toHaveLength(3);
    const perArchive: Record<string, number> = {};
    for (const file of tgz) {
      const { counts, report } = count([file], () => "all");
      expect(report.skipped).toEqual([]);
      expect(report.files).toBe(1);
      perArchive[file.split("/").at(-3)!] = counts.all ?? 0;
    }
    expect(perArchive).toEqual({ T1027: 7959, T1047: 8220, "T1053.005": 9005 });
  });

  it("an archive member is named archive!member", () => {
    const [file] = find("datasets/splunk_attack_data/attack_techniques/T1047", "attack_data.tar.gz");
    const report = ingestStream({ append: () => undefined }, [file!], { sourcetype: "crowdstrike:events:sensor" });
    expect(report.skipped[0]).toMatchObject({ file: `${file}!attack_data.txt`, line: 1, reason: "not a CrowdStrike FDR event (no event_simpleName)" });
  });
});

describe("Panther CrowdStrike FDR ProcessRollup2", () => {
  it("all 46 events land in Endpoint.Processes; the 3 without any time take the previous event's", () => {
    const store = new EventStore();
    const report = ingestPaths(store, [sharedPath(PANTHER)]);
    expect(report.skipped).toEqual([]);
    expect(store.length).toBe(46);
    expect(datasetView(store, findDataset("Endpoint.Processes")!).rows.length).toBe(46);
    // Lines 18–20 carry no timestamp, ProcessStartTime or ContextTimeStamp (hand-edited tests).
    expect([store.time(17), store.time(18), store.time(19)]).toEqual([store.time(16), store.time(16), store.time(16)]);
  });
});
