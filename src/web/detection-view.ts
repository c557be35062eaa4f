/**
 * What the detections tab shows of a detection's run besides its rows: one notable per result
 * (the detection's message filled from the row, its risk events; src/notables) and contentctl's
 * verdict. Computed without adding the risk events to the loaded store, so running a detection
 * again from the page gives the same answer.
 */
import { fillMessage, riskEventsFor, runnableSearch, verdict, type Detection, type RunResult } from "../index.js";
import type { DetectionRunView } from "./api.js";
import { SHOWN_ROWS } from "./result-view.js";

export function detectionView(det: Detection, result: RunResult, now: number): DetectionRunView {
  const t = result.table;
  const search = runnableSearch(det.search);
  if (!t) return { name: det.name, search, verdict: { status: "error", message: "the search did not run" }, notables: [] };
  const rows = t.select(Array.from({ length: Math.min(t.length, SHOWN_ROWS) }, (_, i) => i)).rows();
  return {
    name: det.name,
    search,
    verdict: verdict(det, t),
    notables: rows.map((row) => ({
      message: det.message !== undefined ? fillMessage(det.message, row) : det.name,
      risk: riskEventsFor(det, row, now).map((r) => ({ object: r.risk_object, type: r.risk_object_type, score: r.risk_score, message: r.risk_message })),
    })),
  };
}
