/**
 * A search's result as the web UI lays it out (Splunk's search page): the first rows, each
 * field's top values over all results (the events tab's sidebar), a histogram of `_time` (the
 * timeline), and whether the table is a chart (timechart/chart: the visualization tab). Built in
 * the engine's worker, so only what the page shows crosses to the server.
 */
import { endsInEvents, TIME_FIELD, uiTime, type RunResult, type Table, type Value } from "../index.js";
import type { CellValue, FieldSummary, SearchResultView, TimelineBucket, WebDiagnostic } from "./api.js";
import { toWebDiagnostic } from "./web-diagnostic.js";

/** Rows a result carries (charts and notables use them); the tables page through the rest (`rowSlice`). */
export const SHOWN_ROWS = 500;
/** Results the sidebar's counts are taken over (the first ones); Splunk also samples. */
const SUMMARY_ROWS = 100_000;
const TOP_VALUES = 10;
const SIDEBAR_FIELDS = 60;
/** Timeline spans Splunk picks from (seconds): the smallest giving at most MAX_BUCKETS bars. */
const SPANS = [1, 10, 60, 300, 1800, 3600, 4 * 3600, 86400, 7 * 86400, 30 * 86400, 365 * 86400];
const MAX_BUCKETS = 120;

export function resultView(result: RunResult, tz: string, elapsedMs: number): SearchResultView {
  const diagnostics = result.diagnostics.map((d) => toWebDiagnostic(d, result.sources));
  const t = result.table;
  const ok = t !== null && !result.diagnostics.some((d) => d.severity === "error");
  if (!t || !ok) return failedView(diagnostics, elapsedMs);
  const events = endsInEvents(result.commands);
  const fields = events ? eventFieldOrder(t.fields) : [...t.fields];
  const { rows, times } = rowSlice(t, fields, tz, 0, SHOWN_ROWS);
  const timeCol = t.column(TIME_FIELD);
  const chart = !events && isChart(t);
  const last = result.commands[result.commands.length - 1]?.kind;
  return {
    fields, rows, times, total: t.length, events, chart,
    view: events ? "events" : chart && (last === "timechart" || last === "chart") ? "visualization" : "statistics",
    summary: events ? summarize(t) : [], timeline: events && timeCol ? timeline(timeCol) : null,
    diagnostics, ok: true, elapsedMs,
  };
}

/**
 * Rows `offset` … `offset + count - 1` of a table (fewer at its end), in the view's field order and
 * with `_time` as Splunk Web shows it, plus each row's `_time` in epoch seconds.
 */
export function rowSlice(t: Table, fields: readonly string[], tz: string, offset: number, count: number): { rows: Record<string, CellValue>[]; times: (number | null)[] } {
  const end = Math.min(t.length, offset + count);
  const timeCol = t.column(TIME_FIELD);
  const rows: Record<string, CellValue>[] = [];
  const times: (number | null)[] = [];
  for (let i = offset; i < end; i++) {
    const row: Record<string, CellValue> = {};
    for (const f of fields) {
      const v = t.get(f, i);
      if (v !== null) row[f] = f === TIME_FIELD && typeof v === "number" ? uiTime(v, tz) : cell(v);
    }
    rows.push(row);
    const at = timeCol?.[i];
    times.push(typeof at === "number" ? at : null);
  }
  return { rows, times };
}

/** A table row as the engine has it (no time formatting), JSON-safe: what a drilldown is filled from. */
export function rawRow(t: Table, i: number): Record<string, CellValue> {
  const row: Record<string, CellValue> = {};
  for (const f of t.fields) {
    const v = t.get(f, i);
    if (v !== null) row[f] = cell(v);
  }
  return row;
}

/** A search that gave no table: only its diagnostics. */
export function failedView(diagnostics: readonly WebDiagnostic[], elapsedMs = 0): SearchResultView {
  return { fields: [], rows: [], times: [], total: 0, events: false, chart: false, view: "statistics", summary: [], timeline: null, diagnostics, ok: false, elapsedMs };
}

/** `_time` and `_raw` first, as Splunk's events list shows them; the rest as they come. */
function eventFieldOrder(fields: readonly string[]): string[] {
  const first = [TIME_FIELD, "_raw"].filter((f) => fields.includes(f));
  return [...first, ...fields.filter((f) => !first.includes(f))];
}

/** JSON-safe: non-finite numbers (NaN, ±Infinity) as text. */
function cell(v: Exclude<Value, null>): CellValue {
  if (typeof v === "number") return Number.isFinite(v) ? v : String(v);
  if (Array.isArray(v)) return v.map((x) => (typeof x === "number" && !Number.isFinite(x) ? String(x) : x));
  return v as string | boolean;
}

/** A chart: `_time` (timechart) or a first column (chart) followed by numeric columns. */
function isChart(t: Table): boolean {
  if (t.length < 2 || t.fields.length < 2) return false;
  const series = t.fields.slice(1).filter((f) => !f.startsWith("_"));
  if (series.length === 0) return false;
  return series.every((f) => (t.column(f) ?? []).every((v) => v === null || typeof v === "number" || (typeof v === "string" && v !== "" && Number.isFinite(Number(v)))));
}

function summarize(t: Table): FieldSummary[] {
  const n = Math.min(t.length, SUMMARY_ROWS);
  const out: FieldSummary[] = [];
  for (const field of t.fields) {
    if (field === "_raw" || field === TIME_FIELD) continue;
    const col = t.column(field);
    if (!col) continue;
    const counts = new Map<string, number>();
    let count = 0;
    for (let i = 0; i < n; i++) {
      const v = col[i];
      if (v === null || v === undefined || v === "") continue;
      count++;
      for (const x of Array.isArray(v) ? v : [v]) counts.set(String(x), (counts.get(String(x)) ?? 0) + 1);
    }
    if (count === 0) continue;
    const top = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, TOP_VALUES).map(([value, c]) => ({ value, count: c }));
    out.push({ field, count, distinct: counts.size, top });
  }
  // Fields most events have first, as Splunk's "interesting fields".
  return out.sort((a, b) => b.count - a.count || (a.field < b.field ? -1 : 1)).slice(0, SIDEBAR_FIELDS);
}

function timeline(col: readonly Value[]): { span: number; buckets: TimelineBucket[] } | null {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const v of col) {
    if (typeof v !== "number" || !Number.isFinite(v)) continue;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (min > max) return null;
  const span = SPANS.find((s) => (Math.floor(max / s) - Math.floor(min / s)) < MAX_BUCKETS) ?? (SPANS[SPANS.length - 1] as number);
  const first = Math.floor(min / span);
  const counts = new Array<number>(Math.floor(max / span) - first + 1).fill(0);
  for (const v of col) if (typeof v === "number" && Number.isFinite(v)) counts[Math.floor(v / span) - first]! += 1;
  return { span, buckets: counts.map((count, i) => ({ start: (first + i) * span, count })) };
}
