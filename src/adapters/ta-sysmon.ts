/**
 * Splunk_TA_microsoft_sysmon emulation: the `[source::XmlWinEventLog:Microsoft-Windows-Sysmon/
 * Operational]` stanza (cim-mapping.md §2). Runs only when `source` is exactly the Sysmon source,
 * after the TA_windows sourcetype-level fields, in Splunk's stage order: REPORT extractions
 * (never overwrite), lookups/aliases, then EVALs computed from the extracted values (§0).
 */
import { get, real, set, setIfAbsent, type Fields } from "./fields.js";
import { SYSMON_CODES, SYSMON_EVENT_DESCRIPTIONS } from "./sysmon-eventtypes.js";
import { sysmonProcessFields } from "./ta-sysmon-process.js";
import { sysmonFileFields, sysmonRegistryFields } from "./ta-sysmon-objects.js";
import { sysmonDnsFields, sysmonNetworkFields } from "./ta-sysmon-network.js";
import { stripDomain } from "./sysmon-text.js";

const ALLOWED = new Set(["1", "3", "6", "8", "9", "10", "15", "17", "18", "24", "25"]);
const BLOCKED = new Set(["5", "27", "28"]);
const HASH_RES: ReadonlyArray<readonly [string, RegExp]> = [
  ["MD5", /MD5=([a-fA-F0-9]{32})/],
  ["SHA1", /SHA1=([a-fA-F0-9]{40})/],
  ["SHA256", /SHA256=([a-fA-F0-9]{64})/],
  ["IMPHASH", /IMPHASH=([a-fA-F0-9]{32})/],
];
const DETAILS_RE = /^(\w+)\s\((.+)\)$/;

/** Adds the Sysmon TA's fields to an event whose `source` is the Sysmon source. */
export function sysmonTa(f: Fields): void {
  const code = get(f, "EventCode") ?? "";
  extractions(f);
  const description = SYSMON_EVENT_DESCRIPTIONS[code];
  setIfAbsent(f, "EventDescription", description);
  setIfAbsent(f, "signature", description);

  const computer = get(f, "Computer");
  set(f, "vendor_product", "Microsoft Sysmon");
  set(f, "os", "Microsoft Windows");
  set(f, "dvc", computer);
  // EID 22 is missing from the TA's dest case; EID 3's dest is the remote side (§2.4).
  if (code !== "22" && code !== "3") set(f, "dest", computer);
  set(f, "user", sysmonUser(f));
  if (ALLOWED.has(code)) set(f, "action", "allowed");
  else if (BLOCKED.has(code)) set(f, "action", "blocked");

  sysmonProcessFields(f, code);
  if (code === "3") sysmonNetworkFields(f);
  else if (code === "22") sysmonDnsFields(f);
  else if (SYSMON_CODES.regmod.has(code)) sysmonRegistryFields(f, code);
  else if (SYSMON_CODES.filemod.has(code)) sysmonFileFields(f, code);
}

/** The REPORT-sysmon transforms that add names TA_windows did not already extract (§2.1). */
function extractions(f: Fields): void {
  const systemTime = get(f, "SystemTime");
  setIfAbsent(f, "TimeCreated", systemTime === undefined ? undefined : unquote(systemTime));
  setIfAbsent(f, "RecordID", get(f, "EventRecordID"));
  setIfAbsent(f, "EventChannel", get(f, "Channel"));
  const uid = get(f, "UserID");
  if (uid !== undefined && /^'S-[0-9a-fA-F-]+'$/.test(uid)) setIfAbsent(f, "SecurityID", unquote(uid));
  const details = DETAILS_RE.exec(get(f, "Details") ?? "");
  if (details) {
    setIfAbsent(f, "RegistryValueType", details[1]);
    setIfAbsent(f, "RegistryValueData", details[2]);
  }
  // The TA runs these regexes over _raw; minispl runs them over Hashes so XML and JSON agree.
  const hashes = get(f, "Hashes");
  if (hashes !== undefined) {
    for (const [name, re] of HASH_RES) setIfAbsent(f, name, re.exec(hashes)?.[1]);
  }
  const target = get(f, "TargetFilename");
  if (target !== undefined) setIfAbsent(f, "file_name", /[^\\]+$/.exec(target)?.[0]);
}

/**
 * `user` = User after its last backslash; when User is absent or `-`, the TA falls back to
 * SourceUser when it equals TargetUser (EID 10 of newer Sysmon, cim-mapping.md §2.3).
 */
function sysmonUser(f: Fields): string | undefined {
  const user = real(f, "User");
  if (user !== undefined) return stripDomain(user);
  const src = real(f, "SourceUser");
  return src !== undefined && src === get(f, "TargetUser") ? stripDomain(src) : undefined;
}

function unquote(s: string): string {
  return s.length >= 2 && s.startsWith("'") && s.endsWith("'") ? s.slice(1, -1) : s;
}
