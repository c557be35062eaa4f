/**
 * What a hunt produces (run-hunt.ts) and what the outputs read: the summary, the timeline, the
 * Navigator layer and the HTML report all take a HuntRun.
 */
import type { Detection } from "../detections/detection.js";
import type { DrilldownResult, RiskEvent } from "../notables/index.js";
import type { Value } from "../values/value.js";

export type Row = Record<string, Value>;

/** One detection's search, as an executor ran it. */
export interface HuntSearchOutcome {
  /** The result rows; null when the search failed. */
  readonly rows: Row[] | null;
  /** Why it failed (the first error diagnostic), when rows is null. */
  readonly error?: string;
  readonly ms: number;
}

/**
 * Where a hunt's searches run: this thread or worker threads (the CLI's pool). Detections are
 * addressed by their index in the list runHunt was given.
 */
export interface HuntExecutor {
  search(detection: number): Promise<HuntSearchOutcome>;
  /** Adds risk events to every store the executor searches (`index=risk`), before later calls. */
  addRiskEvents(events: readonly RiskEvent[]): Promise<void>;
  /** A notable's drilldowns with their results, `now` being the drilldowns' "now". */
  drilldowns(detection: number, row: Row, now: number): Promise<DrilldownResult[]>;
}

export interface HuntDetection {
  readonly detection: Detection;
  readonly status: "fired" | "quiet" | "failed";
  readonly results: number;
  readonly error?: string;
  readonly ms: number;
}

export interface HuntNotable {
  readonly detection: Detection;
  readonly search_name: string;
  /** The result's time (resultTime), or the hunt's now when the result has none. */
  readonly time: number;
  /** What `time` is (Timesketch's timestamp_desc). */
  readonly timeDesc: string;
  readonly message: string;
  readonly fields: Row;
  readonly risk: readonly RiskEvent[];
  /** null: not run (past --drilldowns per detection, or the detection has none). */
  readonly drilldowns: readonly DrilldownResult[] | null;
}

export interface HuntRun {
  readonly detections: readonly HuntDetection[];
  readonly notables: readonly HuntNotable[];
  readonly riskEvents: readonly RiskEvent[];
  /** The "now" of risk events without a time and of the drilldowns. */
  readonly now: number;
  readonly ms: number;
}
