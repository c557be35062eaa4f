// NXLog JSON normalisation (datasets.md §4.6–4.9): the same records as XML must give identical CIM
// fields; metadata mapping (Keywords hex, quoted ids), dropped transport keys, flat flavour, bad lines.
import { describe, it, expect } from "vitest";
import { CIM_PROCESS_FIELDS, HOST, SEC_4688, SYSMON_1, ingest, one, pick, securityXml, sysmonXml } from "./fixtures.js";

/** Attack Range flavour (numeric ProcessID/ThreadID, EventTime in UTC, no @timestamp). */
function attackRangeSysmon(): string {
  const obj: Record<string, unknown> = {
    EventTime: "2023-11-07 09:41:12",
    Hostname: HOST,
    Keywords: -9223372036854775808,
    EventType: "INFO",
    SeverityValue: 2,
    Severity: "INFO",
    EventID: 1,
    SourceName: "Microsoft-Windows-Sysmon",
    ProviderGuid: "{5770385F-C22A-43E0-BF4C-06F5698FFBD9}",
    Version: 5,
    Task: 1,
    OpcodeValue: 0,
    RecordNumber: 51201,
    ProcessID: 2204,
    ThreadID: 3016,
    Channel: "Microsoft-Windows-Sysmon/Operational",
    Domain: "NT AUTHORITY",
    AccountName: "SYSTEM",
    UserID: "S-1-5-18",
    AccountType: "User",
    Message: "Process Create:\r\nRuleName: -",
    Category: "Process Create (rule: ProcessCreate)",
    Opcode: "Info",
  };
  for (const [k, v] of SYSMON_1) obj[k] = v;
  return JSON.stringify({ ...obj, EventReceivedTime: "2023-11-07 09:41:13", SourceModuleName: "eventlog", SourceModuleType: "im_msvistalog" });
}

/** OTRF flavour (ExecutionProcessID, @timestamp, tags, host, port). */
function otrfSecurity(): string {
  const obj: Record<string, unknown> = {
    RecordNumber: 773104688,
    Channel: "Security",
    Category: "Process Creation",
    Severity: "INFO",
    Hostname: HOST,
    EventTime: "2023-11-07 04:41:12",
    ExecutionProcessID: 4,
    "@timestamp": "2023-11-07T09:41:12.490Z",
    EventReceivedTime: "2023-11-07 04:41:13",
    ThreadID: 6120,
    SourceModuleType: "im_msvistalog",
    tags: ["labDataset"],
    SourceName: "Microsoft-Windows-Security-Auditing",
    host: "collector.lab.example",
    OpcodeValue: 0,
    SeverityValue: 2,
    port: 60412,
    "@version": "1",
    Keywords: -9214364837600034816,
    ProviderGuid: "{54849625-5478-4994-A5BA-3E3B0328C30D}",
    Version: 2,
    SourceModuleName: "eventlog",
    EventType: "AUDIT_SUCCESS",
    Task: 13312,
    Opcode: "Info",
    EventID: 4688,
  };
  for (const [k, v] of SEC_4688) obj[k] = v.replaceAll("&gt;", ">").replaceAll("&amp;", "&");
  return JSON.stringify(obj);
}

describe("NXLog JSON and XML give identical CIM fields", () => {
  it("Sysmon EID 1", () => {
    const xml = one(sysmonXml(1, "2023-11-07T09:41:12.523918700Z", SYSMON_1));
    const json = one(attackRangeSysmon());
    // The JSON string holds the XML text verbatim (entities included), as NXLog would not re-escape it.
    expect(pick(json, CIM_PROCESS_FIELDS)).toEqual(pick(xml, CIM_PROCESS_FIELDS));
    expect(pick(json, ["UserID", "user_id", "ProcessID", "ThreadID", "Keywords", "Opcode", "Name", "Guid"])).toEqual(
      pick(xml, ["UserID", "user_id", "ProcessID", "ThreadID", "Keywords", "Opcode", "Name", "Guid"]),
    );
  });

  it("Security 4688", () => {
    const xml = one(securityXml(4688, "2023-11-07T09:41:12.4900000Z", SEC_4688));
    const json = one(otrfSecurity());
    expect(pick(json, CIM_PROCESS_FIELDS)).toEqual(pick(xml, CIM_PROCESS_FIELDS));
    expect(json).toMatchObject({ Keywords: "0x8020000000000000", ProcessID: "'4'", RecordNumber: "773104688" });
  });
});

