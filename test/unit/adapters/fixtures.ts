// Hand-written records in the exact real renderings (compact XmlWinEventLog, NXLog JSON, FDR JSON),
// with invented hosts, users, GUIDs and ids. Builders keep the System boilerplate in one place.
import { EventStore } from "../../../src/store/event-store.js";
import { ingestText } from "../../../src/adapters/index.js";
import type { IngestOptions, IngestReport } from "../../../src/adapters/index.js";
import type { Value } from "../../../src/values/value.js";

export const HOST = "WS-FIN-22.lab.example";

type Pairs = ReadonlyArray<readonly [string, string]>;

function eventData(data: Pairs): string {
  return data.map(([k, v]) => (v === "" ? `<Data Name='${k}'/>` : `<Data Name='${k}'>${v}</Data>`)).join("");
}

export function sysmonXml(eid: number, created: string, data: Pairs, version = 5): string {
  return (
    "<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System>" +
    "<Provider Name='Microsoft-Windows-Sysmon' Guid='{5770385F-C22A-43E0-BF4C-06F5698FFBD9}'/>" +
    `<EventID>${eid}</EventID><Version>${version}</Version><Level>4</Level><Task>${eid}</Task><Opcode>0</Opcode>` +
    `<Keywords>0x8000000000000000</Keywords><TimeCreated SystemTime='${created}'/><EventRecordID>5120${eid}</EventRecordID>` +
    "<Correlation/><Execution ProcessID='2204' ThreadID='3016'/><Channel>Microsoft-Windows-Sysmon/Operational</Channel>" +
    `<Computer>${HOST}</Computer><Security UserID='S-1-5-18'/></System><EventData>${eventData(data)}</EventData></Event>`
  );
}

export function securityXml(eid: number, created: string, data: Pairs, keywords = "0x8020000000000000"): string {
  return (
    "<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System>" +
    "<Provider Name='Microsoft-Windows-Security-Auditing' Guid='{54849625-5478-4994-A5BA-3E3B0328C30D}'/>" +
    `<EventID>${eid}</EventID><Version>2</Version><Level>0</Level><Task>13312</Task><Opcode>0</Opcode>` +
    `<Keywords>${keywords}</Keywords><TimeCreated SystemTime='${created}'/><EventRecordID>77310${eid}</EventRecordID>` +
    "<Correlation/><Execution ProcessID='4' ThreadID='6120'/><Channel>Security</Channel>" +
    `<Computer>${HOST}</Computer><Security/></System><EventData>${eventData(data)}</EventData></Event>`
  );
}

export const SYSMON_1: Pairs = [
  ["RuleName", "-"],
  ["UtcTime", "2023-11-07 09:41:12.507"],
  ["ProcessGuid", "{A1B2C3D4-0F18-654A-7C01-000000001500}"],
  ["ProcessId", "4188"],
  ["Image", "C:\\Windows\\System32\\cmd.exe"],
  ["FileVersion", "10.0.19041.746 (WinBuild.160101.0800)"],
  ["Description", "Windows Command Processor"],
  ["Product", "Microsoft® Windows® Operating System"],
  ["Company", "Microsoft Corporation"],
  ["OriginalFileName", "Cmd.Exe"],
  ["CommandLine", '"C:\\Windows\\system32\\cmd.exe" /c ipconfig /all &gt; out.txt 2&gt;&amp;1 '],
  ["CurrentDirectory", "C:\\Users\\r.moreau\\AppData\\Local\\Temp\\"],
  ["User", "LAB\\r.moreau"],
  ["LogonGuid", "{A1B2C3D4-0E77-654A-3A9F-0B0000000000}"],
  ["LogonId", "0xb9f3a"],
  ["TerminalSessionId", "1"],
  ["IntegrityLevel", "High"],
  ["Hashes", "SHA1=1F2E3D4C5B6A79881726354A5B6C7D8E9F0A1B2C,MD5=0A1B2C3D4E5F60718293A4B5C6D7E8F9,SHA256=00112233445566778899AABBCCDDEEFF00112233445566778899AABBCCDDEEFF,IMPHASH=FFEEDDCCBBAA99887766554433221100"],
  ["ParentProcessGuid", "{A1B2C3D4-0F10-654A-7A01-000000001500}"],
  ["ParentProcessId", "3920"],
  ["ParentImage", "C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe"],
  ["ParentCommandLine", '"powershell.exe" -nop -c "Start-Process cmd"'],
];

export const SEC_4688: Pairs = [
  ["SubjectUserSid", "S-1-5-21-1004336348-1177238915-682003330-1113"],
  ["SubjectUserName", "r.moreau"],
  ["SubjectDomainName", "LAB"],
  ["SubjectLogonId", "0xb9f3a"],
  ["NewProcessId", "0x105c"],
  ["NewProcessName", "C:\\Windows\\System32\\ipconfig.exe"],
  ["TokenElevationType", "%%1937"],
  ["ProcessId", "0xf50"],
  ["CommandLine", "ipconfig  /all"],
  ["TargetUserSid", "S-1-0-0"],
  ["TargetUserName", "-"],
  ["TargetDomainName", "-"],
  ["TargetLogonId", "0x0"],
  ["ParentProcessName", "C:\\Windows\\System32\\cmd.exe"],
  ["MandatoryLabel", "S-1-16-12288"],
];

export interface Ingested {
  readonly store: EventStore;
  readonly report: IngestReport;
  readonly rows: Record<string, Value>[];
}

/** Ingests text and returns every event as a plain object (`_time` included). */
export function ingest(text: string, opts: IngestOptions = {}, file = "inline.txt"): Ingested {
  const store = new EventStore();
  const report = ingestText(store, text, file, opts);
  const rows: Record<string, Value>[] = [];
  for (let r = 0; r < store.length; r++) {
    const row: Record<string, Value> = { _time: store.time(r) };
    for (const name of store.fieldNames()) {
      const v = store.value(r, name);
      if (v !== null) row[name] = v;
    }
    rows.push(row);
  }
  return { store, report, rows };
}

/** The only event of a one-record text. */
export function one(text: string, opts: IngestOptions = {}): Record<string, Value> {
  const { rows, report } = ingest(text, opts);
  if (rows.length !== 1) throw new Error(`expected 1 event, got ${rows.length}: ${JSON.stringify(report.skipped)}`);
  return rows[0]!;
}

/** The CIM process fields compared across formats. */
export const CIM_PROCESS_FIELDS = [
  "dest",
  "user",
  "process",
  "process_name",
  "process_exec",
  "process_path",
  "process_id",
  "process_guid",
  "process_hash",
  "process_current_directory",
  "process_integrity_level",
  "original_file_name",
  "parent_process",
  "parent_process_name",
  "parent_process_exec",
  "parent_process_path",
  "parent_process_id",
  "parent_process_guid",
  "action",
  "vendor_product",
  "os",
  "signature",
  "signature_id",
  "EventCode",
  "tag",
  "eventtype",
  "_time",
] as const;

export function pick(row: Record<string, Value>, names: readonly string[]): Record<string, Value> {
  return Object.fromEntries(names.map((n) => [n, row[n] ?? null]));
}
