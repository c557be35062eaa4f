/**
 * `minispl check <path>...`: loads every detection under the paths, expands, parses and plans its
 * search (and with --data runs it), and reports per detection the first stage that failed. YAML
 * that is not a detection (an ESCU checkout's macros, lookups, data sources: decided by content,
 * detections.ts isDetectionDocument) is skipped and counted in one line on stderr. Table mode
 * summarises by stage and by blocking construct, so the next thing to implement is obvious, and
 * lists every detection that failed as `file:line:col` (its search's position in the YAML file);
 * json prints `{results, summary}`, ndjson and csv one row per detection.
 * Exits 0 unless the tool itself failed.
 */
import { readFileSync } from "node:fs";
import {
  compile, constructOf, oneLine, notDetectionsNote, parseDetection, runnableSearch, runSearch, searchOffsetOf, searchPosition, stageOf, Table, withFilterMacro, writeCsv,
  type CheckStage, type Diagnostic, type EventStore, type GeoIpDatabase, type LookupStore,
} from "../index.js";
import { cliBudget } from "./budget.js";
import { EXIT } from "./exit-codes.js";
import { geoipOptions } from "./geoip.js";
import { listFiles, listingWarning, loadMacros } from "./load-files.js";
import { lookupOptions } from "./lookups.js";
import type { CommonOptions } from "./options.js";
import { internalMessage, isFileError, renderInternal } from "./report-internal.js";
import { loadEvents, type Io } from "./session.js";

export interface CheckRow {
  file: string;
  /** Where the failure is in the file (1-based): the YAML error, or the search's failing position. */
  line?: number;
  col?: number;
  name: string | null;
  status: string | null;
  stage: CheckStage;
  construct?: string;
  message?: string;
  rows?: number;
}

const STAGES: readonly CheckStage[] = ["ok", "yaml", "macro", "parse", "plan", "run"];

export function checkCommand(paths: readonly string[], opts: CommonOptions, io: Io): number {
  const macros = loadMacros(opts.macros, { followSymlinks: opts.followSymlinks === true });
  for (const e of macros.errors) io.err(`warning: ${e}\n`);
  let store: EventStore | null = null;
  if (opts.data.length > 0) {
    const loaded = loadEvents(opts, io);
    if (!loaded) return EXIT.input;
    store = loaded.store;
  }
  // Lookups are read; outputlookup writes stay in memory (a check never changes files).
  const lookups = lookupOptions(opts.lookups, io.err, { followSymlinks: opts.followSymlinks === true });
  if (!lookups) return EXIT.input;
  const geoip = geoipOptions(opts.geoip, io.err, opts.quiet);
  if (!geoip) return EXIT.input;
  const files = listFiles(paths, [".yml", ".yaml"], listingWarning(io), { followSymlinks: opts.followSymlinks === true });
  const results: CheckRow[] = [];
  let skipped = 0;
  for (const file of files) {
    const row = checkGuarded(file, macros.table, store, opts, { lookups: lookups.lookups, ...geoip }, io);
    if (row) results.push(row);
    else skipped++;
  }
  if (skipped > 0 && !opts.quiet) io.err(`${notDetectionsNote(skipped)}\n`);
  const summary = summarise(results, skipped);
  printCheck(results, summary, store !== null, opts.format, io);
  return EXIT.ok;
}

/** The columns of `--format csv`, one row per detection. */
const CSV_FIELDS = ["file", "line", "col", "name", "status", "stage", "construct", "message", "rows"] as const;

function printCheck(results: readonly CheckRow[], summary: Summary, ran: boolean, format: CommonOptions["format"], io: Io): void {
  switch (format) {
    case "json":
      io.out(`${JSON.stringify({ results: results.map(jsonRow), summary }, null, 2)}\n`);
      return;
    case "ndjson":
      for (const r of results) io.out(`${JSON.stringify(jsonRow(r))}\n`);
      return;
    case "csv": {
      const t = Table.fromRows(results.map((r) => ({ ...r }) as Record<string, string | number | null>)).project(CSV_FIELDS);
      writeCsv(t, io.out);
      return;
    }
    case "table":
      io.out(renderSummary(results, summary, ran));
  }
}

/**
 * checkOne with the last safety net: an exception (compile and run have their own nets, so reading
 * or summarising) is that detection's row, stage "run" or "plan", and the check goes on. Null: the
 * file is not a detection.
 */
function checkGuarded(file: string, macros: ReturnType<typeof loadMacros>["table"], store: EventStore | null, opts: CommonOptions, inputs: { lookups: LookupStore; geoip?: GeoIpDatabase }, io: Io): CheckRow | null {
  try {
    return checkOne(file, macros, store, opts, inputs);
  } catch (e) {
    if (opts.debug) io.err(renderInternal(e, file, store ? "running" : "checking", { color: io.color, debug: true }));
    if (isFileError(e)) return { file, name: null, status: null, stage: "yaml", message: e.message };
    return { file, name: null, status: null, stage: store ? "run" : "plan", construct: "internal", message: internalMessage(e, store ? "running" : "checking") };
  }
}

