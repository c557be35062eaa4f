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
/** `MD5=([a-fA-F0-9]{32})` etc.: field, the text before the hex digits, and their count. */
const HASHES: ReadonlyArray<readonly [string, string, number]> = [
  ["MD5", "MD5=", 32],
  ["SHA1", "SHA1=", 40],
  ["SHA256", "SHA256=", 64],
  ["IMPHASH", "IMPHASH=", 32],
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
  if (uid !== undefined && isQuotedSid(uid)) setIfAbsent(f, "SecurityID", unquote(uid));
  const detailsText = get(f, "Details");
  const details = detailsText === undefined ? null : DETAILS_RE.exec(detailsText);
  if (details) {
    setIfAbsent(f, "RegistryValueType", details[1]);
    setIfAbsent(f, "RegistryValueData", details[2]);
  }
  // The TA runs these regexes over _raw; minispl runs them over Hashes so XML and JSON agree.
  const hashes = get(f, "Hashes");
  if (hashes !== undefined) {
    for (const [name, label, digits] of HASHES) setIfAbsent(f, name, hexAfter(hashes, label, digits));
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

/** `/^'S-[0-9a-fA-F-]+'$/.test(s)`, by characters. */
function isQuotedSid(s: string): boolean {
  const n = s.length;
  if (n < 5 || s.charCodeAt(0) !== 39 || s.charCodeAt(1) !== 83 || s.charCodeAt(2) !== 45 || s.charCodeAt(n - 1) !== 39) return false;
  for (let i = 3; i < n - 1; i++) if (!isHex(s.charCodeAt(i)) && s.charCodeAt(i) !== 45) return false;
  return true;
}

/**
 * The capture of `label([a-fA-F0-9]{digits})` in `text` (the leftmost match). The first
 * occurrence of `label` usually is the match and is checked by characters; otherwise the regex
 * semantics are kept by looking at the next occurrences in turn.
 */
function hexAfter(text: string, label: string, digits: number): string | undefined {
  for (let at = text.indexOf(label); at >= 0; at = text.indexOf(label, at + 1)) {
    const from = at + label.length;
    let i = from;
    while (i < from + digits && isHex(text.charCodeAt(i))) i++;
    if (i === from + digits) return text.slice(from, i);
  }
  return undefined;
}

function isHex(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70);
}

function unquote(s: string): string {
  return s.length >= 2 && s.startsWith("'") && s.endsWith("'") ? s.slice(1, -1) : s;
}
