/**
 * Reads one classic (non-XML) WinEventLog text record (cim-mapping.md §3.2, datasets.md §4.5):
 *
 *   01/14/2021 11:40:38 PM            ← date line (the record's time)
 *   LogName=Microsoft-Windows-…       ← header `key=value` lines (wel-eq-kv)
 *   …
 *   Message=first message line        ← `Message` (wel-message) runs to the end of the record
 *   \tLabel Name:\t\tvalue             ← message `Label:<space/tab>value` lines (wel-col-kv)
 *
 * Splunk's system-default wel-* regexes are not published (UNVERIFIED, §7 item 4); the rules
 * here are minispl's, written down in src/adapters/README.md. Values are kept verbatim except
 * for the line's CR (headers end in LF, message lines in CRLF in the real export).
 */
import { append, newFields, type Fields } from "./fields.js";

export interface ClassicRecord {
  readonly raw: string;
  /** Epoch seconds of the date line, read as UTC (the recording host's zone is unknown). */
  readonly time: number | undefined;
  /** Header fields before `Message=`, in order; a repeated key becomes multivalue. */
  readonly header: Fields;
  /** Everything after `Message=` (CRLFs kept, trailing line ends dropped); absent when empty. */
  readonly message: string | undefined;
  /** Message label fields, key-cleaned (`New Process Name` → `New_Process_Name`), in order. */
  readonly labels: Fields;
}

const DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4}) (\d{1,2}):(\d{2}):(\d{2}) ([AaPp])[Mm]/;
const HEADER = /^([A-Za-z][A-Za-z0-9_]*)=(.*)$/;
/**
 * wel-col-kv as minispl reads it: optional indentation, a label that starts with a letter and
 * holds letters, digits, spaces, `_ - ( ) /` and `'` (≤ 64 chars), a colon, at least one space
 * or tab, then a non-blank value. `http://x` (no blank after the colon) and prose lines without a
 * colon never match; section headers (`Creator Subject:`) have no value and make no field.
 */
const LABEL = /^[ \t]*([A-Za-z][A-Za-z0-9 _\-()/']{0,63}?):[ \t]+(\S.*)$/;

export function parseClassicRecord(raw: string): ClassicRecord {
  const lines = raw.split("\n");
  const header = newFields();
  const labels = newFields();
  let message: string | undefined;
  let offset = (lines[0]?.length ?? 0) + 1;
  for (let i = 1; i < lines.length; i++) {
    const line = stripCr(lines[i]!);
    if (line.startsWith("Message=")) {
      const body = trimLineEnds(raw.slice(offset + 8));
      message = body === "" ? undefined : body;
      if (message !== undefined) readLabels(message, labels);
      break;
    }
    const kv = HEADER.exec(line);
    if (kv && kv[2] !== "") append(header, kv[1]!, kv[2]!);
    offset += lines[i]!.length + 1;
  }
  return { raw, time: parseClassicDate(lines[0] ?? ""), header, message, labels };
}

/** Every `Label: value` line of the message (the first line, after `Message=`, included). */
export function readLabels(message: string, into: Fields): void {
  for (const l of message.split("\n")) {
    const m = LABEL.exec(stripCr(l));
    if (m) append(into, cleanKey(m[1]!), m[2]!);
  }
}

/**
 * Splunk's CLEAN_KEYS (transforms.conf): every character other than a-z, A-Z, 0-9 becomes `_`,
 * then leading underscores and digits are stripped. `Package Name (NTLM only)` →
 * `Package_Name__NTLM_only_`.
 */
export function cleanKey(label: string): string {
  return label.replace(/[^A-Za-z0-9]/g, "_").replace(/^[_0-9]+/, "");
}

/** `MM/DD/YYYY hh:mm:ss AM|PM` as UTC epoch seconds; undefined when out of range. */
export function parseClassicDate(line: string): number | undefined {
  const m = DATE.exec(line);
  if (!m) return undefined;
  const [month, day, year, hour12, min, sec] = [m[1], m[2], m[3], m[4], m[5], m[6]].map(Number) as number[];
  if (month! < 1 || month! > 12 || day! < 1 || day! > 31 || hour12! < 1 || hour12! > 12 || min! > 59 || sec! > 59) return undefined;
  // 12 AM is midnight, 12 PM is noon.
  const hour = (hour12! % 12) + (m[7]!.toUpperCase() === "P" ? 12 : 0);
  return Date.UTC(year!, month! - 1, day!, hour, min!, sec!) / 1000;
}

function stripCr(s: string): string {
  return s.endsWith("\r") ? s.slice(0, -1) : s;
}

function trimLineEnds(s: string): string {
  let end = s.length;
  while (end > 0 && (s.charCodeAt(end - 1) === 10 || s.charCodeAt(end - 1) === 13)) end--;
  return s.slice(0, end);
}
