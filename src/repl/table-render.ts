/**
 * The REPL's result table: fitted to the terminal width (long cells end in an ellipsis, nothing
 * ever wraps), a multivalue cell shown as Splunk's results table shows it, one value per line
 * inside the cell, and the header in bold when colors are on.
 */
import { toText, type Table, type Value } from "../index.js";

export interface RenderOptions {
  /** Terminal columns; Infinity when not a terminal (cells are then never cut). */
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
  const one = (x: string | number) => (toText(x) ?? "").replace(/\s*[\r\n]+\s*/g, " ");
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

export function clip(s: string, w: number): string {
  return s.length <= w ? s : `${s.slice(0, Math.max(0, w - 1))}…`;
}

/** The table as text lines (no trailing newline); empty when the table has no fields. */
export function renderTable(t: Table, opts: RenderOptions): string {
  const fields = t.fields;
  if (fields.length === 0) return "";
  const rows = Array.from({ length: t.length }, (_, i) => fields.map((f) => cellLines(t.get(f, i))));
  const natural = fields.map((f, c) => Math.max(f.length, ...rows.map((r) => Math.max(...(r[c] ?? [""]).map((s) => s.length)))));
  // Each column costs its width plus " | " between columns and "| " / " |" at the edges.
  const widths = Number.isFinite(opts.width) ? fitWidths(natural, opts.width - (fields.length * 3 + 1)) : natural;
  const paint = (s: string, code: string) => (opts.color ? `${code}${s}${RESET}` : s);
  const line = (vals: readonly string[]) => `| ${vals.map((v, c) => clip(v, widths[c] ?? MIN_COL).padEnd(widths[c] ?? MIN_COL)).join(" | ")} |`;
  const rule = paint(`+${widths.map((w) => "-".repeat(w + 2)).join("+")}+`, DIM);
  const out = [rule, opts.color ? line(fields.map((f) => f)).replace(/[^|]+/g, (m) => paint(m, BOLD)) : line(fields), rule];
  for (const r of rows) {
    const height = Math.max(...r.map((cell) => cell.length));
    for (let k = 0; k < height; k++) out.push(line(r.map((cell) => cell[k] ?? "")));
  }
  out.push(rule);
  return out.join("\n");
}

/** `3 results` or `1 result`, with the elapsed time when given. */
export function footer(rows: number, elapsedMs: number | null): string {
  const count = `${rows} result${rows === 1 ? "" : "s"}`;
  return elapsedMs === null ? count : `${count} (${(elapsedMs / 1000).toFixed(3)} s)`;
}
