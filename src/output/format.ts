/**
 * Result rendering: JSON rows (a multivalue field as an array), CSV (multivalue joined by newline,
 * as Splunk exports it), a terminal table fitted to a width (long cells end in an ellipsis,
 * multivalue cells stacked) and the events view (events-view.ts); `_time` as Splunk shows it
 * (time-display.ts).
 * The write* printers stream to a Writer in bounded chunks (what the CLI uses); the to* functions
 * return the same text as one string, for small results and the library API.
 */
import type { Table } from "../table/table.js";
import type { Value } from "../values/value.js";
import { writeCsv } from "./csv.js";
import { writeNdjson } from "./json.js";
import { writeTextTable } from "./text-table.js";
import { UTC_DISPLAY, type TimeDisplay } from "./time-display.js";
import { collect } from "./writer.js";

export { cellLines, cellText, clip, MAX_CELL_WIDTH, oneLine } from "./cell-text.js";
export { writeEventsView, listedFields, MAX_RAW_CHARS, type EventsViewOptions } from "./events-view.js";
export { jsonRow } from "./json-row.js";
export { isoTime, uiTime, TIME_FIELD, UTC_DISPLAY, type TimeDisplay } from "./time-display.js";
export { csvHeader, writeCsv } from "./csv.js";
export { JsonArrayWriter } from "./json-array-writer.js";
export { writeJson, writeNdjson } from "./json.js";
export { writeTextTable } from "./text-table.js";
export { fdWriter } from "./fd-writer.js";
export { ChunkWriter, CHUNK_UNITS, collect, type Writer } from "./writer.js";

export function toJsonRows(t: Table): Record<string, Value>[] {
  return t.rows();
}

/** One JSON object per row, each on its own line (NDJSON), so a consumer can stream the rows. */
export function toNdjson(t: Table, time: TimeDisplay = UTC_DISPLAY): string {
  return collect((out) => writeNdjson(t, out, time));
}

export function toCsv(t: Table, time: TimeDisplay = UTC_DISPLAY): string {
  return collect((out) => writeCsv(t, out, time));
}

/** A boxed text table no wider than `width` (columns shrink proportionally; cells end in …). */
export function toTextTable(t: Table, width = 160, time: TimeDisplay = UTC_DISPLAY): string {
  // writeTextTable ends every line in a newline; this string never had the last one.
  return collect((out) => writeTextTable(t, width, out, time)).slice(0, -1);
}
