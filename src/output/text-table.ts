/**
 * The boxed text table, printed row by row: a first pass measures every cell (keeping only the
 * widest length per column), the second writes each line cell by cell through a ChunkWriter.
 * A multivalue cell is stacked, one value per line, as in the REPL and Splunk Web; `_time` is
 * shown as Splunk Web shows it (time-display.ts).
 */
import type { Table } from "../table/table.js";
import { cellLines, clip, MAX_CELL_WIDTH } from "./cell-text.js";
import { displayColumn, UTC_DISPLAY, type TimeDisplay } from "./time-display.js";
import { ChunkWriter, type Writer } from "./writer.js";

/**
 * The table no wider than `width` (columns shrink proportionally; cells end in …), each line
 * ending in a newline; a table without fields is one empty line.
 */
export function writeTextTable(t: Table, width: number, out: Writer, time: TimeDisplay = UTC_DISPLAY): void {
  const w = new ChunkWriter(out);
  const fields = t.fields;
  if (fields.length === 0) {
    w.write("\n");
    w.end();
    return;
  }
  const cols = fields.map((f) => displayColumn(f, t.column(f), time));
  const cell = (c: number, i: number): string[] => cellLines(cols[c]?.(i) ?? null);
  const natural = fields.map((f) => f.length);
  for (let i = 0; i < t.length; i++) {
    for (let c = 0; c < fields.length; c++) for (const s of cell(c, i)) natural[c] = Math.max(natural[c] ?? 0, s.length);
  }
  // The cap comes after fitting so a table fitted to a terminal is laid out as before.
  const widths = fit(natural, width - (fields.length * 3 + 1)).map((n) => Math.min(n, MAX_CELL_WIDTH));
  const rule = `+${widths.map((n) => "-".repeat(n + 2)).join("+")}+\n`;
  const line = (cell: (c: number) => string): void => {
    for (let c = 0; c < widths.length; c++) {
      const n = widths[c] ?? 1;
      w.write(c === 0 ? "| " : " | ");
      w.write(clip(cell(c), n).padEnd(n));
    }
    w.write(" |\n");
  };
  w.write(rule);
  line((c) => fields[c] ?? "");
  w.write(rule);
  for (let i = 0; i < t.length; i++) {
    // One row's cells at a time; a row is as tall as its longest multivalue cell.
    const r = fields.map((_, c) => cell(c, i));
    const height = Math.max(...r.map((lines) => lines.length));
    for (let k = 0; k < height; k++) line((c) => r[c]?.[k] ?? "");
  }
  w.write(rule);
  w.end();
}

function fit(natural: readonly number[], budget: number): number[] {
  const total = natural.reduce((a, b) => a + b, 0);
  if (total <= budget) return [...natural];
  const min = 4;
  let out = natural.map((w) => Math.max(min, Math.floor((w * budget) / total)));
  // Give back to the columns that were shortest relative to their need, if room remains.
  let spare = budget - out.reduce((a, b) => a + b, 0);
  out = out.map((w, i) => {
    const want = (natural[i] ?? w) - w;
    const add = Math.max(0, Math.min(want, spare));
    spare -= add;
    return w + add;
  });
  return out;
}

