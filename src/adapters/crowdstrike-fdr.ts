/**
 * CrowdStrike Falcon Data Replicator events (`crowdstrike:events:sensor`, cim-mapping.md §4):
 * JSON lines (or one JSON object) carrying `event_simpleName`. Every key becomes a field; the
 * Splunk Add-on for CrowdStrike FDR's CIM mapping is in ta-crowdstrike-fdr.ts.
 */
import type { IngestOptions } from "./types.js";
import type { EventInput } from "../store/event-store.js";
import type { LogFormat } from "./log-format.js";
import type { HandlerContext } from "./stream-types.js";
import { append, newFields, RESERVED, set } from "./fields.js";
import { scalarText, type JsonLine, type JsonObject } from "./json-lines.js";
import { jsonHandler } from "./json-stream.js";
import { crowdstrikeTa } from "./ta-crowdstrike-fdr.js";

export const FDR_SOURCETYPE = "crowdstrike:events:sensor";
export const FDR_FORMAT = "crowdstrike-fdr";

export function isFdrObject(obj: JsonObject): boolean {
  return typeof obj.event_simpleName === "string";
}

/**
 * One FDR object → event, or the reason it is skipped. `fallbackTime` (epoch seconds) is used when
 * the event has no time field at all: the caller passes the previous event's time in the same file,
 * else the file's modification time (Splunk's timestamp precedence, see `fdrTime`).
 */
export function fdrEvent(obj: JsonObject, raw: string, opts: IngestOptions, fallbackTime?: number): EventInput | string {
  const time = fdrTime(obj, fallbackTime);
  if (typeof time === "string") return time;
  const f = newFields();
  f._raw = raw;
  f.source = opts.source ?? "crowdstrike";
  f.sourcetype = opts.sourcetype ?? FDR_SOURCETYPE;
  f.index = opts.index ?? "main";
  for (const key in obj) {
    if (RESERVED.has(key)) continue;
    const v = obj[key];
    const items = Array.isArray(v) ? v : [v];
    for (const item of items) {
      const text = typeof item === "object" && item !== null ? JSON.stringify(item) : scalarText(item);
      if (text) append(f, key, text);
    }
  }
  crowdstrikeTa(f);
  // Splunk's host is the FDR input's host; minispl uses the sensor's name when the event has one.
  set(f, "host", opts.host ?? scalarText(obj.ComputerName) ?? scalarText(obj.aid_computer_name));
  return { time, fields: f };
}

const NUMBER = /^\d+(\.\d+)?$/;

/**
 * `_time`: `timestamp`/1000 (FDRPY, §4.3). A `timestamp` that is present but not a number marks
 * a corrupt record, which is skipped. Without the key, the next best time the event carries:
 * `ProcessStartTime`, then `ContextTimeStamp` (both epoch seconds, §4.4); then, as Splunk does for
 * events without a timestamp, the previous event's time from the same source, else the file's
 * modification time (minispl choice; hand-edited Panther test events lack all three fields).
 */
function fdrTime(obj: JsonObject, fallback: number | undefined): number | string {
  if (obj.timestamp !== undefined) {
    const stamp = scalarText(obj.timestamp) ?? "";
    return NUMBER.test(stamp) ? Number(stamp) / 1000 : "no numeric `timestamp` (ms epoch)";
  }
  for (const key of ["ProcessStartTime", "ContextTimeStamp"]) {
    const t = scalarText(obj[key]) ?? "";
    if (NUMBER.test(t)) return Number(t);
  }
  return fallback ?? "no time field (timestamp, ProcessStartTime, ContextTimeStamp) and no earlier event or file time";
}

/**
 * Reads FDR objects of one file. It keeps the file's last event time: Splunk's timestamp
 * precedence gives an event without a time the previous event's from the same source.
 */
export function fdrObjects(ctx: HandlerContext): (l: JsonLine) => void {
  let lastTime: number | undefined;
  return ({ obj, raw, line }) => {
    if (!isFdrObject(obj)) return ctx.skip(line, "not a CrowdStrike FDR event (no event_simpleName)");
    const ev = fdrEvent(obj, raw, ctx.opts, lastTime ?? ctx.fileTime);
    if (typeof ev === "string") return ctx.skip(line, ev);
    lastTime = ev.time;
    ctx.emit(ev, FDR_FORMAT);
  };
}

/** Only the sourcetype selects FDR alone; FDR content is recognised by json-events.ts (it may mix with NXLog). */
export const crowdstrikeFdr: LogFormat = {
  name: FDR_FORMAT,
  forcedBy: { sourcetypes: [FDR_SOURCETYPE] },
  open: (ctx) => jsonHandler(ctx, fdrObjects(ctx)),
};
