/**
 * The library's front door for programs and tests: an Engine holds events, macros and lookups and
 * runs searches and detections over them. Unlike the pure stages it reads files (data, macro,
 * lookup and detection files), so it is the library's IO layer next to the CLI.
 *
 *   const engine = new Engine().loadData(["samples/data/"]);
 *   const run = engine.runDetection("samples/detections/script_execution_via_wmi.yml");
 *   run.rows; run.verdict.status; // "pass"
 */
import { readFileSync } from "node:fs";
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

export interface EngineOptions {
  /** Pin "now" (epoch seconds) for reproducible relative times. */
  readonly now?: number;
  /** Time zone for rendering times; default UTC. */
  readonly tz?: string;
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
  readonly store = new EventStore();
  private macros: MacroTable = builtinMacros();

  constructor(private readonly options: EngineOptions = {}) {}

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

  search(spl: string): SearchOutcome {
    return this.run(spl, this.macros);
  }

  /** Runs a detection exactly as written; `yamlOrPath` is YAML text or a path to a .yml file. */
  runDetection(yamlOrPath: string): DetectionOutcome {
    const isPath = !yamlOrPath.includes("\n") && /\.ya?ml$/i.test(yamlOrPath);
    const text = isPath ? readFileSync(yamlOrPath, "utf8") : yamlOrPath;
    const parsed = parseDetection(text, isPath ? yamlOrPath : "detection.yml");
    if (!parsed.detection) throw new Error(parsed.diagnostics.map((d) => d.message).join("; "));
    const det = parsed.detection;
    const out = this.run(runnableSearch(det.search), withFilterMacro(det, this.macros));
    return { ...out, detection: det, verdict: verdictOf(det, out) };
  }

  private run(spl: string, macros: MacroTable): SearchOutcome {
    const r = runSearch(spl, this.store, {
      macros,
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
