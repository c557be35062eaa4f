/**
 * minispl's public API. The CLI and REPL import only this file.
 *
 *   search text ──tokenize──▶ tokens ──expandMacros──▶ tokens ──parseTokens──▶ Pipeline (AST)
 *        │                                                                          │
 *        │                         checkPipeline ◀──────────────────────────────────┘
 *        │                              │ typed commands
 *        │                         planPipeline ──▶ Plan (one closure per command)
 *        │                              │
 *   raw files ──adapters──▶ EventStore ─┴─executePlan──▶ Table (results)
 *
 * Every stage is pure and synchronous and returns its diagnostics; only adapters (reading files)
 * and the CLI do IO.
 */
import type { Command } from "./ast/commands.js";
import type { Pipeline } from "./ast/nodes.js";
import type { Diagnostic } from "./diagnostics/diagnostic.js";
import { checkPipeline } from "./executor/check.js";
import { executePlan, type ExecuteOptions } from "./executor/execute.js";
import { planPipeline, type Plan } from "./executor/plan.js";
import type { Table } from "./executor/table.js";
import { parseSearch, type FrontendOptions } from "./frontend.js";
import type { SplToken } from "./lexer/lexer.js";
import type { SourceSet } from "./source/source-text.js";
import type { EventStore } from "./store/event-store.js";

export { parseSearch } from "./frontend.js";
export { tokenize } from "./lexer/lexer.js";
export { expandMacros } from "./macros/expand.js";
export { parseTokens } from "./parser/parse.js";
export { checkPipeline } from "./executor/check.js";
export { planPipeline } from "./executor/plan.js";
export { executePlan } from "./executor/execute.js";
export { Table } from "./executor/table.js";
export { EventStore } from "./store/event-store.js";
export { MacroTable, type MacroDef } from "./macros/macro-table.js";
export { builtinMacros, BUILTIN_MACROS } from "./macros/builtins.js";
export { parseEscuMacroYaml, parseMacrosConf } from "./macros/load.js";
export { renderDiagnostic, where } from "./diagnostics/render.js";
export type { Diagnostic } from "./diagnostics/diagnostic.js";
export { parseDetection, filterMacroName, runnableSearch, withFilterMacro, type Detection } from "./detections/detection.js";
export { stageOf, constructOf, type CheckStage } from "./detections/stage.js";
export { familyOf } from "./diagnostics/render.js";
export { fillMessage } from "./detections/message.js";
export { attackDataRelativePath, type DetectionTest } from "./testing/attack-data.js";
export { verdict, riskObjects, threatObjects, type Verdict, type TestStatus } from "./testing/verdict.js";
export { toJunit, type JunitCase } from "./testing/junit.js";
export { toCsv, toJsonRows, toTextTable } from "./output/format.js";
export { ingestPaths, ingestText } from "./adapters/index.js";
export type { IngestOptions, IngestReport } from "./adapters/types.js";
export { ingestStream } from "./adapters/ingest.js";
export type { EventInput } from "./store/event-store.js";
export { BatchSink } from "./adapters/batch-sink.js";
export type { EventSink, StreamOptions, StreamReport } from "./adapters/stream-types.js";
export type { SkippedRecord } from "./adapters/types.js";
export { datasetView, BASE_FIELDS, type DatasetView } from "./datamodels/dataset-view.js";
export { findDataset, rootOf } from "./datamodels/registry.js";
export type { DatasetDef, DatamodelDef } from "./datamodels/types.js";
export { COMMANDS } from "./commands/registry.js";
export { FUNCTIONS } from "./functions/registry.js";
export { AGGREGATES } from "./aggregates/registry.js";
export { DATAMODELS } from "./datamodels/registry.js";
export { printPipeline, printExpr, printSearch } from "./ast/print.js";
export { grammarEbnf, railroadHtml } from "./parser/grammar-docs.js";
export type { Value } from "./values/value.js";
export { LookupStore, type LookupWrite, type LookupWriter, type ResolvedLookup } from "./lookups/store.js";
export { buildLookupStore, type LookupSourceFile, type LookupLoadResult } from "./lookups/load.js";
export { parseCsv, formatCsv, type CsvProblem } from "./lookups/csv.js";
export { parseLookupYaml, type LookupDefinition, type MatchKind } from "./lookups/definition.js";
export type { LookupTable } from "./lookups/table.js";
export { MmdbReader } from "./geoip/reader.js";
export { MmdbError, type MmdbValue } from "./geoip/decoder.js";
export type { MmdbMetadata } from "./geoip/metadata.js";
export { openGeoIpDatabase, geoIpDatabase, type GeoIpDatabase, type GeoLocation } from "./geoip/geo.js";

export interface CompileResult {
  readonly sources: SourceSet;
  readonly tokens: readonly SplToken[];
  readonly pipeline: Pipeline | null;
  readonly commands: readonly Command[];
  readonly plan: Plan | null;
  /** Errors and warnings of every stage that ran. */
  readonly diagnostics: readonly Diagnostic[];
}

/** Front end + check + plan. `plan` is null when any stage reported an error. */
export function compile(text: string, opts: FrontendOptions = {}): CompileResult {
  const front = parseSearch(text, opts);
  const base = { sources: front.sources, tokens: front.tokens, pipeline: front.pipeline };
  if (!front.pipeline) return { ...base, commands: [], plan: null, diagnostics: front.diagnostics };
  const checked = checkPipeline(front.pipeline);
  const diagnostics = [...front.diagnostics, ...checked.diagnostics];
  if (diagnostics.some((d) => d.severity === "error")) return { ...base, commands: checked.commands, plan: null, diagnostics };
  return { ...base, commands: checked.commands, plan: planPipeline(checked.commands), diagnostics };
}

export interface RunResult extends CompileResult {
  readonly table: Table | null;
}

/** Compiles and executes a search over a store. */
export function runSearch(text: string, store: EventStore, opts: FrontendOptions & ExecuteOptions = {}): RunResult {
  const compiled = compile(text, opts);
  if (!compiled.plan) return { ...compiled, table: null };
  const exec = executePlan(compiled.plan, store, { ...opts, ...(opts.macros ? { macros: opts.macros } : {}) });
  const failed = exec.diagnostics.some((d) => d.severity === "error");
  return { ...compiled, table: failed ? null : exec.table, diagnostics: [...compiled.diagnostics, ...exec.diagnostics] };
}