describe("NXLog metadata", () => {
  const ev = one(otrfSecurity());
  it.each(["EventTime", "EventReceivedTime", "SourceModuleName", "SourceModuleType", "@version", "@timestamp", "port", "tags", "Severity", "SeverityValue", "Category", "EventType", "ExecutionProcessID", "Hostname"])(
    "drops %s",
    (key) => expect(ev[key]).toBeUndefined(),
  );
  it("uses Hostname as Computer/host, and the JSON line as _raw", () => {
    expect(ev).toMatchObject({ Computer: HOST, host: HOST, _raw: otrfSecurity(), sourcetype: "XmlWinEventLog" });
  });
  it("never lets event keys overwrite default fields", () => {
    const line = JSON.stringify({ EventID: 4688, Channel: "Security", Hostname: HOST, "@timestamp": "2023-11-07T09:41:12.490Z", source: "evil", index: "other", tag: "x" });
    expect(one(line)).toMatchObject({ source: "XmlWinEventLog:Security", index: "main", tag: ["os", "process", "report", "start", "execute", "track_event_signatures", "windows"].sort() });
  });
  it("keeps Sysmon's own EventType (OTRF renames it EventTypeOrignal)", () => {
    const line = JSON.stringify({ EventID: 13, Channel: "Microsoft-Windows-Sysmon/Operational", Hostname: HOST, EventType: "INFO", EventTypeOrignal: "SetValue", UtcTime: "2023-11-07 09:00:00.000", TargetObject: "HKU\\S-1-5-21-1\\Software\\Run\\x", Details: "c:\\x.exe" });
    expect(one(line)).toMatchObject({ EventType: "SetValue", action: "modified", registry_hive: "HKEY_CURRENT_USER" });
  });
});

describe("OTRF flat flavour and bad lines", () => {
  it("reads TimeCreated/Hostname records; Sysmon time is still UtcTime", () => {
    const line = JSON.stringify({ TimeCreated: "2023-11-07 04:41:12.600", EventID: 1, Channel: "Microsoft-Windows-Sysmon/Operational", Task: "1", Hostname: "WS-FIN-22", SourceName: "Microsoft-Windows-Sysmon", UtcTime: "2023-11-07 09:41:12.507", Image: "C:\\Windows\\System32\\cmd.exe", CommandLine: "cmd.exe", User: "LAB\\r.moreau" });
    const ev = one(line);
    expect(ev).toMatchObject({ dest: "WS-FIN-22", process_name: "cmd.exe", user: "r.moreau" });
    expect(ev._time).toBe(Date.UTC(2023, 10, 7, 9, 41, 12, 507) / 1000);
  });

  it("skips an invalid JSON line with its line number and keeps its neighbours", () => {
    const text = [attackRangeSysmon(), '{"EventID": 1, "Channel": ', otrfSecurity(), ""].join("\n");
    const { rows, report } = ingest(text, {}, "mixed.json");
    expect(rows).toHaveLength(2);
    expect(report.skipped).toHaveLength(1);
    expect(report.skipped[0]).toMatchObject({ file: "mixed.json", line: 2 });
    expect(report.skipped[0]!.reason).toMatch(/invalid JSON/);
  });

  it("skips an object without Channel", () => {
    const { report } = ingest(`${otrfSecurity()}\n{"EventID":4688,"SourceName":"x","Hostname":"h"}\n`);
    expect(report.skipped).toEqual([{ file: "inline.txt", line: 2, reason: "no Channel" }]);
  });
});

describe("NXLog Keywords → hex", () => {
  const line = (kw: string): string =>
    `{"EventID":4688,"Channel":"Security","Hostname":"${HOST}","@timestamp":"2023-11-07T09:41:12.490Z","Keywords":${kw}}`;
  it.each([
    ["-9214364837600034816", "0x8020000000000000"],
    ["-9223372036854775808", "0x8000000000000000"],
    ["-9223372036854775792", "0x8000000000000010"],
    ["-9223372036854776000", "0x8000000000000000"],
    ["4611686018427387904", "0x4000000000000000"],
    ["0", "0x0"],
  ])("%s → %s", (kw, hex) => expect(one(line(kw)).Keywords).toBe(hex));
});
