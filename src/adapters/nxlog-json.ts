/**
 * NXLog `im_msvistalog` JSON (OTRF, Attack Range; datasets.md §4.6–4.9) and OTRF's flatter export
 * (§4.8), normalised into the WinRecord the XML scanner produces so the same add-on code runs:
 * a Sysmon EID 1 or a 4688 gives identical CIM fields from either format.
 */
import type { Adapter, IngestOptions } from "./types.js";
import type { EventInput } from "../store/event-store.js";
import { append, newFields, type Fields } from "./fields.js";
import { forEachJsonLine, scalarText, type JsonObject } from "./json-lines.js";
import { winEvent } from "./win-event.js";
import { parseUtc } from "./win-time.js";
import { NXLOG_DROPPED, NXLOG_SEVERITIES, nxlogSystem } from "./nxlog-system.js";

/** True for an object that looks like a Windows event from NXLog or the OTRF flat export. */
export function isNxlogObject(obj: JsonObject): boolean {
  return obj.EventID !== undefined && (typeof obj.Channel === "string" || typeof obj.SourceName === "string");
}

/** One JSON object → event, or the reason it is skipped. */
export function nxlogEvent(obj: JsonObject, raw: string, opts: IngestOptions): EventInput | string {
  const eventId = scalarText(obj.EventID);
  if (eventId === undefined || eventId === "") return "no EventID";
  if (typeof obj.Channel !== "string") return "no Channel";
  const system = nxlogSystem(obj, raw);
  const data = newFields();
  for (const key in obj) {
    if (NXLOG_DROPPED.has(key) || system.claimed.has(key)) continue;
    if (key === "EventType" && NXLOG_SEVERITIES.has(String(obj[key]))) continue;
    addData(data, key === "EventTypeOrignal" ? "EventType" : key, obj[key]);
  }
  const extra = newFields();
  const message = scalarText(obj.Message);
  if (message) extra.Message = message;
  return winEvent(
    { raw, eventId, channel: obj.Channel, system: system.fields, data, extra, fallbackTime: fallbackTime(obj) },
    opts,
  );
}

/** Strings verbatim, numbers as text, arrays of scalars as multivalue; empty values dropped. */
function addData(data: Fields, key: string, v: unknown): void {
  if (Array.isArray(v)) {
    for (const item of v) addData(data, key, item);
    return;
  }
  const text = typeof v === "object" && v !== null ? JSON.stringify(v) : scalarText(v);
  if (text) append(data, key, text);
}

/**
 * Time for non-Sysmon records (Sysmon uses UtcTime like the XML path). NXLog's EventTime is the
 * collector's local time without a zone, so `@timestamp` (UTC, set on receipt) is preferred;
 * without it EventTime, then the flat export's TimeCreated, are read as UTC (minispl choice).
 */
function fallbackTime(obj: JsonObject): number | undefined {
  for (const key of ["@timestamp", "EventTime", "TimeCreated"]) {
    const t = parseUtc(scalarText(obj[key]));
    if (t !== undefined) return t;
  }
  return undefined;
}

export const nxlogJson: Adapter = {
  name: "nxlog-json",
  detect(head: string): boolean {
    const first = head.replace(/^\uFEFF?\s*/, "").split("\n", 1)[0] ?? "";
    return first.startsWith("{") && /"EventID"\s*:/.test(first) && /"(Channel|SourceName)"\s*:/.test(first);
  },
  parse(text, _file, opts, emit, skip): void {
    forEachJsonLine(
      text,
      ({ obj, raw, line }) => {
        if (!isNxlogObject(obj)) return skip(line, "not an NXLog Windows event (no EventID/Channel)");
        const ev = nxlogEvent(obj, raw, opts);
        if (typeof ev === "string") skip(line, ev);
        else emit(ev);
      },
      skip,
    );
  },
};
