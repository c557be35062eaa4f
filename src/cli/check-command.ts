/**
 * `minispl check <path>...`: loads every detection under the paths, expands, parses and plans its
 * search (and with --data runs it), and reports per detection the first stage that failed. Table
 * mode summarises by stage and by blocking construct, so the next thing to implement is obvious.
 * Exits 0 unless the tool itself failed.
 */
import { readFileSync } from "node:fs";
import {
  compile, constructOf, parseDetection, runnableSearch, runSearch, stageOf, withFilterMacro,
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
  const results = listFiles(paths, [".yml", ".yaml"], listingWarning(io), { followSymlinks: opts.followSymlinks === true }).map((file) => checkGuarded(file, macros.table, store, opts, { lookups: lookups.lookups, ...geoip }, io));
  const summary = summarise(results);
  if (opts.format === "json") io.out(`${JSON.stringify({ results: results.map(jsonRow), summary }, null, 2)}\n`);
  else io.out(renderSummary(results, summary, store !== null));
  return EXIT.ok;
}

/**
 * checkOne with the last safety net: an exception (compile and run have their own nets, so reading
 * or summarising) is that detection's row, stage "run" or "plan", and the check goes on.
 */
function checkGuarded(file: string, macros: ReturnType<typeof loadMacros>["table"], store: EventStore | null, opts: CommonOptions, inputs: { lookups: LookupStore; geoip?: GeoIpDatabase }, io: Io): CheckRow {
  try {
    return checkOne(file, macros, store, opts, inputs);
  } catch (e) {
    if (opts.debug) io.err(renderInternal(e, file, store ? "running" : "checking", { color: io.color, debug: true }));
    if (isFileError(e)) return { file, name: null, status: null, stage: "yaml", message: e.message };
    return { file, name: null, status: null, stage: store ? "run" : "plan", construct: "internal", message: internalMessage(e, store ? "running" : "checking") };
  }
}

function checkOne(file: string, macros: ReturnType<typeof loadMacros>["table"], store: EventStore | null, opts: CommonOptions, inputs: { lookups: LookupStore; geoip?: GeoIpDatabase }): CheckRow {
  const parsed = parseDetection(readFileSync(file, "utf8"), file);
  const det = parsed.detection;
  if (!det) return { file, name: null, status: null, stage: "yaml", message: parsed.diagnostics[0]?.message ?? "unreadable" };
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
  return { ...base, stage, construct: constructOf(err), message: err.message };
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
  byStage: Record<string, number>;
  production: { total: number; ok: number };
  blocking: Record<string, number>;
}

function summarise(results: readonly CheckRow[]): Summary {
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
  return { total: results.length, byStage, production: { total: prodTotal, ok: prodOk }, blocking: sorted };
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
  if (ran) {
    const firing = results.filter((r) => (r.rows ?? 0) > 0);
    lines.push("", `fired (rows > 0): ${firing.length}`, ...firing.map((r) => `  ${String(r.rows).padStart(6)}  ${r.name} (${r.file})`));
  }
  return `${lines.join("\n")}\n`;
}
