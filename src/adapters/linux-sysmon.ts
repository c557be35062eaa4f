/**
 * Sysmon for Linux: one `<Event><System>…</Event>` record per line (syslog), double-quoted
 * attributes, no xmlns (datasets.md §5.1). ESCU's data sources give `source`
 * `Syslog:Linux-Sysmon/Operational` and sourcetype `sysmon:linux` (Splunk Add-on for Sysmon for
 * Linux). Its props/transforms were not available: minispl applies the Windows Sysmon TA's field
 * logic (cim-mapping.md §2.1–§2.4) where it carries over, with Linux paths (`/`) — UNVERIFIED
 * details are listed in README.md. A syslog prefix before `<Event>` is allowed and kept in `_raw`.
 */
import type { EventInput } from "../store/event-store.js";
import type { IngestOptions } from "./types.js";
import type { LogFormat } from "./log-format.js";
import type { HandlerContext, RecordHandler } from "./stream-types.js";
import { lineHandler } from "./line-handler.js";
import { append, basename, get, newFields, RESERVED, set, type Fields } from "./fields.js";
import { parseXmlRecord } from "./xml-record.js";
import { classify, type EventtypeDef } from "./eventtypes.js";
import { SYSMON_CODES } from "./sysmon-eventtypes.js";
import { sysmonTa } from "./ta-sysmon.js";
import { parseUtc } from "./win-time.js";

export const LINUX_SYSMON_SOURCE = "Syslog:Linux-Sysmon/Operational";
export const LINUX_SYSMON_SOURCETYPE = "sysmon:linux";
const FORMAT = "sysmon-linux";
const START = "<Event><System>";
const HEAD_LINE = /(?:^|\n)[^\n]*<Event><System>/;

/** Eventtypes: the §2.2 code sets and tags on the Linux source (names UNVERIFIED). */
function linuxType(name: string, codes: ReadonlySet<string>, tags: readonly string[]): EventtypeDef {
  return { name, tags, matches: (f) => get(f, "source") === LINUX_SYSMON_SOURCE && codes.has(get(f, "EventCode") ?? "") };
}
export const LINUX_SYSMON_EVENTTYPES: readonly EventtypeDef[] = [
  linuxType("sysmon_linux_process", SYSMON_CODES.process, ["process", "report"]),
  linuxType("sysmon_linux_network", SYSMON_CODES.network, ["network", "communicate"]),
  linuxType("sysmon_linux_filemod", SYSMON_CODES.filemod, ["endpoint", "filesystem"]),
  linuxType("sysmon_linux_service", SYSMON_CODES.service, ["service", "report"]),
];

/** One line (without its line end) → event, or the reason it is skipped. */
export function linuxSysmonEvent(line: string, opts: IngestOptions): EventInput | string {
  const at = line.indexOf(START);
  if (at < 0) return "not a Sysmon for Linux record (no <Event><System>)";
  const end = line.lastIndexOf("</Event>");
  if (end < at) return "record has no closing </Event>";
  const rec = parseXmlRecord(line.slice(at, end + 8));
  if (typeof rec === "string") return rec;
  const f = newFields();
  f._raw = line;
  set(f, "host", opts.host ?? get(rec.system, "Computer"));
  f.source = opts.source ?? LINUX_SYSMON_SOURCE;
  f.sourcetype = opts.sourcetype ?? LINUX_SYSMON_SOURCETYPE;
  f.index = opts.index ?? "main";
  // No Splunk_TA_windows here (not an XmlWinEventLog sourcetype), so attribute values are taken
  // without their quotes (ProcessID=1465, UserId=0, SystemTime=…): UNVERIFIED.
  for (const name in rec.system) {
    const v = get(rec.system, name)!;
    f[name] = /^"[^"]*"$/.test(v) ? v.slice(1, -1) : v;
  }
  for (const name in rec.data) {
    if (RESERVED.has(name)) continue;
    const v = rec.data[name]!;
    for (const one of typeof v === "string" ? [v] : v) append(f, name, one);
  }
  set(f, "EventData_Xml", get(rec.extra, "EventData_Xml"));
  f.EventCode = rec.eventId;
  f.EventID = rec.eventId;
  f.signature_id = rec.eventId;
  const time = parseUtc(get(f, "UtcTime")) ?? parseUtc(rec.systemTime);
  if (time === undefined) return "no parsable event time (UtcTime / TimeCreated SystemTime)";
  sysmonTa(f);
  linuxPaths(f, rec.eventId);
  classify(f, LINUX_SYSMON_EVENTTYPES);
  return { time, fields: f };
}

/**
 * The Windows TA's basename regex only cuts at `\`, so Linux images would keep their directory;
 * the names are recomputed after the last `/`. `file_path` keeps TargetFilename whole: the ADS
 * suffix rewrite is an NTFS rule and `:` is a legal Linux file-name character.
 */
function linuxPaths(f: Fields, code: string): void {
  set(f, "os", "Linux");
  const names: ReadonlyArray<readonly [string, readonly string[]]> = [
    [code === "8" || code === "10" ? "TargetImage" : "Image", ["process_name", "process_exec"]],
    [code === "8" || code === "10" ? "SourceImage" : "ParentImage", ["parent_process_name", "parent_process_exec"]],
  ];
  for (const [from, outs] of names) {
    const path = get(f, from);
    if (path !== undefined && get(f, outs[0]!) !== undefined) for (const o of outs) set(f, o, basename(path));
  }
  const target = get(f, "TargetFilename");
  if (target !== undefined) {
    f.file_name = basename(target);
    if (SYSMON_CODES.filemod.has(code)) set(f, "file_path", target);
  }
}

/** Streaming handler: every non-blank line is one record. */
export function linuxSysmonHandler(ctx: HandlerContext): RecordHandler {
  let lineNo = 0;
  const one = (line: string): void => {
    lineNo++;
    const text = line.replace(/\r$/, "");
    if (text.trim() === "") return;
    const ev = linuxSysmonEvent(text, ctx.opts);
    if (typeof ev === "string") ctx.skip(lineNo, ev);
    else ctx.emit(ev, FORMAT);
  };
  return lineHandler(one);
}

export const linuxSysmon: LogFormat = {
  name: FORMAT,
  forcedBy: { sourcetypes: [LINUX_SYSMON_SOURCETYPE] },
  // Off JSON: a JSON export carrying these records in a value is not syslog lines (each `_raw`
  // would be a JSON line); a mapping, if given, reads it instead.
  recognises: (head) => !head.json && HEAD_LINE.test(head.text),
  open: linuxSysmonHandler,
};
