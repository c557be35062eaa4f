// Sysmon TA emulation (cim-mapping.md §2): EID 1 field by field, EID 7/8/10/3/11/13/22 specifics,
// source gating, UtcTime as _time, and XML entities kept verbatim.
import { describe, it, expect } from "vitest";
import { HOST, SYSMON_1, one, sysmonXml } from "./fixtures.js";

const SYSMON_SOURCE = "XmlWinEventLog:Microsoft-Windows-Sysmon/Operational";
const eid1 = one(sysmonXml(1, "2023-11-07T09:41:12.523918700Z", SYSMON_1));

describe("Sysmon EID 1 → CIM process fields", () => {
  it.each([
    ["dest", HOST],
    ["dvc", HOST],
    ["host", HOST],
    ["source", SYSMON_SOURCE],
    ["sourcetype", "XmlWinEventLog"],
    ["index", "main"],
    ["process", '"C:\\Windows\\system32\\cmd.exe" /c ipconfig /all &gt; out.txt 2&gt;&amp;1 '],
    ["process_name", "cmd.exe"],
    ["process_exec", "cmd.exe"],
    ["process_path", "C:\\Windows\\System32\\cmd.exe"],
    ["process_id", "4188"],
    ["process_guid", "{A1B2C3D4-0F18-654A-7C01-000000001500}"],
    ["process_hash", SYSMON_1.find(([k]) => k === "Hashes")![1]],
    ["MD5", "0A1B2C3D4E5F60718293A4B5C6D7E8F9"],
    ["SHA1", "1F2E3D4C5B6A79881726354A5B6C7D8E9F0A1B2C"],
    ["SHA256", "00112233445566778899AABBCCDDEEFF00112233445566778899AABBCCDDEEFF"],
    ["IMPHASH", "FFEEDDCCBBAA99887766554433221100"],
    ["original_file_name", "Cmd.Exe"],
    ["process_current_directory", "C:\\Users\\r.moreau\\AppData\\Local\\Temp\\"],
    ["process_integrity_level", "High"],
    ["user", "r.moreau"],
    ["parent_process", '"powershell.exe" -nop -c "Start-Process cmd"'],
    ["parent_process_name", "powershell.exe"],
    ["parent_process_exec", "powershell.exe"],
    ["parent_process_path", "C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe"],
    ["parent_process_id", "3920"],
    ["parent_process_guid", "{A1B2C3D4-0F10-654A-7A01-000000001500}"],
    ["action", "allowed"],
    ["os", "Microsoft Windows"],
    ["vendor_product", "Microsoft Sysmon"],
    ["signature", "Process creation"],
    ["signature_id", "1"],
    ["EventCode", "1"],
    ["EventID", "1"],
    ["RecordNumber", "51201"],
    ["EventRecordID", "51201"],
    ["id", "51201"],
    ["event_id", "51201"],
    ["Channel", "Microsoft-Windows-Sysmon/Operational"],
    ["Keywords", "0x8000000000000000"],
    ["Version", "5"],
    ["Level", "4"],
    ["Task", "1"],
    ["Opcode", "0"],
    ["UserID", "'S-1-5-18'"],
    ["user_id", "'S-1-5-18'"],
    ["ProcessID", "'2204'"],
    ["ThreadID", "'3016'"],
    ["TimeCreated", "2023-11-07T09:41:12.523918700Z"],
    ["SecurityID", "S-1-5-18"],
    ["eventtype", ["endpoint_services_processes", "ms-sysmon-process", "windows_event_signature"]],
    ["tag", ["process", "report", "track_event_signatures"]],
  ])("%s", (field, expected) => {
    expect(eid1[field]).toEqual(expected);
  });

  it("takes _time from UtcTime, not TimeCreated", () => {
    expect(eid1._time).toBe(Date.UTC(2023, 10, 7, 9, 41, 12, 507) / 1000);
  });

  it("keeps _raw as the record text", () => {
    expect(eid1._raw).toBe(sysmonXml(1, "2023-11-07T09:41:12.523918700Z", SYSMON_1));
  });

  it("drops original_file_name `-` so the datamodel fills unknown", () => {
    const data = SYSMON_1.map(([k, v]) => [k, k === "OriginalFileName" ? "-" : v] as const);
    expect(one(sysmonXml(1, "2023-11-07T09:41:12.5Z", data)).original_file_name).toBeUndefined();
  });
});

