/**
 * The REPL's result table: fitted to the terminal width (long cells end in an ellipsis, nothing
 * ever wraps), a multivalue cell shown as Splunk's results table shows it, one value per line
 * inside the cell, and the header in bold when colors are on.
 */
import { ChunkWriter, clip, collect, MAX_CELL_WIDTH, oneLine, toText, type Table, type Value, type Writer } from "../index.js";

export interface RenderOptions {
  /** Terminal columns; Infinity when not a terminal (cells are then cut only at MAX_CELL_WIDTH). */
  readonly width: number;
  readonly color: boolean;
}

const BOLD = "\u001b[1m";
const DIM = "\u001b[2m";
const RESET = "\u001b[0m";
const MIN_COL = 4;

/** The lines of one cell: a multivalue field has one line per value. */
export function cellLines(v: Value): string[] {
  if (v === null) return [""];
  const one = (x: string | number) => oneLine(toText(x) ?? "");
  if (Array.isArray(v)) return v.length === 0 ? [""] : v.map(one);
  return [one(v as string | number)];
}

/** Column widths no wider than `budget` in total: wide columns give up room first. */
export function fitWidths(natural: readonly number[], budget: number): number[] {
  const out = [...natural];
  let total = out.reduce((a, b) => a + b, 0);
  while (total > budget) {
    let widest = -1;
    for (let i = 0; i < out.length; i++) if (widest < 0 || (out[i] ?? 0) > (out[widest] ?? 0)) widest = i;
    const w = out[widest] ?? 0;
    if (widest < 0 || w <= MIN_COL) break;
    // Cut the widest column down to the next-widest (one column at a time), so long cells give
    // up room before short ones lose any.
    const next = Math.max(MIN_COL, ...out.filter((_, i) => i !== widest));
    const target = Math.max(next, w - (total - budget), MIN_COL);
    out[widest] = target < w ? target : w - 1;
    total = out.reduce((a, b) => a + b, 0);
  }
  return out;
}

export { clip };

/** The table as text lines (no trailing newline); empty when the table has no fields. */
export function renderTable(t: Table, opts: RenderOptions): string {
  return collect((out) => writeTable(t, opts, out)).slice(0, -1);
}

/**
 * The table written row by row, each line ending in a newline (just "\n" without fields): a
 * first pass measures the cells, the second writes them, so the whole text is never one string.
 */
export function writeTable(t: Table, opts: RenderOptions, out: Writer): void {
  const w = new ChunkWriter(out);
  const fields = t.fields;
  if (fields.length === 0) {
    w.write("\n");
    w.end();
    return;
  }
  const cols = fields.map((f) => t.column(f));
  const cell = (c: number, i: number): string[] => cellLines(cols[c]?.[i] ?? null);
  const natural = fields.map((f) => f.length);
  for (let i = 0; i < t.length; i++) {
    for (let c = 0; c < fields.length; c++) for (const s of cell(c, i)) natural[c] = Math.max(natural[c] ?? 0, s.length);
  }
  // Each column costs its width plus " | " between columns and "| " / " |" at the edges. A cell is
  // never drawn wider than MAX_CELL_WIDTH (src/output/cell-text.ts says why), even when piped.
  const fitted = Number.isFinite(opts.width) ? fitWidths(natural, opts.width - (fields.length * 3 + 1)) : natural;
  const widths = fitted.map((n) => Math.min(n, MAX_CELL_WIDTH));
  const paint = (s: string, code: string) => (opts.color ? `${code}${s}${RESET}` : s);
  const line = (vals: readonly string[]) => `| ${vals.map((v, c) => clip(v, widths[c] ?? MIN_COL).padEnd(widths[c] ?? MIN_COL)).join(" | ")} |\n`;
  const rule = `${paint(`+${widths.map((n) => "-".repeat(n + 2)).join("+")}+`, DIM)}\n`;
  w.write(rule);
  w.write(opts.color ? line(fields).replace(/[^|\n]+/g, (m) => paint(m, BOLD)) : line(fields));
  w.write(rule);
  for (let i = 0; i < t.length; i++) {
    // One row's cells at a time: a line is at most columns × MAX_CELL_WIDTH wide.
    const r = fields.map((_, c) => cell(c, i));
    const height = Math.max(...r.map((lines) => lines.length));
    for (let k = 0; k < height; k++) w.write(line(r.map((lines) => lines[k] ?? "")));
  }
  w.write(rule);
  w.end();
}

/** `3 results` or `1 result`, with the elapsed time when given. */
export function footer(rows: number, elapsedMs: number | null): string {
  const count = `${rows} result${rows === 1 ? "" : "s"}`;
  return elapsedMs === null ? count : `${count} (${(elapsedMs / 1000).toFixed(3)} s)`;
}
