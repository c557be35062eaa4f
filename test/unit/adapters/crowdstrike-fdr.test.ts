// CrowdStrike FDR ProcessRollup2 → CIM (cim-mapping.md §4.3 plus the decisions in src/adapters/README.md).
import { describe, it, expect } from "vitest";
import { ingest, one } from "./fixtures.js";

const PR2 = {
  AuthenticationId: "4412907",
  CommandLine: ' "C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe" -nop -enc SQBFAFgA ',
  ConfigBuild: "1007.3.0017805.1",
  ImageFileName: "\\Device\\HarddiskVolume2\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe",
  IntegrityLevel: "8192",
  MD5HashData: "00aa11bb22cc33dd44ee55ff66778899",
  ParentBaseFileName: "winword.exe",
  ParentProcessId: "88120345571",
  ProcessStartTime: "1699350072.118",
  RawProcessId: "7312",
  SHA256HashData: "aa00bb11cc22dd33ee44ff5566778899aa00bb11cc22dd33ee44ff5566778899",
  SourceProcessId: "88120345571",
  TargetProcessId: "88120911842",
  UserSid: "S-1-5-21-1004336348-1177238915-682003330-1113",
  aid: "0f1e2d3c4b5a69788796a5b4c3d2e1f0",
  cid: "1a2b3c4d5e6f708192a3b4c5d6e7f809",
  event_platform: "Win",
  event_simpleName: "ProcessRollup2",
  id: "5b7c9d1e-2f30-4a41-8b52-6c7d8e9f0a1b",
  name: "ProcessRollup2V19",
  timestamp: "1699350072204",
};
const line = (over: Record<string, string> = {}): string => JSON.stringify({ ...PR2, ...over });

describe("FDR ProcessRollup2 → CIM", () => {
  const ev = one(line());
  it.each([
    ["sourcetype", "crowdstrike:events:sensor"],
    ["source", "crowdstrike"],
    ["index", "main"],
    ["process", "C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe -nop -enc SQBFAFgA"],
    ["process_path", "C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe"],
    ["process_name", "powershell.exe"],
    ["process_exec", "powershell.exe"],
    ["process_id", "88120911842"],
    ["parent_process_id", "88120345571"],
    ["parent_process_name", "winword.exe"],
    ["parent_process_exec", "winword.exe"],
    ["process_hash", PR2.SHA256HashData],
    ["process_integrity_level", "medium"],
    ["user", PR2.UserSid],
    ["user_id", PR2.UserSid],
    ["dest", undefined],
    ["host", undefined],
    ["action", "allowed"],
    ["vendor_product", "CrowdStrike FDR"],
    ["os", "Windows"],
    ["eventtype", "crowdstrike_process_rollup2"],
    ["tag", ["process", "report"]],
    ["RawProcessId", "7312"],
  ])("%s", (field, expected) => expect(ev[field]).toEqual(expected));

  it("_time = timestamp / 1000 and _raw = the line", () => {
    expect(ev._time).toBe(1699350072.204);
    expect(ev._raw).toBe(line());
  });

  it("process_name comes from ImageFileName, not the command line", () => {
    const scr = one(line({ ImageFileName: "\\Device\\HarddiskVolume1\\Windows\\System32\\wbem\\scrcons.exe" }));
    expect(scr).toMatchObject({ process_name: "scrcons.exe", process_exec: "scrcons.exe" });
  });

  it("uses ComputerName / UserName when an enrichment added them", () => {
    expect(one(line({ ComputerName: "WS-FIN-22", UserName: "r.moreau" }))).toMatchObject({ dest: "WS-FIN-22", host: "WS-FIN-22", user: "r.moreau" });
    expect(one(line({ aid_computer_name: "WS-FIN-23" }))).toMatchObject({ dest: "WS-FIN-23" });
  });

  it.each([
    ["0", "untrusted"],
    ["4096", "low"],
    ["8448", "medium_plus"],
    ["12288", "high"],
    ["16384", "system"],
    ["20480", "protected"],
  ])("IntegrityLevel %s → %s", (level, name) => expect(one(line({ IntegrityLevel: level })).process_integrity_level).toBe(name));

  it("SyntheticProcessRollup2 is a process event too; Mac paths come from ImageFileName", () => {
    const mac = one(line({ event_simpleName: "SyntheticProcessRollup2", event_platform: "Mac", ImageFileName: "/usr/bin/curl", CommandLine: "curl -s http://x" }));
    expect(mac).toMatchObject({ process_name: "curl", process_path: "/usr/bin/curl", os: "macOS", tag: ["process", "report"] });
  });

  it("accepts one pretty-printed JSON object", () => {
    const { rows, report } = ingest(JSON.stringify(PR2, null, 2));
    expect(report.skipped).toEqual([]);
    expect(rows[0]).toMatchObject({ process_name: "powershell.exe", process_id: "88120911842" });
  });

  it("skips a line without a numeric timestamp, keeping the others", () => {
    const text = `${line()}\n${line({ timestamp: "" })}\n${line()}\n`;
    const { rows, report } = ingest(text, {}, "fdr.json");
    expect(rows).toHaveLength(2);
    expect(report.skipped).toEqual([{ file: "fdr.json", line: 2, reason: "no numeric `timestamp` (ms epoch)" }]);
  });
});
