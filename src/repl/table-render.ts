/**
 * The REPL's result table: fitted to the terminal width (long cells end in an ellipsis, nothing
 * ever wraps), a multivalue cell shown as Splunk's results table shows it, one value per line
 * inside the cell (the CLI's table does the same: src/output/cell-text.ts cellLines), `_time` as
 * Splunk Web shows it in the session's zone, and the header in bold when colors are on.
 * A search that ends in events is shown as the CLI shows it, as events (src/output/events-view.ts).
 */
import {
  cellLines, ChunkWriter, clip, collect, endsInEvents, MAX_CELL_WIDTH, toCsv, toNdjson, uiTime, writeEventsView, writeJson, TIME_FIELD,
  type Command, type Table, type Value, type Writer,
} from "../index.js";

export interface RenderOptions {
  /** Terminal columns; Infinity when not a terminal (cells are then cut only at MAX_CELL_WIDTH). */
  readonly width: number;
  readonly color: boolean;
  /** The zone `_time` is shown in (`--tz`); default UTC. */
  readonly tz?: string;
}

/** The most events the REPL prints of a search that ends in events (as `minispl search` on a terminal). */
export const REPL_MAX_EVENTS = 100;

const BOLD = "\u001b[1m";
const DIM = "\u001b[2m";
const RESET = "\u001b[0m";
const MIN_COL = 4;

export { cellLines };

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
  const tz = opts.tz ?? "UTC";
  const at = (c: number, i: number): Value => {
    const v = cols[c]?.[i] ?? null;
    return fields[c] === TIME_FIELD && typeof v === "number" ? uiTime(v, tz) : v;
  };
  const cell = (c: number, i: number): string[] => cellLines(at(c, i));
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

/**
 * A search's result in the REPL's format: JSON/NDJSON/CSV as the CLI prints them (`_time` as ISO in
 * JSON, as Splunk Web shows it in CSV), else the events view for a search that ends in events
 * (`commands`: its checked pipeline; at most REPL_MAX_EVENTS, `cut` when the search was limited to
 * one more than that) and the table for any other.
 */
export function renderResult(
  t: Table, commands: readonly Command[], opts: RenderOptions & { readonly format: "table" | "json" | "csv" | "ndjson"; readonly cut?: boolean },
): string {
  const time = { tz: opts.tz ?? "UTC" };
  if (opts.format === "json") return collect((out) => writeJson(t, out, time));
  if (opts.format === "ndjson") return toNdjson(t, time);
  if (opts.format === "csv") return toCsv(t, time);
  if (endsInEvents(commands) && t.length > 0) {
    return collect((out) => writeEventsView(t, out, { width: opts.width, time, maxEvents: REPL_MAX_EVENTS, cut: opts.cut === true, color: opts.color }));
  }
  return t.fields.length > 0 ? `${renderTable(t, opts)}\n` : "";
}

/** The rows renderResult prints: at most REPL_MAX_EVENTS of a search that ends in events, shown as a table. */
export function shownRows(t: Table, commands: readonly Command[], format: "table" | "json" | "csv" | "ndjson"): number {
  return format === "table" && endsInEvents(commands) ? Math.min(t.length, REPL_MAX_EVENTS) : t.length;
}
