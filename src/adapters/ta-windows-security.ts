/**
 * Splunk_TA_windows `[source::XmlWinEventLog:Security]` emulation (cim-mapping.md §3). 4688 is
 * mapped exactly per §3.4 (hex ids kept, `process` synthesised from NewProcessName when the
 * command line starts with a bare name); the other Endpoint.Processes codes (4689, 4673, 4674,
 * 4696) and logons (4624/4625, in ta-windows-logon.ts) get the fields the spec allows cheaply.
 * Kerberos/NTLM (ta-windows-kerberos.ts) and 5136/5140/5145 (ta-windows-objects.ts) are UNVERIFIED.
 */
import { afterLastBackslash, get, real, set, type Fields } from "./fields.js";
import { logonFields } from "./ta-windows-logon.js";
import { KERBEROS_NTLM_CODES, kerberosNtlmFields } from "./ta-windows-kerberos.js";
import { OBJECT_CODES, objectAccessFields } from "./ta-windows-objects.js";

/** The TA's windows_signatures lookup, for the codes minispl maps (wording UNVERIFIED). */
const SIGNATURES: Readonly<Record<string, string>> = {
  "4624": "An account was successfully logged on",
  "4625": "An account failed to log on",
  "4673": "A privileged service was called",
  "4674": "An operation was attempted on a privileged object",
  "4688": "A new process has been created",
  "4689": "A process has exited",
  "4696": "A primary token was assigned to process",
  "4720": "A user account was created",
  "4741": "A computer account was created",
};

/** `(^"[^"]+"|[^\s]+)\s*(.*)`: first token of CommandLine and the rest (§3.4). */
const FIRST_TOKEN = /(^"[^"]+"|[^\s]+)\s*(.*)/;
const AUDIT_SUCCESS = "0x8020000000000000";
const PROCESS_CODES = new Set(["4689", "4673", "4674", "4696"]);

/** Adds the Windows Security TA's fields to an event whose `source` is a Security source. */
export function windowsSecurityTa(f: Fields): void {
  const code = get(f, "EventCode") ?? "";
  set(f, "dest", get(f, "Computer"));
  set(f, "signature", SIGNATURES[code]);
  if (code === "4688") newProcessFields(f);
  else if (PROCESS_CODES.has(code)) otherProcessFields(f);
  else if (code === "4624" || code === "4625") logonFields(f, code);
  else if (code === "4720" || code === "4741") accountCreatedFields(f, code);
  else if (KERBEROS_NTLM_CODES.has(code)) kerberosNtlmFields(f, code);
  else if (OBJECT_CODES.has(code)) objectAccessFields(f, code);
}

/**
 * 4720 per cim-mapping.md §3.6: the errorcode lookup gives action `created`, change_type `AAA`,
 * object_category `user`; the 9.x EVALs give object/user_name = TargetUserName, object_id =
 * TargetSid, src_user = SubjectUserName. 4741 (computer account, also `windows_account_created`)
 * is mapped the same way with object_category `computer` (UNVERIFIED: the spec lists only its
 * eventtype). Without `action` the event would miss Change.Accounts_Created.
 */
function accountCreatedFields(f: Fields, code: string): void {
  set(f, "action", "created");
  set(f, "change_type", "AAA");
  set(f, "object_category", code === "4720" ? "user" : "computer");
  const target = real(f, "TargetUserName");
  set(f, "object", target);
  set(f, "user_name", target);
  set(f, "user", target);
  set(f, "object_id", real(f, "TargetSid"));
  set(f, "src_user", real(f, "SubjectUserName"));
}

function newProcessFields(f: Fields): void {
  const image = get(f, "NewProcessName");
  if (image !== undefined) {
    const name = afterLastBackslash(image);
    set(f, "process_path", image);
    set(f, "process_name", name);
    set(f, "process_exec", name);
  }
  set(f, "process", synthesizeProcess(get(f, "CommandLine"), image));
  set(f, "process_id", get(f, "NewProcessId"));
  set(f, "parent_process_id", get(f, "ProcessId"));
  const parent = get(f, "ParentProcessName");
  set(f, "parent_process", parent);
  set(f, "parent_process_path", parent);
  if (parent !== undefined) set(f, "parent_process_name", afterLastBackslash(parent));
  subjectFields(f);
  const elevation = /^[^\d]+(\d+)/.exec(get(f, "TokenElevationType") ?? "");
  set(f, "Token_Elevation_Type_id", elevation?.[1]);
  auditAction(f);
}

/**
 * `coalesce(if(match(first,"\\"), CommandLine, quote_if_space(NewProcessName)." ".rest),
 * NewProcessName)`. An empty `rest` is treated as null (Splunk creates no field from an empty
 * capture), so a bare `cmd.exe` command line yields NewProcessName — UNVERIFIED corner.
 */
export function synthesizeProcess(cmd: string | undefined, image: string | undefined): string | undefined {
  const m = cmd === undefined ? null : FIRST_TOKEN.exec(cmd);
  if (!m) return image;
  if (m[1]!.includes("\\")) return cmd;
  const rest = m[2];
  if (image === undefined || !rest) return image;
  return `${image.includes(" ") ? `"${image}"` : image} ${rest}`;
}

/**
 * 4689/4673/4674/4696: the spec only says they are in Endpoint.Processes; minispl maps their
 * ProcessName/ProcessId the way 4688 maps NewProcessName/NewProcessId (UNVERIFIED).
 */
function otherProcessFields(f: Fields): void {
  const image = get(f, "NewProcessName") ?? get(f, "TargetProcessName") ?? get(f, "ProcessName");
  if (image !== undefined) {
    const name = afterLastBackslash(image);
    set(f, "process", image);
    set(f, "process_path", image);
    set(f, "process_name", name);
    set(f, "process_exec", name);
  }
  set(f, "process_id", get(f, "NewProcessId") ?? get(f, "TargetProcessId") ?? get(f, "ProcessId"));
  subjectFields(f);
  auditAction(f);
}

/** user = TargetUserName when it is a real account, else src_user = SubjectUserName (§3.4). */
function subjectFields(f: Fields): void {
  const srcUser = real(f, "SubjectUserName");
  set(f, "src_user", srcUser);
  set(f, "src_nt_domain", real(f, "SubjectDomainName"));
  set(f, "dest_nt_domain", real(f, "TargetDomainName"));
  set(f, "user", real(f, "TargetUserName") ?? srcUser);
}

/** `allowed` only for the audit-success Keywords value (§3.4); the TA compares the hex text. */
function auditAction(f: Fields): void {
  if (get(f, "Keywords") === AUDIT_SUCCESS) set(f, "action", "allowed");
}
