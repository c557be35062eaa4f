/**
 * NXLog `im_msvistalog` JSON (OTRF, Attack Range; datasets.md §4.6–4.9) and OTRF's flatter export
 * (§4.8), normalised into the WinRecord the XML scanner produces so the same add-on code runs:
 * a Sysmon EID 1 or a 4688 gives identical CIM fields from either format.
 */
import type { IngestOptions } from "./types.js";
import type { EventInput } from "../store/event-store.js";
import type { LogFormat } from "./log-format.js";
import type { HandlerContext } from "./stream-types.js";
import { append, newFields, type Fields } from "./fields.js";
import { scalarText, type JsonLine, type JsonObject } from "./json-lines.js";
import { jsonHandler } from "./json-stream.js";
import { winEvent } from "./win-event.js";
import { parseUtc } from "./win-time.js";
import { NXLOG_DROPPED, NXLOG_SEVERITIES, nxlogSystem } from "./nxlog-system.js";

export const NXLOG_FORMAT = "nxlog-json";

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

/** Reads NXLog objects of one file; `notMine` is the reason an object that is not one is skipped. */
export function nxlogObjects(ctx: HandlerContext, notMine = "not an NXLog Windows event (no EventID/Channel)"): (l: JsonLine) => void {
  return ({ obj, raw, line }) => {
    if (!isNxlogObject(obj)) return ctx.skip(line, notMine);
    const ev = nxlogEvent(obj, raw, ctx.opts);
    if (typeof ev === "string") ctx.skip(line, ev);
    else ctx.emit(ev, NXLOG_FORMAT);
  };
}

/**
 * NXLog events are Windows events, so a forced `XmlWinEventLog`/`WinEventLog` on JSON content
 * selects this reader (the XML scanner would only skip every line). Unforced NXLog content is
 * recognised by json-events.ts, which may meet FDR lines in the same file.
 */
export const nxlogJson: LogFormat = {
  name: NXLOG_FORMAT,
  forcedBy: { sourcetypes: ["xmlwineventlog", "wineventlog"], content: "json" },
  open: (ctx) => jsonHandler(ctx, nxlogObjects(ctx)),
};
