/**
 * CSV as Splunk exports it, written row by row: a multivalue field is one quoted cell with its
 * values joined by newlines (Splunk's own text form of a multivalue field, the one `nomv` gives:
 * https://help.splunk.com/splunk-cloud-platform/spl-search-reference/9.3.2408/search-commands/nomv),
 * and `_time` as Splunk Web shows it (time-display.ts) rather than epoch seconds.
 */
import type { Table } from "../table/table.js";
import { cellText } from "./cell-text.js";
import { displayColumn, UTC_DISPLAY, type TimeDisplay } from "./time-display.js";
import { ChunkWriter, type Writer } from "./writer.js";

/**
 * The table as CSV; `header: false` leaves out the header line (the rows of several tables written
 * under one header, e.g. `detect --format csv` over many detections, each projected onto it).
 */
export function writeCsv(t: Table, out: Writer, time: TimeDisplay = UTC_DISPLAY, opts: { header?: boolean } = {}): void {
  const w = new ChunkWriter(out);
  const fields = t.fields;
  const cols = fields.map((f) => displayColumn(f, t.column(f), time));
  if (opts.header !== false) {
    w.write(csvHeader(fields));
    w.write("\n");
  }
  for (let i = 0; i < t.length; i++) {
    for (let c = 0; c < cols.length; c++) {
      if (c > 0) w.write(",");
      w.write(csvField(cellText(cols[c]?.(i) ?? null, "\n")));
    }
    w.write("\n");
  }
  w.end();
}

/** The header line of these fields, without the line break. */
export function csvHeader(fields: readonly string[]): string {
  return fields.map(csvField).join(",");
}

function csvField(s: string): string {
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
