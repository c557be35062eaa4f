/**
 * What the detections tab shows of a detection's run besides its rows: one notable per result
 * (the detection's message filled from the row, its risk events; src/notables) and contentctl's
 * verdict. Computed without adding the risk events to the loaded store, so running a detection
 * again from the page gives the same answer.
 */
import { fillMessage, riskEventsFor, runnableSearch, verdict, type Detection, type RunResult } from "../index.js";
import type { DetectionRunView } from "./api.js";
import { rawRow, SHOWN_ROWS } from "./result-view.js";

export function detectionView(det: Detection, result: RunResult, now: number): DetectionRunView {
  const t = result.table;
  const search = runnableSearch(det.search);
  const drilldowns = (det.drilldowns ?? []).map((d) => d.name);
  const tests = det.tests.map((x) => x.name);
  if (!t) return { name: det.name, file: det.file, search, verdict: { status: "error", message: "the search did not run" }, notables: [], drilldowns, tests };
  const rows = t.select(Array.from({ length: Math.min(t.length, SHOWN_ROWS) }, (_, i) => i)).rows();
  return {
    name: det.name,
    file: det.file,
    search,
    verdict: verdict(det, t),
    drilldowns,
    tests,
    notables: rows.map((row, i) => ({
      message: det.message !== undefined ? fillMessage(det.message, row) : det.name,
      fields: rawRow(t, i),
      risk: riskEventsFor(det, row, now).map((r) => ({ object: r.risk_object, type: r.risk_object_type, score: r.risk_score, message: r.risk_message })),
    })),
  };
}
