/**
 * A hunt: every selected detection run through an executor (this thread or the CLI's worker
 * pool), its results turned into notables with risk events, then Correlation detections (which
 * read those risk events through the Risk datamodel), then each notable's drilldowns. The same
 * order as `detect --notables` (src/notables/README.md); two choices differ for hunting:
 *
 * - A risk event's `_time` is its result's time (resultTime: `_time`, else firstTime/lastTime),
 *   not the run's clock, so risk adds up per entity over the logs' own time. A result without a
 *   time takes the hunt's now.
 * - The hunt's now (risk events without a time, the drilldowns' relative times such as ESCU's
 *   `starthoursago=168`) is `--now`, else one second after the latest result: old logs are
 *   hunted as if the detections ran just after them.
 */
import type { Detection } from "../detections/detection.js";
import { fillMessage } from "../detections/message.js";
import { orderForNotables, riskEventsFor, searchNameOf, type RiskEvent } from "../notables/index.js";
import type { HuntDetection, HuntExecutor, HuntNotable, HuntRun, Row } from "./hunt-types.js";
import { resultTime } from "./result-time.js";

export interface HuntOptions {
  /** Fixed now (epoch seconds); default: one second after the latest result time. */
  readonly now?: number;
  /** Notables per detection whose drilldowns run (default 3; 0 runs none). */
  readonly maxDrilldowns?: number;
  /** Called after each search and each notable's drilldowns. */
  readonly progress?: (done: number, total: number, phase: "detections" | "drilldowns") => void;
}

interface Found {
  readonly index: number;
  readonly rows: readonly Row[];
}

export async function runHunt(detections: readonly Detection[], exec: HuntExecutor, opts: HuntOptions = {}): Promise<HuntRun> {
  const start = Date.now();
  const order = orderForNotables(detections.map((d, index) => ({ d, index, type: d.type })));
  const first = order.filter((o) => (o.type ?? "").toLowerCase() !== "correlation");
  const late = order.slice(first.length);
  const outcomes: HuntDetection[] = new Array(detections.length);
  const found: Found[] = [];
  let done = 0;
  const record = async (index: number): Promise<Found | null> => {
    const det = detections[index] as Detection;
    const r = await exec.search(index);
    opts.progress?.(++done, detections.length, "detections");
    const rows = r.rows ?? [];
    outcomes[index] = { detection: det, status: r.rows === null ? "failed" : rows.length > 0 ? "fired" : "quiet", results: rows.length, ms: r.ms, ...(r.error !== undefined ? { error: r.error } : {}) };
    return rows.length > 0 ? { index, rows } : null;
  };
  // The executor queues: all searches go at once and run as its threads free up.
  for (const f of await Promise.all(first.map((o) => record(o.index)))) if (f) found.push(f);
  const fallbackNow = opts.now ?? latestTime(found) + 1;
  const notables: HuntNotable[] = [];
  const riskEvents: RiskEvent[] = [];
  const take = async (fs: readonly Found[]) => {
    const fresh: RiskEvent[] = [];
    for (const f of fs) for (const row of f.rows) fresh.push(...notableOf(detections[f.index] as Detection, row, fallbackNow, notables));
    riskEvents.push(...fresh);
    if (fresh.length > 0) await exec.addRiskEvents(fresh);
  };
  await take(found);
  // Correlations one at a time: each reads the risk events of everything before it.
  for (const o of late) {
    const f = await record(o.index);
    if (f) {
      found.push(f);
      await take([f]);
    }
  }
  const now = opts.now ?? latestTime(found) + 1;
  const withDrilldowns = await drilldownsFor(notables, detections, exec, now, opts);
  return { detections: outcomes, notables: withDrilldowns, riskEvents, now, ms: Date.now() - start };
}

function latestTime(found: readonly Found[]): number {
  let t = Number.NEGATIVE_INFINITY;
  for (const f of found) for (const row of f.rows) t = Math.max(t, resultTime(row)?.time ?? t);
  return Number.isFinite(t) ? Math.floor(t) : Math.floor(Date.now() / 1000);
}

/** Adds the row's notable to `out` and returns its risk events (timed at the result's time). */
function notableOf(det: Detection, row: Row, fallbackNow: number, out: HuntNotable[]): RiskEvent[] {
  const at = resultTime(row);
  const time = at?.time ?? fallbackNow;
  const risk = riskEventsFor(det, row, time);
  out.push({
    detection: det,
    search_name: searchNameOf(det),
    time,
    timeDesc: at?.desc ?? "Hunt run (the result has no time)",
    message: det.message !== undefined ? fillMessage(det.message, row) : det.name,
    fields: row,
    risk,
    drilldowns: null,
  });
  return risk;
}

async function drilldownsFor(notables: readonly HuntNotable[], detections: readonly Detection[], exec: HuntExecutor, now: number, opts: HuntOptions): Promise<HuntNotable[]> {
  const max = opts.maxDrilldowns ?? 3;
  const perDetection = new Map<Detection, number>();
  const index = new Map(detections.map((d, i) => [d, i]));
  const chosen = notables.map((n) => {
    const seen = perDetection.get(n.detection) ?? 0;
    const run = (n.detection.drilldowns ?? []).length > 0 && seen < max;
    if (run) perDetection.set(n.detection, seen + 1);
    return run;
  });
  const total = chosen.filter(Boolean).length;
  let done = 0;
  return Promise.all(notables.map(async (n, i) => {
    if (!chosen[i]) return n;
    const drilldowns = await exec.drilldowns(index.get(n.detection) as number, n.fields, now);
    opts.progress?.(++done, total, "drilldowns");
    return { ...n, drilldowns };
  }));
}
