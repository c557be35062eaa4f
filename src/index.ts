/**
 * minispl's public API. The CLI and REPL import only this file.
 *
 *   search text ──tokenize──▶ tokens ──expandMacros──▶ tokens ──parseTokens──▶ Pipeline (AST)
 *        │                                                                          │
 *        │                         checkPipeline ◀──────────────────────────────────┘
 *        │                              │ typed commands
 *        │                         planPipeline ──▶ Plan (logical plan + pushdown, one closure per node)
 *        │                              │
 *   raw files ──adapters──▶ EventStore ─┴─executePlan──▶ Table (results)
 *
 * Every stage is pure and synchronous and returns its diagnostics; only adapters (reading files)
 * and the CLI do IO.
 */
export { compile, runSearch, executeCompiled, type CompileResult, type RunResult } from "./run.js";
export {
  Engine, runDetection, type EngineOptions, type RunDetectionOptions, type SearchOptions, type SearchOutcome, type DetectionOutcome,
} from "./engine/engine.js";
// Budgets (README, "Limits and safety"): the core's SearchBudget, Node's memory probe, and an
// Engine in a worker thread for callers that must stay responsive and cancel with an AbortSignal.
export { SearchBudget, isBudgetStop, DEFAULT_MAX_ROWS, DEFAULT_TIMEOUT_MS, type BudgetOptions, type BudgetKind } from "./executor/budget.js";
export { nodeBudget, heapUsed, defaultMaxMemoryBytes, type BudgetLimits } from "./engine/node-budget.js";
export { AsyncEngine, type AsyncEngineOptions, type AsyncSearchOptions } from "./engine/async-engine.js";
export { listFiles } from "./engine/files.js";
export { loadMacroFiles, type MacroFileLoad } from "./engine/macro-files.js";
export { lintDetection, type LintFinding } from "./lint/lint.js";

export { parseSearch } from "./frontend.js";
export { tokenize } from "./lexer/lexer.js";
export { expandMacros } from "./macros/expand.js";
export { parseTokens } from "./parser/parse.js";
export { checkPipeline } from "./executor/check.js";
export { planPipeline, type Plan } from "./executor/plan.js";
export { buildPlan, type PlanOptions } from "./plan/build-plan.js";
export { printPlan } from "./plan/print-plan.js";
export { endsInEvents } from "./plan/ends-in-events.js";
export type { Command } from "./ast/commands.js";
export type { LogicalPlan, PlanNode, ScanNode, EventScan, DatasetScan, CommandNode, Op } from "./plan/nodes.js";
export { executePlan, type ExecuteOptions } from "./executor/execute.js";
// inputcsv/outputcsv's folder and savedsearch's saved searches (ExecuteOptions.csv, .savedSearches).
export { memoryCsvFolder, csvNameProblem, type CsvFolder } from "./executor/csv-folder.js";
export { savedSearchList, detectionSavedSearches, NO_SAVED_SEARCHES, type SavedSearch, type SavedSearches } from "./executor/saved-searches.js";
export { Table } from "./table/table.js";
export { EventStore } from "./store/event-store.js";
export { MacroTable, type MacroDef } from "./macros/macro-table.js";
export { builtinMacros, BUILTIN_MACROS } from "./macros/builtins.js";
export { parseEscuMacroYaml, parseMacrosConf } from "./macros/load.js";
export { renderDiagnostic, where } from "./diagnostics/render.js";
export type { Diagnostic } from "./diagnostics/diagnostic.js";
export { parseDetection, filterMacroName, runnableSearch, withFilterMacro, isDetectionDocument, notDetectionsNote, DETECTION_TYPES, type Detection } from "./detections/detection.js";
export { stageOf, constructOf, searchOffsetOf, type CheckStage } from "./detections/stage.js";
export { searchPosition, type FilePosition } from "./detections/search-position.js";
export { familyOf } from "./diagnostics/render.js";
export { fillMessage } from "./detections/message.js";
export type { DrilldownSearch, Observable } from "./detections/detection.js";
export * from "./notables/index.js";
export { attackDataRelativePath, type DetectionTest } from "./testing/attack-data.js";
export { verdict, riskObjects, threatObjects, type Verdict, type TestStatus } from "./testing/verdict.js";
export { toJunit, type JunitCase } from "./testing/junit.js";
export { runDetectionTest, type DetectionTestRun, type LoadedAttackData, type TestRunOptions } from "./testing/run-test.js";
export { concatStores } from "./testing/concat-stores.js";
export { toCsv, toJsonRows, toNdjson, toTextTable } from "./output/format.js";
export {
  ChunkWriter, CHUNK_UNITS, clip, collect, fdWriter, JsonArrayWriter, MAX_CELL_WIDTH, oneLine, csvHeader, writeCsv, writeJson, writeNdjson, writeTextTable,
  cellLines, writeEventsView, listedFields, MAX_RAW_CHARS, jsonRow, isoTime, uiTime, TIME_FIELD, UTC_DISPLAY,
  type EventsViewOptions, type TimeDisplay, type Writer,
} from "./output/format.js";
export { ingestPaths, ingestText } from "./adapters/index.js";
export type { IngestOptions, IngestReport } from "./adapters/types.js";
export { ingestStream, expand as expandDataPaths } from "./adapters/ingest.js";
export { FILE_FIELD, STDIN_NAME, isStdinPath } from "./adapters/file-field.js";
export { isNotLog, notLogsSummary } from "./adapters/walk-paths.js";
export type { EventInput } from "./store/event-store.js";
export { BatchSink } from "./adapters/batch-sink.js";
export type { EventSink, StreamOptions, StreamReport } from "./adapters/stream-types.js";
export type { SkippedRecord } from "./adapters/types.js";
export { datasetView, BASE_FIELDS, type DatasetView } from "./datamodels/dataset-view.js";
export { findDataset, rootOf } from "./datamodels/registry.js";
export { datasetFieldOrigin } from "./datamodels/field-origin.js";
export { FieldOrigins, fieldOrigin, rawKeys, METADATA_ORIGIN, SEARCH_TIME_ORIGIN, type RawKeys } from "./adapters/field-origin.js";
export type { DatasetDef, DatamodelDef } from "./datamodels/types.js";
export { COMMANDS } from "./commands/registry.js";
export { FUNCTIONS } from "./functions/registry.js";
export { AGGREGATES } from "./aggregates/registry.js";
export { DATAMODELS } from "./datamodels/registry.js";
export { printPipeline, printExpr, printSearch } from "./ast/print.js";
export { grammarEbnf, railroadHtml } from "./parser/grammar-docs.js";
export type { Value } from "./values/value.js";
export { toText } from "./values/value.js";
export { LookupStore, type LookupWrite, type LookupWriter, type ResolvedLookup } from "./lookups/store.js";
export { buildLookupStore, type LookupSourceFile, type LookupLoadResult } from "./lookups/load.js";
export { parseCsv, formatCsv, type CsvProblem } from "./lookups/csv.js";
export { parseLookupYaml, type LookupDefinition, type MatchKind } from "./lookups/definition.js";
export type { LookupTable } from "./lookups/table.js";
export { MmdbReader } from "./geoip/reader.js";
export { MmdbError, type MmdbValue } from "./geoip/decoder.js";
export type { MmdbMetadata } from "./geoip/metadata.js";
export { openGeoIpDatabase, geoIpDatabase, type GeoIpDatabase, type GeoLocation } from "./geoip/geo.js";

