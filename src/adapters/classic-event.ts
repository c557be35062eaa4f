/**
 * Classic WinEventLog record → store event: default fields (source `WinEventLog:<LogName>`,
 * sourcetype `WinEventLog`, cim-mapping.md §5), the header and message-label fields (§3.2), the
 * TA_windows sourcetype-level fields also given to XML events, the Security TA for
 * `WinEventLog:Security` (§3.4), and the Windows eventtypes (§3.3).
 */
import type { EventInput } from "../store/event-store.js";
import type { IngestOptions } from "./types.js";
import { append, get, newFields, RESERVED, set, type Fields } from "./fields.js";
import { classify } from "./eventtypes.js";
import { SECURITY_SOURCES, WINDOWS_EVENTTYPES } from "./windows-eventtypes.js";
import { classicSecurityTa } from "./ta-windows-classic.js";
import { parseClassicRecord } from "./classic-record.js";

export const CLASSIC_SOURCETYPE = "WinEventLog";

/** Builds the event for one classic record's text, or returns why it is skipped. */
export function classicEvent(raw: string, opts: IngestOptions): EventInput | string {
  const rec = parseClassicRecord(raw);
  const logName = get(rec.header, "LogName");
  const code = get(rec.header, "EventCode");
  if (logName === undefined) return "classic record has no LogName=";
  if (code === undefined) return "classic record has no EventCode=";
  if (rec.time === undefined) return "classic record date line is not a valid MM/DD/YYYY hh:mm:ss AM|PM time";
  const f = newFields();
  const source = opts.source ?? `WinEventLog:${logName}`;
  f._raw = raw;
  // As for XML: `host` is forwarder metadata in Splunk; the record's ComputerName stands in.
  set(f, "host", opts.host ?? get(rec.header, "ComputerName"));
  f.source = source;
  f.sourcetype = opts.sourcetype ?? CLASSIC_SOURCETYPE;
  f.index = opts.index ?? "main";
  copy(f, rec.header);
  if (rec.message !== undefined && f.Message === undefined) f.Message = rec.message;
  // wel-col-kv has MV_ADD: a label that repeats a header name (Sysmon's `User:`) adds a value.
  copy(f, rec.labels);
  windowsCommon(f);
  if (SECURITY_SOURCES.has(source)) classicSecurityTa(f);
  classify(f, WINDOWS_EVENTTYPES);
  return { time: rec.time, fields: f };
}

/** The sourcetype-level fields every Windows event gets (as `windowsCommon` does for XML). */
function windowsCommon(f: Fields): void {
  set(f, "signature_id", get(f, "EventCode"));
  const record = get(f, "RecordNumber");
  set(f, "event_id", record);
  set(f, "id", record);
  set(f, "dvc", get(f, "ComputerName"));
  set(f, "dvc_nt_host", get(f, "host"));
  set(f, "vendor_product", "Microsoft Windows");
  set(f, "vendor", "Microsoft");
  set(f, "product", "Windows");
}

function copy(into: Fields, from: Fields): void {
  for (const name in from) {
    if (RESERVED.has(name)) continue;
    const v = from[name]!;
    for (const item of typeof v === "string" ? [v] : v) append(into, name, item);
  }
}
