/**
 * The library's front door for programs and tests: an Engine holds events, macros and lookups and
 * runs searches and detections over them. Unlike the pure stages it reads files (data, macro,
 * lookup and detection files), so it is the library's IO layer next to the CLI.
 *
 *   const engine = new Engine().loadData(["samples/data/"]);
 *   const run = engine.runDetection("samples/detections/script_execution_via_wmi.yml");
 *   run.rows; run.verdict.status; // "pass"
 */
import { platform } from "../platform/platform.js";
import { ingestPaths } from "../adapters/ingest.js";
import type { IngestOptions, IngestReport } from "../adapters/types.js";
import { parseDetection, runnableSearch, withFilterMacro, type Detection } from "../detections/detection.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { builtinMacros } from "../macros/builtins.js";
import type { MacroDef, MacroTable } from "../macros/macro-table.js";
import { EventStore } from "../store/event-store.js";
import { verdict, type Verdict } from "../testing/verdict.js";
import type { Value } from "../values/value.js";
import { runSearch } from "../run.js";
import { Table } from "../table/table.js";
import { loadMacroFiles } from "./macro-files.js";
import { openIndex, type OpenedIndex } from "../storage/index/open-index.js";
import { nodeBudget, type BudgetLimits } from "./node-budget.js";

export interface EngineOptions extends BudgetLimits {
  /** Pin "now" (epoch seconds) for reproducible relative times. */
  readonly now?: number;
  /** Time zone for rendering times; default UTC. */
  readonly tz?: string;
}

/**
 * One search's budget, over the engine's (README, "Limits and safety"). A synchronous search
 * blocks its thread, so an AbortSignal fired by that thread's own timers is seen only after it:
 * to cancel from the same thread, run it in an AsyncEngine (a worker); `cancelFlag` is what
 * another thread sets (Atomics.store(flag, 0, 1)).
 */
export interface SearchOptions extends BudgetLimits {
  readonly signal?: AbortSignal;
  readonly cancelFlag?: Int32Array;
  /** Who cancels, for the `error[cancelled]` message (default "cancelled by the caller"). */
  readonly cancelledBy?: string;
}

export interface SearchOutcome {
  readonly rows: Record<string, Value>[];
  readonly fields: readonly string[];
  /** Errors and warnings; `rows` is empty when there is an error. */
  readonly diagnostics: readonly Diagnostic[];
  readonly ok: boolean;
}

export interface DetectionOutcome extends SearchOutcome {
  readonly detection: Detection;
  /** contentctl's pass criterion over the rows. */
  readonly verdict: Verdict;
}

export class Engine {
  private events = new EventStore();
  private opened: OpenedIndex | null = null;
  private macros: MacroTable = builtinMacros();

  constructor(private readonly options: EngineOptions = {}) {}

  /** The events searched: those loaded, or an opened index's. */
  get store(): EventStore {
    return this.events;
  }

  /**
   * Searches an index folder built by `minispl index` instead of the events loaded so far (and of
   * an index opened before, which is closed); throws when it cannot be opened.
   */
  openIndex(dir: string): this {
    const opened = openIndex(dir);
    this.opened?.close();
    this.opened = opened;
    this.events = opened.store;
    return this;
  }

  /** Closes an index opened with openIndex (its files); the engine then searches no events. */
  close(): void {
    this.opened?.close();
    this.opened = null;
    this.events = new EventStore();
  }

  /** Adds events from files or folders (any supported format). */
  loadData(paths: readonly string[], opts: IngestOptions = {}): this {
    this.lastReport = ingestPaths(this.store, paths, opts);
    return this;
  }

  /** The report of the last loadData call (events, skipped records with file:line). */
  lastReport: IngestReport | null = null;

  /** Adds macro definitions: ESCU macros/*.yml or macros.conf files or folders (later wins); throws on unreadable ones. */
  loadMacros(paths: readonly string[]): this {
    const loaded = loadMacroFiles(paths);
    if (loaded.errors.length) throw new Error(`cannot read macro definitions: ${loaded.errors.join("; ")}`);
    this.macros = this.macros.with(loaded.macros);
    return this;
  }

  /** Defines macros directly (e.g. a detection's filter in a test). */
  defineMacros(defs: readonly MacroDef[]): this {
    this.macros = this.macros.with(defs);
    return this;
  }

  /** Runs a search; a budget it passes or a cancellation is an error diagnostic (`budget`, `cancelled`). */
  search(spl: string, opts: SearchOptions = {}): SearchOutcome {
    return this.run(spl, this.macros, opts);
  }

  /** Runs a detection exactly as written; `yamlOrPath` is YAML text or a path to a .yml file. */
  runDetection(yamlOrPath: string, opts: SearchOptions = {}): DetectionOutcome {
    const isPath = !yamlOrPath.includes("\n") && /\.ya?ml$/i.test(yamlOrPath);
    const text = isPath ? platform().fs.readText(yamlOrPath) : yamlOrPath;
    const parsed = parseDetection(text, isPath ? yamlOrPath : "detection.yml");
    if (!parsed.detection) throw new Error(parsed.diagnostics.map((d) => d.message).join("; "));
    const det = parsed.detection;
    const out = this.run(runnableSearch(det.search), withFilterMacro(det, this.macros), opts);
    return { ...out, detection: det, verdict: verdictOf(det, out) };
  }

  private run(spl: string, macros: MacroTable, opts: SearchOptions): SearchOutcome {
    const { signal, cancelFlag, cancelledBy, ...limits } = opts;
    const { now: _now, tz: _tz, ...engineLimits } = this.options;
    const budget = nodeBudget({ ...engineLimits, ...limits }, {
      ...(signal ? { signal } : {}), ...(cancelFlag ? { cancelFlag } : {}), ...(cancelledBy ? { cancelledBy } : {}),
    });
    const r = runSearch(spl, this.events, {
      macros,
      budget,
      ...(this.options.now !== undefined ? { now: this.options.now } : {}),
      ...(this.options.tz ? { tz: this.options.tz } : {}),
    });
    const ok = r.table !== null && !r.diagnostics.some((d) => d.severity === "error");
    return { rows: ok && r.table ? r.table.rows() : [], fields: r.table?.fields ?? [], diagnostics: r.diagnostics, ok };
  }
}

function verdictOf(det: Detection, out: SearchOutcome): Verdict {
  if (!out.ok) return { status: "error", message: out.diagnostics.find((d) => d.severity === "error")?.message ?? "the search did not run" };
  return verdict(det, out.rows.length ? Table.fromRows(out.rows) : Table.fromColumns(out.fields, new Map(), 0));
}

export interface RunDetectionOptions extends EngineOptions {
  /** Event files or folders. */
  readonly data?: readonly string[];
  /** Macro definition files or folders (ESCU macros/, macros.conf). */
  readonly macros?: readonly string[];
}

/** One-call form for tests: load the data and macros, run the detection. */
export function runDetection(yamlOrPath: string, opts: RunDetectionOptions = {}): DetectionOutcome {
  const engine = new Engine(opts);
  if (opts.macros?.length) engine.loadMacros(opts.macros);
  if (opts.data?.length) engine.loadData(opts.data);
  return engine.runDetection(yamlOrPath);
}