// The on-disk index (src/storage/index/): build once, open in milliseconds, `--data` cached.
export { buildIndex, buildIndexParallel, type BuildOptions, type BuildProgress, type BuildSummary } from "./storage/index/build-index.js";
export { openIndex, type OpenedIndex } from "./storage/index/open-index.js";
export { openCached, cacheDirFor, cacheRoot, type CachedOpen } from "./storage/index/data-cache.js";
export type { Manifest, IndexedFile } from "./storage/index/manifest.js";

// The SQL backend (issue 13): the longest pushable prefix of a search compiled to ClickHouse SQL
// (src/sql/), run on chDB in this process or on a server (src/storage/clickhouse/), the rest here.
export { runSearchOnBackend, redactSecrets, type BackendRunResult, type BackendRunOptions } from "./run-on-backend.js";
export { compilePushdown } from "./sql/compile-plan.js";
export type { PushdownReport, PushedPrefix, SqlColumn, SqlColumnKind, TableNeed } from "./sql/types.js";
export { openBackend } from "./open-backend.js";
export type { SqlBackend } from "./storage/clickhouse/backend.js";
export { rowsToTable } from "./storage/clickhouse/rows-to-table.js";

// `minispl hunt` (src/hunt/): detection selection, the run over an executor, risk-based alerting,
// timeline, ATT&CK Navigator layer and the HTML report.
export * from "./hunt/index.js";

// Editor services (src/editor/): diagnostics, completion, hover and macro lookup over a search's
// text, shared by `minispl lsp`, the web UI and the REPL's Tab completion.
export type { EditorContext } from "./editor/editor-context.js";
export type { EditorDiagnostic } from "./editor/editor-diagnostic.js";
export type { CompletionItem } from "./editor/completion-item.js";
export { searchDiagnostics } from "./editor/search-diagnostics.js";
export { completeAt, completeWith, type CompletionResult, type CompletionPlace } from "./editor/complete-at.js";
export { hoverAt, type HoverResult } from "./editor/hover-at.js";
export { macroAt, type MacroAt } from "./editor/macro-at.js";
export { registryNames, editorNames, datamodelFieldNames, type NameCatalog } from "./editor/name-catalog.js";
export { detectionSearch, type DetectionSearch, type DetectionSearchResult } from "./editor/detection-search.js";
