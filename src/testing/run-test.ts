/**
 * One detection test over its attack data, already loaded: the search exactly as written (its
 * `_filter` macro defined as contentctl does), then contentctl's pass criterion (verdict.ts). No
 * IO: `minispl test` (src/cli/test-runner.ts) maps the URLs to files and loads them, `minispl web`
 * does the same in its engine worker, and the playground loads dropped files.
 */
import { runnableSearch, withFilterMacro, type Detection } from "../detections/detection.js";
import type { MacroTable } from "../macros/macro-table.js";
import type { ExecuteOptions } from "../executor/execute.js";
import { runSearch } from "../run.js";
import type { EventStore } from "../store/event-store.js";
import type { SkippedRecord } from "../adapters/types.js";
import { concatStores } from "./concat-stores.js";
import { verdict, type TestStatus } from "./verdict.js";

export interface DetectionTestRun {
  readonly status: TestStatus;
  /** Result rows of the search (0 when it failed). */
  readonly rows: number;
  readonly message: string;
}

/** One attack_data file's events as loaded, and what loading skipped. */
export interface LoadedAttackData {
  readonly file: string;
  readonly store: EventStore;
  readonly events: number;
  readonly skipped: readonly SkippedRecord[];
}

export type TestRunOptions = Pick<ExecuteOptions, "budget" | "now"> & { readonly tz?: string };

/** Tests `det` over the given attack data (in the test's order); an unreadable file is an error, as in contentctl. */
export function runDetectionTest(det: Detection, data: readonly LoadedAttackData[], macros: MacroTable, opts: TestRunOptions): DetectionTestRun {
  for (const d of data) {
    if (d.events === 0 && d.skipped.length > 0) return { status: "error", rows: 0, message: `${d.file}: no event could be read (${d.skipped[0]?.reason ?? "unknown format"})` };
  }
  // Nearly every test has one file and searches its (possibly shared) store as it is.
  const store = data.length === 1 ? (data[0] as LoadedAttackData).store : concatStores(data.map((d) => d.store));
  const r = runSearch(runnableSearch(det.search), store, {
    macros: withFilterMacro(det, macros), ...(opts.tz !== undefined ? { tz: opts.tz } : {}),
    ...(opts.budget !== undefined ? { budget: opts.budget } : {}), ...(opts.now !== undefined ? { now: opts.now } : {}),
  });
  const err = r.diagnostics.find((d) => d.severity === "error");
  if (err || !r.table) return { status: "error", rows: 0, message: err?.message ?? "the search did not run" };
  const v = verdict(det, r.table);
  return { status: v.status, rows: r.table.length, message: v.message };
}