describe("Sysmon source gating (cim-mapping.md §2.5)", () => {
  it("applies no Sysmon fields or tags when source is not the Sysmon source", () => {
    const ev = one(sysmonXml(1, "2023-11-07T09:41:12.523Z", SYSMON_1), { source: "XmlWinEventLog:Other" });
    expect(ev.process_name).toBeUndefined();
    expect(ev.tag).toBe("track_event_signatures");
    expect(ev._time).toBe(Date.UTC(2023, 10, 7, 9, 41, 12, 523) / 1000);
  });
});

const ACCESS: ReadonlyArray<readonly [string, string]> = [
  ["RuleName", "-"],
  ["UtcTime", "2023-11-07 09:45:00.101"],
  ["SourceProcessGUID", "{A1B2C3D4-1001-654A-8801-000000001500}"],
  ["SourceProcessId", "6612"],
  ["SourceThreadId", "7010"],
  ["SourceImage", "C:\\Users\\Public\\dumper.exe"],
  ["TargetProcessGUID", "{A1B2C3D4-0A01-654A-0C00-000000001500}"],
  ["TargetProcessId", "720"],
  ["TargetImage", "C:\\Windows\\system32\\lsass.exe"],
  ["GrantedAccess", "0x1010"],
  ["CallTrace", "C:\\Windows\\SYSTEM32\\ntdll.dll+9d1e4|UNKNOWN(00007FF6A1B20000)"],
  ["SourceUser", "LAB\\r.moreau"],
  ["TargetUser", "NT AUTHORITY\\SYSTEM"],
];

describe("Sysmon EID 8/10: process_* = target, parent_process_* = source", () => {
  const ev = one(sysmonXml(10, "2023-11-07T09:45:00.104Z", ACCESS, 3));
  it.each([
    ["process_name", "lsass.exe"],
    ["process_path", "C:\\Windows\\system32\\lsass.exe"],
    ["process_id", "720"],
    ["process_guid", "{A1B2C3D4-0A01-654A-0C00-000000001500}"],
    ["parent_process_name", "dumper.exe"],
    ["parent_process_path", "C:\\Users\\Public\\dumper.exe"],
    ["parent_process_id", "6612"],
    ["parent_process_guid", "{A1B2C3D4-1001-654A-8801-000000001500}"],
    ["granted_access", "0x1010"],
    ["action", "allowed"],
    ["signature", "ProcessAccess"],
    ["tag", ["process", "report", "track_event_signatures"]],
  ])("%s", (field, expected) => expect(ev[field]).toEqual(expected));

  it("has no user when SourceUser differs from TargetUser", () => expect(ev.user).toBeUndefined());
});

describe("Sysmon EID 7 (image load)", () => {
  const ev = one(
    sysmonXml(
      7,
      "2023-11-07T09:41:13.002Z",
      [
        ["UtcTime", "2023-11-07 09:41:13.000"],
        ["ProcessGuid", "{A1B2C3D4-0F18-654A-7C01-000000001500}"],
        ["ProcessId", "4188"],
        ["Image", "C:\\Windows\\System32\\cmd.exe"],
        ["ImageLoaded", "C:\\Windows\\System32\\winbrand.dll"],
        ["OriginalFileName", "-"],
        ["Hashes", "MD5=00000000000000000000000000000001"],
        ["User", "LAB\\r.moreau"],
      ],
      3,
    ),
  );
  it.each([
    ["process_name", "cmd.exe"],
    ["process_path", "C:\\Windows\\System32\\cmd.exe"],
    ["loaded_file", "winbrand.dll"],
    ["process_hash", "MD5=00000000000000000000000000000001"],
    ["process", undefined],
    ["original_file_name", undefined],
    ["action", undefined],
    ["signature", "Image loaded"],
  ])("%s", (field, expected) => expect(ev[field]).toEqual(expected));
});

