/** CSV as Splunk exports it (a multivalue field joined by newlines), written row by row. */
import type { Table } from "../table/table.js";
import { cellText } from "./cell-text.js";
import { ChunkWriter, type Writer } from "./writer.js";

export function writeCsv(t: Table, out: Writer): void {
  const w = new ChunkWriter(out);
  const fields = t.fields;
  const cols = fields.map((f) => t.column(f));
  w.write(fields.map(csvField).join(","));
  w.write("\n");
  for (let i = 0; i < t.length; i++) {
    for (let c = 0; c < cols.length; c++) {
      if (c > 0) w.write(",");
      w.write(csvField(cellText(cols[c]?.[i] ?? null, "\n")));
    }
    w.write("\n");
  }
  w.end();
}

function csvField(s: string): string {
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
