/**
 * `detect --notables`: runs detections in an order where the Risk-based correlations see the risk
 * events of the others, turns each result row into a notable (message, risk events, drilldowns)
 * and executes the drilldowns. Risk events go into the same EventStore as the events (`index=risk`),
 * so `| from datamodel Risk.All_Risk` and `tstats … from datamodel=Risk.All_Risk` read them with
 * whatever risk events the store already held (loaded from earlier runs).
 *
 * The SPL runner is injected (the CLI's carries macros, lookups, GeoIP and prints diagnostics),
 * which also keeps this folder free of an import cycle with src/index.ts.
 */
import { runnableSearch, type Detection } from "../detections/detection.js";
import { fillMessage } from "../detections/message.js";
import type { Table } from "../table/table.js";
import type { EventStore } from "../store/event-store.js";
import type { Value } from "../values/value.js";
import { resolveDrilldown, type ResolvedDrilldown } from "./drilldown.js";
import { riskEventInput, riskEventsFor, searchNameOf, type RiskEvent } from "./risk-events.js";
import { sliceStore } from "./time-slice.js";

/** Runs SPL for a detection (the detection picks its filter macro); null table = the search failed. */
export type SearchRunner = (spl: string, store: EventStore, det: Detection, label: string) => { readonly table: Table | null };

export interface DrilldownResult extends ResolvedDrilldown {
  /** The drilldown's result rows; null when its search failed. */
  readonly results: Record<string, Value>[] | null;
}

export interface Notable {
  readonly search_name: string;
  readonly message: string;
  readonly fields: Record<string, Value>;
  readonly risk: readonly RiskEvent[];
  readonly drilldowns: readonly DrilldownResult[];
}

export interface NotablesResult {
  readonly notables: readonly Notable[];
  /** Detections whose own search failed (no notables from them). */
  readonly failed: readonly Detection[];
  /** Risk events appended to the store. */
  readonly riskEvents: number;
}

export interface NotablesOptions {
  /** The run's time: every risk event's `_time` and the drilldowns' "now" (`--now`). */
  readonly now: number;
  readonly tz?: string;
  /** Execute the drilldowns (default true). */
  readonly drilldowns?: boolean;
}

/**
 * Correlation-type detections (ESCU's Risk-based ones read Risk.All_Risk) after all others; the
 * sort is stable, so the given order holds within each group.
 */
export function orderForNotables<T extends Pick<Detection, "type">>(detections: readonly T[]): T[] {
  const late = (d: T) => (d.type ?? "").toLowerCase() === "correlation";
  return [...detections.filter((d) => !late(d)), ...detections.filter(late)];
}

export function runNotables(detections: readonly Detection[], store: EventStore, run: SearchRunner, opts: NotablesOptions): NotablesResult {
  const found: { det: Detection; row: Record<string, Value>; risk: RiskEvent[] }[] = [];
  const failed: Detection[] = [];
  let riskEvents = 0;
  for (const det of orderForNotables(detections)) {
    const result = run(runnableSearch(det.search), store, det, `${det.file} (search)`);
    if (!result.table) {
      failed.push(det);
      continue;
    }
    // All rows first, then their risk events: a detection never reads its own risk events.
    const rows = result.table.rows();
    for (const row of rows) {
      const risk = riskEventsFor(det, row, opts.now);
      for (const ev of risk) store.append(riskEventInput(ev));
      riskEvents += risk.length;
      found.push({ det, row, risk });
    }
  }
  // Drilldowns last, so each sees every risk event of the run (as an analyst opening it would).
  const notables = found.map(({ det, row, risk }) => ({
    search_name: searchNameOf(det),
    message: det.message !== undefined ? fillMessage(det.message, row) : det.name,
    fields: row,
    risk,
    drilldowns: opts.drilldowns === false ? [] : runDrilldowns(det, row, store, run, opts),
  }));
  return { notables, failed, riskEvents };
}

/** A notable's drilldowns, resolved for its row and run over the store sliced to each one's time range. */
export function runDrilldowns(det: Detection, row: Readonly<Record<string, Value>>, store: EventStore, run: SearchRunner, opts: Pick<NotablesOptions, "now" | "tz">): DrilldownResult[] {
  return (det.drilldowns ?? []).map((dd, i) => {
    const resolved = resolveDrilldown(dd, det, row, opts.now, opts.tz ?? "UTC");
    const r = run(runnableSearch(resolved.search), sliceStore(store, resolved), det, `${det.file} (drilldown ${i + 1})`);
    return { ...resolved, results: r.table ? r.table.rows() : null };
  });
}
