/** JSON rows (a multivalue field as an array, `_time` as ISO-8601): one array, or one object per line (NDJSON). */
import type { Table } from "../table/table.js";
import { JsonArrayWriter } from "./json-array-writer.js";
import { jsonRow } from "./json-row.js";
import { UTC_DISPLAY, type TimeDisplay } from "./time-display.js";
import { ChunkWriter, type Writer } from "./writer.js";

/** The rows as a pretty-printed JSON array and a newline. */
export function writeJson(t: Table, out: Writer, time: TimeDisplay = UTC_DISPLAY): void {
  const a = new JsonArrayWriter(out);
  for (let i = 0; i < t.length; i++) a.add(jsonRow(t, i, time));
  a.end();
}

/** One JSON object per row, each on its own line (NDJSON), so a consumer can stream the rows. */
export function writeNdjson(t: Table, out: Writer, time: TimeDisplay = UTC_DISPLAY): void {
  const w = new ChunkWriter(out);
  for (let i = 0; i < t.length; i++) {
    w.write(JSON.stringify(jsonRow(t, i, time)));
    w.write("\n");
  }
  w.end();
}
