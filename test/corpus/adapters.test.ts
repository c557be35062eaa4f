// Adapters against the real third-party corpus in ../shared/datasets (datasets.md): the scrcons.exe
// events, ESCU's reference renderings vs cim-mapping's worked examples, and bulk XML with 0 skips.
// Never skipped: a missing ../shared fails this file with a message saying where it looked.
import { describe, it, expect } from "vitest";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { EventStore } from "../../src/store/event-store.js";
import { ingestPaths, type IngestReport } from "../../src/adapters/index.js";
import type { Value } from "../../src/values/value.js";

const SHARED = fileURLToPath(new URL("../../../shared/", import.meta.url));
if (!existsSync(`${SHARED}datasets`)) {
  throw new Error(
    `Corpus tests need the shared data next to the project: ${SHARED}datasets does not exist. ` +
      "Check out ../shared (see docs/datasets.md) or run only the unit project.",
  );
}
const DATA = `${SHARED}datasets/`;

interface Loaded {
  readonly report: IngestReport;
  readonly rows: Record<string, Value>[];
  readonly ms: number;
}

function load(...paths: string[]): Loaded {
  const store = new EventStore();
  const t0 = performance.now();
  const report = ingestPaths(store, paths.map((p) => DATA + p));
  const ms = performance.now() - t0;
  const names = store.fieldNames().filter((n) => n !== "_raw" && !n.endsWith("_Xml"));
  const rows = Array.from({ length: store.length }, (_x, r) => {
    const row: Record<string, Value> = { _time: store.time(r) };
    for (const n of names) {
      const v = store.value(r, n);
      if (v !== null) row[n] = v;
    }
    return row;
  });
  return { report, rows, ms };
}

const find = (rows: Record<string, Value>[], where: Record<string, Value>): Record<string, Value>[] =>
  rows.filter((r) => Object.entries(where).every(([k, v]) => r[k] === v));

describe("scrcons.exe (T1047) real events", () => {
  it("sbousseaden wmighost: the Sysmon EID 1", () => {
    const { rows, report } = load("evtx_attack_samples_sbousseaden/xml/Persistence/wmighost_sysmon_20_21_1.evtx.xml");
    expect(report.skipped).toEqual([]);
    const hits = find(rows, { EventCode: "1", process_name: "scrcons.exe" });
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({
      dest: "PC04.example.corp",
      user: "SYSTEM",
      parent_process: "C:\\Windows\\system32\\svchost.exe -k DcomLaunch",
      process: "C:\\Windows\\system32\\wbem\\scrcons.exe -Embedding",
      process_id: "2636",
      parent_process_id: "596",
      tag: ["process", "report", "track_event_signatures"],
    });
    expect(hits[0]!._time).toBe(Date.UTC(2019, 3, 3, 18, 11, 59, 996) / 1000);
  });

  it("OTRF covenant ActiveScriptEventConsumers: Sysmon EID 1 and Security 4688", () => {
    const { rows, report } = load(
      "otrf_security_datasets/extracted/covenant_wmi_remote_event_subscription_ActiveScriptEventConsumers_2020-09-01214330.json",
    );
    expect(report.skipped).toEqual([]);
    expect(report.byFormat).toEqual({ "nxlog-json": 3719 });
    const [sysmon, ...moreSysmon] = find(rows, { EventCode: "1", process_name: "scrcons.exe" });
    expect(moreSysmon).toEqual([]);
    expect(sysmon).toMatchObject({ process_id: "972", dest: "WORKSTATION6.theshire.local", user: "SYSTEM", parent_process_id: "940" });
    const [sec, ...moreSec] = find(rows, { EventCode: "4688", process_name: "scrcons.exe" });
    expect(moreSec).toEqual([]);
    expect(sec).toMatchObject({
      process_id: "0x3cc",
      parent_process: "C:\\Windows\\System32\\svchost.exe",
      user: "WORKSTATION6$",
      action: "allowed",
      Keywords: "0x8020000000000000",
    });
  });
});

