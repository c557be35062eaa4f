/**
 * A notable's drilldowns run for the web UI: each `drilldown_searches` entry resolved for the
 * notable's row (tokens, time window: src/notables, as `detect --notables` does) and run over the
 * loaded events sliced to its window, with the detection's `_filter` macro defined. Node-free: the
 * server's engine worker and the playground's both run it.
 *
 * The notable's own risk events are not in the store (the detections tab does not add them, so a
 * detection run twice gives the same answer): a drilldown over Risk.All_Risk sees the risk events
 * the loaded data holds, not this run's.
 */
import { runDrilldowns, runSearch, withFilterMacro, type BudgetOptions, type Detection, type EventStore, type MacroTable, type RunResult, type Value } from "../index.js";
import type { CellValue, DrilldownView } from "./api.js";
import { resultView } from "./result-view.js";

export interface DrilldownRunOptions {
  readonly now: number;
  readonly tz: string;
  /** Each drilldown's budget (a shared cancel flag stops the rest too). */
  readonly budget: BudgetOptions;
  /** Extra search options (the server's lookups, GeoIP…). */
  readonly exec?: object;
}

export function drilldownViews(det: Detection, fields: Readonly<Record<string, CellValue>>, store: EventStore, macros: MacroTable, opts: DrilldownRunOptions): DrilldownView[] {
  const ran: { result: RunResult; ms: number }[] = [];
  const resolved = runDrilldowns(det, fields as Readonly<Record<string, Value>>, store, (spl, st, d, label) => {
    const started = Date.now();
    const result = runSearch(spl, st, { ...opts.exec, macros: withFilterMacro(d, macros), name: label, tz: opts.tz, now: opts.now, budget: opts.budget });
    ran.push({ result, ms: Date.now() - started });
    return result;
  }, { now: opts.now, tz: opts.tz });
  return resolved.map((dd, i) => {
    const r = ran[i] as { result: RunResult; ms: number };
    return { name: dd.name, search: dd.search, earliest: dd.earliest, latest: dd.latest, notes: dd.notes, result: resultView(r.result, opts.tz, r.ms) };
  });
}
