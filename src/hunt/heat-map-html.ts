/**
 * The ATT&CK matrix heat map: one column per tactic (matrix order), a cell per technique that
 * fired under it, shaded by its number of results. Tactics come from the offline table
 * (attack-matrix.ts); techniques it does not know go to an "Unmapped" column.
 */
import { TACTICS } from "./attack-matrix.js";
import { escapeHtml } from "./escape-html.js";
import type { HuntNotable } from "./hunt-types.js";
import { tacticsOf, techniqueName } from "./tactics-of.js";

/** Background from pale yellow (few results) to dark red (the most), on a log scale. */
export function heatColor(value: number, max: number): string {
  const f = max <= 1 ? 1 : Math.log(1 + value) / Math.log(1 + max);
  const from = [255, 243, 176];
  const to = [158, 42, 43];
  const c = from.map((a, i) => Math.round(a + ((to[i] as number) - a) * f));
  return `rgb(${c.join(",")})`;
}

export function heatMapHtml(notables: readonly HuntNotable[]): string {
  const counts = new Map<string, { results: number; detections: Set<string> }>();
  for (const n of notables) {
    for (const raw of n.detection.mitreAttackIds ?? []) {
      const id = raw.trim().toUpperCase();
      const e = counts.get(id) ?? { results: 0, detections: new Set<string>() };
      e.results++;
      e.detections.add(n.detection.name);
      counts.set(id, e);
    }
  }
  if (counts.size === 0) return `<p class="muted">No detection with an ATT&amp;CK technique fired.</p>`;
  const max = Math.max(...[...counts.values()].map((e) => e.results));
  const columns = [...TACTICS.map((t) => ({ name: t.name, id: t.id })), { name: "Unmapped", id: "" }];
  const cell = (id: string) => {
    const e = counts.get(id) as { results: number; detections: Set<string> };
    const dark = e.results / max > 0.45;
    const title = `${id} ${techniqueName(id)}: ${e.results} result(s) from ${[...e.detections].join("; ")}`;
    return `<div class="tech" style="background:${heatColor(e.results, max)};${dark ? "color:#fff" : ""}" title="${escapeHtml(title)}"><b>${escapeHtml(id)}</b> ${escapeHtml(techniqueName(id))}<br><span>${e.results} result(s), ${e.detections.size} detection(s)</span></div>`;
  };
  const html = columns.map((col) => {
    const ids = [...counts.keys()].filter((id) => (col.id === "" ? tacticsOf(id).length === 0 : tacticsOf(id).some((t) => t.id === col.id)));
    if (ids.length === 0) return "";
    ids.sort((a, b) => (counts.get(b)?.results ?? 0) - (counts.get(a)?.results ?? 0) || a.localeCompare(b));
    return `<div class="tactic"><h3>${escapeHtml(col.name)}${col.id ? ` <span style="opacity:.6">${col.id}</span>` : ""}</h3>${ids.map(cell).join("")}</div>`;
  });
  return `<div class="matrix" id="heatmap">${html.join("")}</div>`;
}
