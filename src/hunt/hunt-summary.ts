/**
 * What `minispl hunt` prints: the detections that fired (most results first), the top risk
 * objects with their risk incident flags, and one line per detection that could not run with the
 * reason. `huntSummaryJson` is the same for `--format json`.
 */
import { writeTextTable } from "../output/format.js";
import { Table } from "../table/table.js";
import type { HuntRun } from "./hunt-types.js";
import type { RiskObjectSummary } from "./risk-by-object.js";

/** The summary as text, written through `write`; `width` is the terminal's. */
export function writeHuntSummary(run: HuntRun, risk: readonly RiskObjectSummary[], write: (s: string) => void, width = Number.POSITIVE_INFINITY, top = 10): void {
  const fired = run.detections.filter((d) => d.status === "fired").sort((a, b) => b.results - a.results || a.detection.name.localeCompare(b.detection.name));
  const failed = run.detections.filter((d) => d.status === "failed");
  write(`${run.detections.length} detection(s) run, ${fired.length} fired, ${failed.length} could not run; ${run.notables.length} result(s), ${run.riskEvents.length} risk event(s) in ${(run.ms / 1000).toFixed(1)} s\n`);
  if (fired.length > 0) {
    write("\n");
    writeTextTable(Table.fromRows(fired.map((d) => ({
      detection: d.detection.name, results: d.results, risk_score: d.detection.riskScore ?? 0, mitre: (d.detection.mitreAttackIds ?? []).join(", "),
    }))), width, write);
  }
  if (risk.length > 0) {
    write(`\ntop ${Math.min(top, risk.length)} of ${risk.length} risk object(s):\n`);
    writeTextTable(Table.fromRows(risk.slice(0, top).map((o) => ({
      risk_object: o.risk_object, type: o.risk_object_type, total: o.total, peak_24h: o.peak, events: o.events, tactics: o.tactics.length, detections: o.sources.length,
      incident: o.incidents.join(", "),
    }))), width, write);
    const incidents = risk.filter((o) => o.incidents.length > 0).length;
    write(`${incidents} risk incident(s)\n`);
  }
  for (const d of failed) write(`could not run: ${d.detection.name} (${d.detection.file}): ${oneLine(d.error ?? "the search failed")}\n`);
}

const oneLine = (s: string) => s.replace(/\s*\n\s*/g, " ");

/** The summary as one JSON value. */
export function huntSummaryJson(run: HuntRun, risk: readonly RiskObjectSummary[], top = 10): Record<string, unknown> {
  const fired = run.detections.filter((d) => d.status === "fired").sort((a, b) => b.results - a.results);
  return {
    detections: run.detections.length,
    fired: fired.map((d) => ({ name: d.detection.name, file: d.detection.file, results: d.results, risk_score: d.detection.riskScore ?? 0, mitre_attack_id: d.detection.mitreAttackIds ?? [] })),
    failed: run.detections.filter((d) => d.status === "failed").map((d) => ({ name: d.detection.name, file: d.detection.file, reason: d.error ?? "" })),
    results: run.notables.length,
    risk_events: run.riskEvents.length,
    top_risk_objects: risk.slice(0, top).map(({ timeline: _t, ...o }) => o),
    risk_incidents: risk.filter((o) => o.incidents.length > 0).length,
    seconds: Number((run.ms / 1000).toFixed(1)),
  };
}
