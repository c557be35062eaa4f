/**
 * Notables as text (the CLI's table format): one block per notable, risk events one line each,
 * drilldowns with their search, time range and results table. Times (a row's `_time`, a
 * drilldown's range, its results' `_time`) are shown as the results table shows them
 * (`2019-04-03 18:11:59.000`, output/time-display.ts) in the `--tz` zone. JSON output is the
 * Notable objects themselves (epoch seconds, as the library keeps them).
 */
import { Table } from "../table/table.js";
import { toTextTable, uiTime, UTC_DISPLAY, type TimeDisplay } from "../output/format.js";
import { TIME_FIELD, timeValue } from "../output/time-display.js";
import { formatNumber, toText, type Value } from "../values/value.js";
import type { DrilldownResult, Notable } from "./notables.js";

const text = (v: Value): string => (v === null ? "" : Array.isArray(v) ? v.map((x) => toText(x) ?? "").join(", ") : (toText(v as string | number) ?? ""));

/** A range end in the zone, or the open end's mark. */
const at = (t: number | null, open: string, tz: string): string => (t === null ? open : uiTime(t, tz));

export function formatNotable(n: Notable, width = 160, time: TimeDisplay = UTC_DISPLAY): string {
  const lines = [`== ${n.search_name}`, `message: ${n.message}`];
  const field = (k: string, v: Value) => text(k === TIME_FIELD ? timeValue(v, uiTime, time.tz) : v);
  lines.push(`fields: ${Object.entries(n.fields).map(([k, v]) => `${k}=${field(k, v)}`).join(" ")}`);
  for (const r of n.risk) lines.push(`risk: ${r.risk_object} (${r.risk_object_type}) score ${formatNumber(r.risk_score)}`);
  for (const d of n.drilldowns) lines.push(...formatDrilldown(d, width, time));
  return `${lines.join("\n")}\n`;
}

function formatDrilldown(d: DrilldownResult, width: number, time: TimeDisplay): string[] {
  const out = [`drilldown: ${d.name}`, `  search: ${d.search}`, `  time: ${at(d.earliest, "-inf", time.tz)} .. ${at(d.latest, "+inf", time.tz)}${time.tz === "UTC" ? " UTC" : ` (${time.tz})`}`];
  for (const note of d.notes) out.push(`  note: ${note}`);
  if (d.results === null) return [...out, "  (the search failed)"];
  const t = Table.fromRows(d.results);
  if (t.length > 0) out.push(toTextTable(t, width, time).replace(/^/gm, "  "));
  out.push(`  ${t.length} result${t.length === 1 ? "" : "s"}`);
  return out;
}

export function formatNotables(ns: readonly Notable[], width = 160, time: TimeDisplay = UTC_DISPLAY): string {
  if (ns.length === 0) return "0 notables\n";
  return `${ns.map((n) => formatNotable(n, width, time)).join("\n")}\n${ns.length} notable${ns.length === 1 ? "" : "s"}\n`;
}