describe("ESCU reference renderings vs cim-mapping worked examples", () => {
  const dir = "splunk_security_content_example_logs/";
  it("sysmon_eventid_1.log (§2.3)", () => {
    const [ev] = load(`${dir}sysmon_eventid_1.log`).rows;
    expect(ev).toMatchObject({
      dest: "win-dc-6764986.attackrange.local",
      process_name: "cmd.exe",
      process_exec: "cmd.exe",
      process_path: "C:\\Windows\\System32\\cmd.exe",
      process_id: "2296",
      process_guid: "{96128EA2-F212-5F7E-E400-000000007F01}",
      original_file_name: "Cmd.Exe",
      process_current_directory: "C:\\Users\\ADMINI~1\\AppData\\Local\\Temp\\",
      process_integrity_level: "High",
      user: "Administrator",
      parent_process_name: "powershell.exe",
      parent_process_path: "C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe",
      parent_process_id: "4624",
      parent_process_guid: "{96128EA2-F211-5F7E-DF00-000000007F01}",
      action: "allowed",
      vendor_product: "Microsoft Sysmon",
      signature: "Process creation",
      user_id: "'S-1-5-18'",
    });
    expect(ev!.process).toMatch(/^"C:\\Windows\\system32\\cmd\.exe" \/c "reg save HKLM\\sam .* &amp; .*" $/);
    expect(ev!.process_hash).toMatch(/^MD5=F4F6.*,SHA256=935C.*,IMPHASH=3062/);
    expect(ev!._time).toBe(Date.UTC(2020, 9, 8, 11, 3, 46, 615) / 1000);
  });

  it("windows_event_log_security_4688.log (§3.4)", () => {
    const [ev] = load(`${dir}windows_event_log_security_4688.log`).rows;
    expect(ev).toMatchObject({
      dest: "ar-win-1",
      process_id: "0xf84",
      parent_process_id: "0xb2c",
      process_name: "splunk-powershell.exe",
      process: '"C:\\Program Files\\SplunkUniversalForwarder\\bin\\splunk-powershell.exe" --ps2',
      parent_process: "C:\\Program Files\\SplunkUniversalForwarder\\bin\\splunkd.exe",
      user: "AR-WIN-1$",
      action: "allowed",
      vendor_product: "Microsoft Windows",
    });
  });

  it("crowdstrike_processrollup2.json (§4.3)", () => {
    const [ev] = load(`${dir}crowdstrike_processrollup2.json`).rows;
    expect(ev).toMatchObject({
      process: "C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe",
      process_path: "C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe",
      process_exec: "powershell.exe",
      process_id: "5642133882",
      parent_process_id: "5459598860",
      parent_process_name: "explorer.exe",
      process_integrity_level: "high",
    });
    expect(ev!.process_hash).toMatch(/^ba4038fd/);
    expect(ev!._time).toBe(1713805173.418);
  });

  it("every example log ingests without skips", () => {
    const { report } = load(dir);
    // Sysmon-for-Linux XML (no xmlns) is read by the sysmon:linux adapter (linux-sysmon.ts).
    expect(report.skipped.filter((s) => !s.file.endsWith(".md"))).toEqual([]);
    expect(report.events).toBe(55);
  });
});

describe("bulk EVTX-derived XML", () => {
  it("deepbluecli/xml: all 8095 records, 0 skipped", () => {
    const { rows, report, ms } = load("deepbluecli/xml");
    console.log(`deepbluecli/xml: ${report.files} files, ${report.events} events, ${report.bytes} bytes in ${ms.toFixed(0)} ms`);
    expect(report.skipped).toEqual([]);
    expect(report.events).toBe(8095);
    expect(find(rows, { source: "XmlWinEventLog:Microsoft-Windows-Sysmon/Operational", EventCode: "1" })).toHaveLength(46);
    expect(find(rows, { source: "XmlWinEventLog:Security", EventCode: "4688" })).toHaveLength(90);
    expect(find(rows, { EventCode: "4625", action: "failure" }).length).toBeGreaterThan(3500);
  });

  it("evtx_attack_samples_sbousseaden/xml: all 8235 records, 0 skipped", () => {
    const { rows, report, ms } = load("evtx_attack_samples_sbousseaden/xml");
    console.log(`sbousseaden/xml: ${report.files} files, ${report.events} events, ${report.bytes} bytes in ${ms.toFixed(0)} ms`);
    expect(report.skipped).toEqual([]);
    expect(report.events).toBe(8235);
    expect(find(rows, { source: "XmlWinEventLog:Microsoft-Windows-Sysmon/Operational", EventCode: "1" })).toHaveLength(1491);
  });
});