function checkOne(file: string, macros: ReturnType<typeof loadMacros>["table"], store: EventStore | null, opts: CommonOptions, inputs: { lookups: LookupStore; geoip?: GeoIpDatabase }): CheckRow | null {
  const yaml = readFileSync(file, "utf8");
  const parsed = parseDetection(yaml, file);
  const det = parsed.detection;
  if (parsed.notDetection) return null;
  if (!det) {
    // The row names the file and the line already: the message without its "file:line: " prefix.
    const message = (parsed.diagnostics[0]?.message ?? "unreadable").replace(`${file}:${parsed.errorAt ? `${parsed.errorAt.line}:` : ""} `, "");
    return { file, ...(parsed.errorAt ?? {}), name: null, status: null, stage: "yaml", message };
  }
  const base = { file, name: det.name, status: det.status ?? null };
  const text = runnableSearch(det.search);
  const table = withFilterMacro(det, macros);
  const timing = { tz: opts.tz, ...(opts.now !== undefined ? { now: opts.now } : {}) };
  const ran = store ? runSearch(text, store, { macros: table, ...inputs, ...timing, budget: cliBudget(opts) }) : null;
  const r = ran ?? compile(text, { macros: table });
  const err = firstError(r.diagnostics);
  const stage = stageOf(err, store !== null);
  const rows = ran?.table ? ran.table.length : undefined;
  if (!err) return { ...base, stage, ...(rows !== undefined ? { rows } : {}) };
  // The position in the search (the runnable text may start with "search "), then in the file.
  const at = searchOffsetOf(err);
  const pos = searchPosition(yaml, det.search, Math.max(0, (at ?? 0) - (text.length - det.search.length)));
  return { file, ...(pos ?? {}), name: base.name, status: base.status, stage, construct: constructOf(err), message: err.message };
}

function firstError(ds: readonly Diagnostic[]): Diagnostic | undefined {
  return ds.find((d) => d.severity === "error");
}

function jsonRow(r: CheckRow): Record<string, unknown> {
  const { construct: _construct, ...rest } = r;
  return rest;
}

interface Summary {
  total: number;
  /** YAML files under the paths that are not detections (not in `total`). */
  skipped: number;
  byStage: Record<string, number>;
  production: { total: number; ok: number };
  blocking: Record<string, number>;
}

function summarise(results: readonly CheckRow[], skipped: number): Summary {
  const byStage = Object.fromEntries(STAGES.map((s) => [s, 0])) as Record<string, number>;
  const blocking: Record<string, number> = {};
  let prodTotal = 0;
  let prodOk = 0;
  for (const r of results) {
    byStage[r.stage] = (byStage[r.stage] ?? 0) + 1;
    if (r.construct) blocking[r.construct] = (blocking[r.construct] ?? 0) + 1;
    if (r.status === "production") {
      prodTotal++;
      if (r.stage === "ok") prodOk++;
    }
  }
  const sorted = Object.fromEntries(Object.entries(blocking).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])));
  return { total: results.length, skipped, byStage, production: { total: prodTotal, ok: prodOk }, blocking: sorted };
}

function renderSummary(results: readonly CheckRow[], s: Summary, ran: boolean): string {
  const pct = (n: number, d: number) => (d === 0 ? "-" : `${((100 * n) / d).toFixed(1)}%`);
  const lines = [
    `checked ${s.total} detection(s); production: ${s.production.ok}/${s.production.total} ok (${pct(s.production.ok, s.production.total)})`,
    "",
    "by stage:",
    ...STAGES.map((st) => `  ${st.padEnd(6)} ${String(s.byStage[st] ?? 0).padStart(6)}`),
    "",
    "blocking constructs (detections):",
    ...Object.entries(s.blocking).slice(0, 30).map(([c, n]) => `  ${String(n).padStart(6)}  ${c}`),
  ];
  const failed = results.filter((r) => r.stage !== "ok");
  if (failed.length > 0) lines.push("", `failed: ${failed.length}`, ...failed.map(failureLine));
  if (ran) {
    const firing = results.filter((r) => (r.rows ?? 0) > 0);
    lines.push("", `fired (rows > 0): ${firing.length}`, ...firing.map((r) => `  ${String(r.rows).padStart(6)}  ${r.name} (${r.file})`));
  }
  return `${lines.join("\n")}\n`;
}

/** `  file:line:col: stage: message (name)`, the form editors and terminals open at the position. */
function failureLine(r: CheckRow): string {
  const where = r.line !== undefined ? `${r.file}:${r.line}:${r.col ?? 1}` : r.file;
  return `  ${where}: ${r.stage}: ${oneLine(r.message ?? "failed")}${r.name ? ` (${r.name})` : ""}`;
}