describe("Sysmon non-process EventCodes", () => {
  it("EID 3: network tags, dest is the remote side, no process_path", () => {
    const ev = one(
      sysmonXml(3, "2023-11-07T09:42:00.000Z", [
        ["UtcTime", "2023-11-07 09:41:58.880"],
        ["ProcessId", "3920"],
        ["Image", "C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe"],
        ["User", "LAB\\r.moreau"],
        ["Protocol", "tcp"],
        ["Initiated", "true"],
        ["SourceIp", "10.9.8.7"],
        ["SourceHostname", "-"],
        ["SourcePort", "50100"],
        ["DestinationIsIpv6", "false"],
        ["DestinationIp", "192.0.2.44"],
        ["DestinationHostname", "-"],
        ["DestinationPort", "8443"],
      ]),
    );
    expect(ev).toMatchObject({ dest: "192.0.2.44", src: "10.9.8.7", direction: "outbound", transport: "tcp" });
    expect(ev).toMatchObject({ transport_dest_port: "tcp/8443", app: ev.Image, process_name: "powershell.exe" });
    expect(ev.process_path).toBeUndefined();
    expect(ev.tag).toEqual(["communicate", "network", "track_event_signatures"]);
  });

  it("EID 11: created vs modified, ADS suffix removed from file_path", () => {
    const ev = one(
      sysmonXml(11, "2023-11-07T09:42:00.000Z", [
        ["UtcTime", "2023-11-07 09:41:59.000"],
        ["Image", "C:\\Windows\\System32\\cmd.exe"],
        ["TargetFilename", "C:\\Users\\r.moreau\\Downloads\\report.doc:Zone.Identifier"],
        ["CreationUtcTime", "2023-11-07 09:41:59.000"],
      ], 2),
    );
    expect(ev).toMatchObject({ action: "created", file_path: "C:\\Users\\r.moreau\\Downloads\\report.doc" });
    expect(ev).toMatchObject({ file_name: "report.doc", object_category: "file", process_path: "C:\\Windows\\System32\\cmd.exe" });
    expect(ev.tag).toEqual(["endpoint", "filesystem", "track_event_signatures"]);
  });

  it("EID 13: registry value fields from Details `TYPE (value)`", () => {
    const ev = one(
      sysmonXml(13, "2023-11-07T09:42:00.000Z", [
        ["EventType", "SetValue"],
        ["UtcTime", "2023-11-07 09:41:59.500"],
        ["Image", "C:\\Windows\\regedit.exe"],
        ["TargetObject", "HKLM\\System\\CurrentControlSet\\Services\\Foo\\Start"],
        ["Details", "DWORD (0x00000002)"],
      ], 2),
    );
    expect(ev).toMatchObject({ action: "modified", status: "success", registry_value_name: "Start", registry_key_name: "Foo" });
    expect(ev).toMatchObject({ registry_value_data: "0x00000002", registry_value_type: "REG_DWORD" });
    expect(ev.registry_hive).toBe("HKEY_LOCAL_MACHINE\\System");
  });

  it("EID 22: answers and record types from QueryResults; no dest, no process_id", () => {
    const ev = one(
      sysmonXml(22, "2023-11-07T09:42:00.000Z", [
        ["UtcTime", "2023-11-07 09:41:59.700"],
        ["ProcessId", "3920"],
        ["QueryName", "updates.example.net"],
        ["QueryStatus", "0"],
        ["QueryResults", "type:  5 cdn.example.net;::ffff:203.0.113.9;"],
        ["Image", "C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe"],
      ]),
    );
    expect(ev).toMatchObject({ query: "updates.example.net", answer: ["cdn.example.net", "::ffff:203.0.113.9"] });
    expect(ev).toMatchObject({ record_type_id: "5", record_type: "CNAME", answer_count: "2", src: HOST });
    expect(ev.dest).toBeUndefined();
    expect(ev.process_id).toBeUndefined();
  });

  it("EID 5 is a process event with process = Image and action blocked (§2.3)", () => {
    const ev = one(
      sysmonXml(5, "2023-11-07T09:42:00.000Z", [
        ["UtcTime", "2023-11-07 09:41:59.900"],
        ["ProcessId", "4188"],
        ["Image", "C:\\Windows\\System32\\cmd.exe"],
      ], 3),
    );
    expect(ev).toMatchObject({ process: "C:\\Windows\\System32\\cmd.exe", process_name: "cmd.exe", action: "blocked" });
    expect(ev.tag).toEqual(["process", "report", "track_event_signatures"]);
  });
});
