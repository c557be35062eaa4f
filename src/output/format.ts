/**
 * Result rendering: JSON rows (a multivalue field as an array), CSV (multivalue joined by newline,
 * as Splunk exports it) and a terminal table fitted to a width (long cells end in an ellipsis).
 */
import type { Table } from "../executor/table.js";
import { toText, type Value } from "../values/value.js";

export function toJsonRows(t: Table): Record<string, Value>[] {
  return t.rows();
}

function cellText(v: Value, mvSep: string): string {
  if (v === null) return "";
  if (Array.isArray(v)) return v.map((x) => toText(x) ?? "").join(mvSep);
  return toText(v as string | number) ?? "";
}

/** One JSON object per row, each on its own line (NDJSON), so a consumer can stream the rows. */
export function toNdjson(t: Table): string {
  let out = "";
  for (let i = 0; i < t.length; i++) out += `${JSON.stringify(t.row(i))}\n`;
  return out;
}

export function toCsv(t: Table): string {
  const esc = (s: string) => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const lines = [t.fields.map(esc).join(",")];
  for (let i = 0; i < t.length; i++) lines.push(t.fields.map((f) => esc(cellText(t.get(f, i), "\n"))).join(","));
  return `${lines.join("\n")}\n`;
}

/** A boxed text table no wider than `width` (columns shrink proportionally; cells end in …). */
export function toTextTable(t: Table, width = 160): string {
  const fields = t.fields;
  if (fields.length === 0) return "";
  const cells = Array.from({ length: t.length }, (_, i) => fields.map((f) => cellText(t.get(f, i), " | ").replace(/\s*[\r\n]+\s*/g, " ")));
  const natural = fields.map((f, c) => Math.max(f.length, ...cells.map((r) => (r[c] ?? "").length)));
  const widths = fit(natural, width - (fields.length * 3 + 1));
  const line = (vals: readonly string[]) => `| ${vals.map((v, c) => clip(v, widths[c] ?? 1).padEnd(widths[c] ?? 1)).join(" | ")} |`;
  const rule = `+${widths.map((w) => "-".repeat(w + 2)).join("+")}+`;
  return [rule, line(fields), rule, ...cells.map(line), rule].join("\n");
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

function clip(s: string, w: number): string {
  return s.length <= w ? s : `${s.slice(0, Math.max(0, w - 1))}…`;
}
