/**
 * Maps NXLog's event metadata back to the `<System>` fields Splunk_TA_windows would extract from
 * the XML rendering (names and quoting as in win-record.ts), and lists the transport metadata
 * that has no XML counterpart and is dropped (EventReceivedTime, SourceModuleName, @version, …).
 */
import { newFields, type Fields } from "./fields.js";
import { scalarText, type JsonObject } from "./json-lines.js";

/** NXLog / Logstash / OTRF keys that are not event fields. */
export const NXLOG_DROPPED = new Set([
  "EventTime",
  "EventReceivedTime",
  "SourceModuleName",
  "SourceModuleType",
  "@version",
  "@timestamp",
  "port",
  "tags",
  "host",
  "Severity",
  "SeverityValue",
  "Category",
  "Message",
  "TimeCreated",
]);

/** NXLog's own EventType values; a Sysmon EventData `EventType` (SetValue, …) is kept. */
export const NXLOG_SEVERITIES = new Set(["INFO", "AUDIT_SUCCESS", "AUDIT_FAILURE", "WARNING", "ERROR", "CRITICAL", "VERBOSE", "DEBUG"]);

export interface NxlogSystem {
  readonly fields: Fields;
  /** JSON keys consumed as System metadata (not copied as EventData). */
  readonly claimed: ReadonlySet<string>;
}

const PLAIN: ReadonlyArray<readonly [string, string]> = [
  ["EventID", "EventID"],
  ["Channel", "Channel"],
  ["Hostname", "Computer"],
  ["RecordNumber", "EventRecordID"],
  ["Version", "Version"],
  ["Task", "Task"],
  ["OpcodeValue", "Opcode"],
];
/** Attributes TA_windows extracts with their quotes kept (ProcessID=`'2888'`). */
const QUOTED: ReadonlyArray<readonly [string, string]> = [
  ["ExecutionProcessID", "ProcessID"],
  ["UserID", "UserID"],
  ["ProviderGuid", "Guid"],
  ["SourceName", "Name"],
];
const KEYWORDS_NUMBER = /"Keywords"\s*:\s*(-?\d+)/;

export function nxlogSystem(obj: JsonObject, raw: string): NxlogSystem {
  const fields = newFields();
  const claimed = new Set<string>(["Opcode"]);
  const put = (key: string, name: string, quote: boolean): void => {
    const v = scalarText(obj[key]);
    claimed.add(key);
    if (v !== undefined && v !== "") fields[name] = quote ? `'${v}'` : v;
  };
  for (const [key, name] of PLAIN) put(key, name, false);
  for (const [key, name] of QUOTED) put(key, name, true);
  // NXLog writes the execution ids as JSON numbers; EventData ids are strings (OTRF renames the
  // first to ExecutionProcessID, Attack Range keeps ProcessID).
  if (fields.ProcessID === undefined && typeof obj.ProcessID === "number") put("ProcessID", "ProcessID", true);
  if (typeof obj.ThreadID === "number") put("ThreadID", "ThreadID", true);
  if (fields.Opcode === undefined && /^\d+$/.test(scalarText(obj.Opcode) ?? "")) fields.Opcode = String(obj.Opcode);
  if (obj.UserID !== undefined) for (const k of ["AccountName", "Domain", "AccountType"]) claimed.add(k);
  const keywords = keywordsHex(obj.Keywords, raw);
  claimed.add("Keywords");
  if (keywords !== undefined) fields.Keywords = keywords;
  return { fields, claimed };
}

/**
 * NXLog writes Keywords as a signed 64-bit integer (-9223372036854775808); the XML form is the
 * unsigned hex `0x8000000000000000`. JSON.parse rounds such numbers to a double, so the digits are
 * re-read from the raw text — unless the text itself is a shortest-round-trip print of a double
 * (≤ 17 significant digits, as jq or JavaScript write it), in which case the double is what the
 * writer meant.
 */
function keywordsHex(v: unknown, raw: string): string | undefined {
  if (typeof v === "string") return v;
  if (typeof v !== "number" || !Number.isInteger(v)) return undefined;
  const digits = KEYWORDS_NUMBER.exec(raw)?.[1];
  const exactText = digits !== undefined && digits.replace(/^-/, "").replace(/0+$/, "").length > 17;
  const n = exactText ? BigInt(digits) : BigInt(v);
  return `0x${BigInt.asUintN(64, n).toString(16)}`;
}
