/**
 * Notables as text (the CLI's table/csv formats): one block per notable, risk events one line
 * each, drilldowns with their search, time range and results table. JSON output is the Notable
 * objects themselves.
 */
import { Table } from "../table/table.js";
import { toTextTable } from "../output/format.js";
import { formatNumber, toText, type Value } from "../values/value.js";
import type { DrilldownResult, Notable } from "./notables.js";

const text = (v: Value): string => (v === null ? "" : Array.isArray(v) ? v.map((x) => toText(x) ?? "").join(", ") : (toText(v as string | number) ?? ""));

const iso = (t: number | null, open: string): string => (t === null ? open : new Date(t * 1000).toISOString().replace(".000Z", "Z"));

export function formatNotable(n: Notable, width = 160): string {
  const lines = [`== ${n.search_name}`, `message: ${n.message}`];
  lines.push(`fields: ${Object.entries(n.fields).map(([k, v]) => `${k}=${text(v)}`).join(" ")}`);
  for (const r of n.risk) lines.push(`risk: ${r.risk_object} (${r.risk_object_type}) score ${formatNumber(r.risk_score)}`);
  for (const d of n.drilldowns) lines.push(...formatDrilldown(d, width));
  return `${lines.join("\n")}\n`;
}

function formatDrilldown(d: DrilldownResult, width: number): string[] {
  const out = [`drilldown: ${d.name}`, `  search: ${d.search}`, `  time: ${iso(d.earliest, "-inf")} .. ${iso(d.latest, "+inf")}`];
  for (const note of d.notes) out.push(`  note: ${note}`);
  if (d.results === null) return [...out, "  (the search failed)"];
  const t = Table.fromRows(d.results);
  if (t.length > 0) out.push(toTextTable(t, width).replace(/^/gm, "  "));
  out.push(`  ${t.length} result${t.length === 1 ? "" : "s"}`);
  return out;
}

export function formatNotables(ns: readonly Notable[], width = 160): string {
  if (ns.length === 0) return "0 notables\n";
  return `${ns.map((n) => formatNotable(n, width)).join("\n")}\n${ns.length} notable${ns.length === 1 ? "" : "s"}\n`;
}
