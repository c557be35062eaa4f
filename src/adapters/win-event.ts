/**
 * WinRecord → store event: default fields (cim-mapping.md §5), the Splunk_TA_windows
 * sourcetype-level fields every XmlWinEventLog event gets (§2.1 last bullet, §3.1), the
 * source-scoped add-ons (Sysmon §2, Security §3), eventtypes/tags, and `_time`.
 */
import type { EventInput } from "../store/event-store.js";
import type { IngestOptions } from "./types.js";
import { append, get, newFields, RESERVED, set, type Fields } from "./fields.js";
import type { WinRecord } from "./win-record.js";
import { XmlRecord } from "./xml-record.js";
import { intern } from "./name-predictor.js";
import { EventtypeMemo } from "./eventtype-memo.js";
import { SYSMON_EVENTTYPES, SYSMON_SOURCE } from "./sysmon-eventtypes.js";
import { SECURITY_SOURCES, WINDOWS_EVENTTYPES } from "./windows-eventtypes.js";
import { sysmonTa } from "./ta-sysmon.js";
import { windowsSecurityTa } from "./ta-windows-security.js";
import { windowsLabelAliases } from "./windows-label-aliases.js";
import { windowsChannelTa } from "./ta-windows-channels.js";
import { parseUtc } from "./win-time.js";

export const XML_SOURCETYPE = "XmlWinEventLog";
/** The Windows and Sysmon eventtype searches read only these fields (checked as they run). */
const EVENTTYPES = new EventtypeMemo([...WINDOWS_EVENTTYPES, ...SYSMON_EVENTTYPES], ["source", "sourcetype", "EventCode", "action"]);

/** Builds the event, or returns the reason it must be skipped. */
export function winEvent(rec: WinRecord, opts: IngestOptions): EventInput | string {
  const f = newFields();
  const xml = rec instanceof XmlRecord ? rec : undefined;
  const computer = xml ? xml.systemItems.first("Computer") : get(rec.system, "Computer");
  const source = opts.source ?? xmlSource(rec.channel);
  f._raw = rec.raw;
  // Splunk's host is forwarder metadata; for a file on disk the record's Computer stands in.
  set(f, "host", opts.host ?? computer);
  f.source = source;
  f.sourcetype = opts.sourcetype ?? XML_SOURCETYPE;
  f.index = opts.index ?? "main";
  if (xml) copyItems(f, xml);
  else copyBags(f, rec);
  windowsCommon(f, rec);
  if (source === SYSMON_SOURCE) sysmonTa(f);
  else if (SECURITY_SOURCES.has(source)) windowsSecurityTa(f);
  else windowsChannelTa(f, rec, source);
  if (source !== SYSMON_SOURCE) windowsLabelAliases(f);
  EVENTTYPES.classify(f);
  const time = eventTime(f, rec, source);
  if (time === undefined) return "no parsable event time (TimeCreated SystemTime / UtcTime)";
  return { time, fields: f };
}

let lastChannel: string | undefined;
let lastSource = "";

/**
 * `XmlWinEventLog:<Channel>`, as one internalized string while the channel repeats (files are
 * mostly one channel): the source is compared and hashed by every add-on and eventtype test,
 * which a new string per event would make hash its whole text each time.
 */
function xmlSource(channel: string): string {
  if (channel !== lastChannel) {
    lastChannel = intern(channel);
    lastSource = intern(`XmlWinEventLog:${channel}`);
  }
  return lastSource;
}

/** TA_windows `[XmlWinEventLog]`: EventID_as_EventCode, RecordNumber and the FIELDALIASes. */
function windowsCommon(f: Fields, rec: WinRecord): void {
  f.EventCode = rec.eventId;
  f.EventID = rec.eventId;
  f.signature_id = rec.eventId;
  const record = get(f, "EventRecordID");
  set(f, "RecordNumber", record);
  set(f, "event_id", record);
  set(f, "id", record);
  set(f, "dvc", get(f, "Computer"));
  set(f, "dvc_nt_host", get(f, "host"));
  // FIELDALIAS UserID AS user_id: the quoted SID of the logging account (§2.1, §2.5).
  set(f, "user_id", get(f, "UserID"));
  set(f, "vendor_product", "Microsoft Windows");
  set(f, "vendor", "Microsoft");
  set(f, "product", "Windows");
}

/** Sysmon: the UtcTime data value (TIME_PREFIX, §2.1); everything else: TimeCreated SystemTime. */
function eventTime(f: Fields, rec: WinRecord, source: string): number | undefined {
  const utc = source === SYSMON_SOURCE ? parseUtc(get(f, "UtcTime")) : undefined;
  return utc ?? parseUtc(rec.systemTime) ?? rec.fallbackTime;
}

/**
 * System fields overwrite (they come first), Data items are appended — eventdata_xml_data has
 * MV_ADD, so a Data name that repeats a System name becomes multivalue — except default fields,
 * and the block fields fill only names still free.
 */
function copyBags(f: Fields, rec: WinRecord): void {
  for (const name in rec.system) {
    const v = rec.system[name]!;
    f[name] = typeof v === "string" ? v : [...v];
  }
  for (const name in rec.data) {
    if (!RESERVED.has(name)) for (const v of values(rec.data[name])) append(f, name, v);
  }
  for (const name in rec.extra) if (f[name] === undefined) f[name] = rec.extra[name]!;
}

/** `copyBags` over the XML scanner's flat lists (same order, so the same event), without the bags. */
function copyItems(f: Fields, rec: XmlRecord): void {
  const system = rec.systemItems.items;
  for (let i = 0; i < system.length; i += 2) f[system[i]!] = system[i + 1]!;
  const data = rec.dataItems.items;
  for (let i = 0; i < data.length; i += 2) {
    const name = data[i]!;
    if (!RESERVED.has(name)) append(f, name, data[i + 1]!);
  }
  const extra = rec.extraItems.items;
  for (let i = 0; i < extra.length; i += 2) if (f[extra[i]!] === undefined) f[extra[i]!] = extra[i + 1]!;
}

function values(v: string | string[] | undefined): readonly string[] {
  return v === undefined ? [] : typeof v === "string" ? [v] : v;
}
