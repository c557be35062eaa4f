/**
 * Splunk_TA_windows `[source::WinEventLog:Security]` for classic text events (cim-mapping.md §3.4
 * "Classic expression" column, §3.6). The classic and XML stanzas compute the same CIM fields from
 * differently named inputs, so the existing XML emulation (`windowsSecurityTa`) runs on a scratch
 * view that names the classic label values the way the XML `<Data>` items are named (the
 * equivalences are §3.4's raw-field table); its outputs are copied back. Where the classic column
 * differs, it is applied afterwards: `action` from the rendered Keywords, `process_id` from the
 * message regex, and `src_user` only when Account_Name has a second value.
 */
import { get, newFields, set, type Fields } from "./fields.js";
import { windowsSecurityTa } from "./ta-windows-security.js";

/** XML Data name ← classic label field and which of its values (Subject first, Target second). */
const VIEW: ReadonlyArray<readonly [string, string, number]> = [
  ["SubjectUserSid", "Security_ID", 0],
  ["SubjectUserName", "Account_Name", 0],
  ["SubjectDomainName", "Account_Domain", 0],
  ["SubjectLogonId", "Logon_ID", 0],
  ["TargetUserSid", "Security_ID", 1],
  ["TargetUserName", "Account_Name", 1],
  ["TargetDomainName", "Account_Domain", 1],
  ["TargetLogonId", "Logon_ID", 1],
  ["NewProcessId", "New_Process_ID", 0],
  ["NewProcessName", "New_Process_Name", 0],
  ["TokenElevationType", "Token_Elevation_Type", 0],
  ["ProcessId", "Creator_Process_ID", 0],
  ["ProcessId", "Process_ID", 0],
  ["CommandLine", "Process_Command_Line", 0],
  ["ParentProcessName", "Creator_Process_Name", 0],
  ["MandatoryLabel", "Mandatory_Label", 0],
  ["ProcessName", "Process_Name", 0],
  ["LogonType", "Logon_Type", 0],
  ["IpAddress", "Source_Network_Address", 0],
  ["IpPort", "Source_Port", 0],
  ["WorkstationName", "Workstation_Name", 0],
  ["AuthenticationPackageName", "Authentication_Package", 0],
  ["LogonProcessName", "Logon_Process", 0],
  ["Status", "Status", 0],
  ["Status", "Result_Code", 0],
  ["Status", "Error_Code", 0],
  ["IpAddress", "Client_Address", 0],
  ["Workstation", "Source_Workstation", 0],
  ["TargetUserName", "Logon_Account", 0],
  ["SubStatus", "Sub_Status", 0],
];

/** The CIM fields the XML emulation may produce; these are copied back to the classic event. */
const OUTPUTS = [
  "dest", "signature", "process", "process_path", "process_name", "process_exec", "process_id",
  "parent_process", "parent_process_path", "parent_process_name", "parent_process_id",
  "user", "src_user", "src_nt_domain", "dest_nt_domain", "Token_Elevation_Type_id", "action",
  "src", "src_ip", "authentication_method", "authentication_service", "app",
];

const PROCESS_CODES = new Set(["4688", "4689", "4673", "4674", "4696"]);
/** `(?s)Process Information:.*?Process ID:\s+(\S+)`: for 4688 this hits `New Process ID:` (§3.4). */
const PROCESS_ID = /Process Information:[\s\S]*?Process ID:\s+(\S+)/;

/** Adds the Security TA's CIM fields to a classic event whose source is `WinEventLog:Security`. */
export function classicSecurityTa(f: Fields): void {
  const code = get(f, "EventCode") ?? "";
  const view = newFields();
  view.EventCode = code;
  // REPORT chain Target_Server_Name_as_dest, ComputerName_as_dest: the first that has a value.
  set(view, "Computer", get(f, "Target_Server_Name") ?? get(f, "ComputerName"));
  for (const [xml, label, index] of VIEW) {
    if (view[xml] === undefined) set(view, xml, nth(f[label], index));
  }
  windowsSecurityTa(view);
  for (const name of OUTPUTS) set(f, name, view[name]);
  // Account_Name_as_src_user `(?!^-$)([^\n]+)\n` needs a following value: one Account_Name, no src_user.
  if (values(f.Account_Name).length < 2 && code !== "4624" && code !== "4625") delete f.src_user;
  if (!PROCESS_CODES.has(code)) return;
  set(f, "process_id", PROCESS_ID.exec(get(f, "Message") ?? "")?.[1]);
  const keywords = get(f, "Keywords");
  if (keywords === "Audit Success") f.action = "allowed";
  else if (keywords === "Audit Failure") f.action = "blocked";
}

function nth(v: string | string[] | undefined, i: number): string | undefined {
  return values(v)[i];
}

function values(v: string | string[] | undefined): readonly string[] {
  return v === undefined ? [] : typeof v === "string" ? [v] : v;
}
