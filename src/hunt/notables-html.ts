/**
 * The notables section: one collapsible block per detection that fired (most results first), its
 * first notables with message, time, fields, risk events and each drilldown's search and results.
 * Written through `write` one detection at a time, so a hunt with many results never becomes one
 * huge string; past `perDetection` notables a line counts the rest (they are in the timeline).
 */
import type { DrilldownResult } from "../notables/index.js";
import { toText, type Value } from "../values/value.js";
import { escapeHtml } from "./escape-html.js";
import type { HuntNotable } from "./hunt-types.js";

const MAX_ROWS = 20;
const MAX_COLS = 14;
const text = (v: Value | undefined): string => (v === null || v === undefined ? "" : Array.isArray(v) ? v.map((x) => toText(x) ?? "").join("\n") : (toText(v as string | number) ?? ""));
const iso = (t: number | null) => (t === null ? "" : new Date(Math.round(t * 1000)).toISOString().replace(/\.000Z$/, "Z"));

/** Rows as an HTML table: the first MAX_COLS fields of the first MAX_ROWS rows. */
export function rowsTableHtml(rows: readonly Readonly<Record<string, Value>>[]): string {
  if (rows.length === 0) return `<p class="muted">0 results</p>`;
  const cols = [...new Set(rows.slice(0, MAX_ROWS).flatMap((r) => Object.keys(r)))].slice(0, MAX_COLS);
  const body = rows.slice(0, MAX_ROWS).map((r) => `<tr>${cols.map((c) => `<td class="wrap">${escapeHtml(text(r[c]))}</td>`).join("")}</tr>`).join("");
  const more = rows.length > MAX_ROWS ? `<p class="muted">${rows.length - MAX_ROWS} more row(s)</p>` : "";
  return `<table><thead><tr>${cols.map((c) => `<th>${escapeHtml(c)}</th>`).join("")}</tr></thead><tbody>${body}</tbody></table>${more}`;
}

/** A drilldown's time range; earliest 0 is Splunk's "all time" (notables' ALL_TIME), not 1970. */
function timeRange(d: DrilldownResult): string {
  const from = d.earliest ? iso(d.earliest) : "";
  const to = iso(d.latest);
  return from || to ? `${from || "-inf"} .. ${to || "+inf"}` : "all time";
}

function drilldownHtml(d: DrilldownResult): string {
  const notes = d.notes.map((n) => `<div class="muted">note: ${escapeHtml(n)}</div>`).join("");
  const results = d.results === null ? `<p class="muted">the drilldown search failed</p>` : rowsTableHtml(d.results);
  return `<div class="drilldown"><b>Drilldown: ${escapeHtml(d.name)}</b> <span class="muted">${escapeHtml(timeRange(d))}</span><pre>${escapeHtml(d.search)}</pre>${notes}${results}</div>`;
}

function notableHtml(n: HuntNotable): string {
  const fields = Object.entries(n.fields).map(([k, v]) => `<tr><th>${escapeHtml(k)}</th><td class="wrap">${escapeHtml(text(v))}</td></tr>`).join("");
  const risk = n.risk.map((r) => `<li>${escapeHtml(r.risk_object)} (${escapeHtml(r.risk_object_type)}) +${r.risk_score}</li>`).join("");
  const dd = n.drilldowns === null ? ((n.detection.drilldowns ?? []).length > 0 ? `<p class="muted">drilldowns not run for this notable (see --drilldowns)</p>` : "") : n.drilldowns.map(drilldownHtml).join("");
  return `<details class="notable"><summary>${escapeHtml(iso(n.time))} — ${escapeHtml(n.message)}</summary>
<table class="fields">${fields}</table>${risk ? `<p>Risk events:</p><ul>${risk}</ul>` : ""}${dd}</details>`;
}

export function writeNotablesHtml(notables: readonly HuntNotable[], write: (s: string) => void, perDetection = 25): void {
  const groups = new Map<string, HuntNotable[]>();
  for (const n of notables) {
    const g = groups.get(n.search_name);
    if (g) g.push(n);
    else groups.set(n.search_name, [n]);
  }
  if (groups.size === 0) write(`<p class="muted">No notables.</p>`);
  for (const g of [...groups.values()].sort((a, b) => b.length - a.length)) {
    const det = (g[0] as HuntNotable).detection;
    write(`<details class="detection"><summary>${escapeHtml(det.name)} — ${g.length} result(s), risk score ${det.riskScore ?? 0}, ${escapeHtml((det.mitreAttackIds ?? []).join(", "))}</summary>`);
    write(`<p class="muted">${escapeHtml(det.file)}</p>`);
    for (const n of g.slice(0, perDetection)) write(notableHtml(n));
    if (g.length > perDetection) write(`<p class="muted">${g.length - perDetection} more notable(s) of this detection are in the timeline.</p>`);
    write(`</details>`);
  }
}
