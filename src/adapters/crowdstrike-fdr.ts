/**
 * CrowdStrike Falcon Data Replicator events (`crowdstrike:events:sensor`, cim-mapping.md §4):
 * JSON lines (or one JSON object) carrying `event_simpleName`. Every key becomes a field; the
 * Splunk Add-on for CrowdStrike FDR's CIM mapping is in ta-crowdstrike-fdr.ts.
 */
import type { Adapter, IngestOptions } from "./types.js";
import type { EventInput } from "../store/event-store.js";
import { append, newFields, RESERVED, set } from "./fields.js";
import { forEachJsonLine, scalarText, type JsonObject } from "./json-lines.js";
import { crowdstrikeTa } from "./ta-crowdstrike-fdr.js";

export const FDR_SOURCETYPE = "crowdstrike:events:sensor";

export function isFdrObject(obj: JsonObject): boolean {
  return typeof obj.event_simpleName === "string";
}

/** One FDR object → event, or the reason it is skipped. */
export function fdrEvent(obj: JsonObject, raw: string, opts: IngestOptions): EventInput | string {
  const stamp = scalarText(obj.timestamp) ?? "";
  // FDRPY: _time = timestamp / 1000 for this sourcetype (§4.3; UNVERIFIED citation).
  if (!/^\d+(\.\d+)?$/.test(stamp)) return "no numeric `timestamp` (ms epoch)";
  const ms = Number(stamp);
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
  return { time: ms / 1000, fields: f };
}

export const crowdstrikeFdr: Adapter = {
  name: "crowdstrike-fdr",
  detect(head: string): boolean {
    return /"event_simpleName"\s*:/.test(head.slice(0, 4096)) && /^\uFEFF?\s*[{[]/.test(head);
  },
  parse(text, _file, opts, emit, skip): void {
    forEachJsonLine(
      text,
      ({ obj, raw, line }) => {
        if (!isFdrObject(obj)) return skip(line, "not a CrowdStrike FDR event (no event_simpleName)");
        const ev = fdrEvent(obj, raw, opts);
        if (typeof ev === "string") skip(line, ev);
        else emit(ev);
      },
      skip,
    );
  },
};
