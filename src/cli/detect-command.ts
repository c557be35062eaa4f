/**
 * `minispl detect <detection.yml>...`: runs each detection's search exactly as written (its filter
 * macro defaults to `search *`, as contentctl generates it, unless --macros defines it) and prints
 * the results; in table mode also the detection's message per result. Every format names the
 * detection by its `search_name` as Enterprise Security and the notables do (`ESCU - <name> - Rule`,
 * src/notables/risk-events.ts searchNameOf): the header line of each table, a first field of each
 * JSON/NDJSON row, the first column of the CSV. YAML that is not a detection (an ESCU checkout's
 * macros, lookups) is skipped and counted. With --notables: one notable per result row, with its
 * risk events and executed drilldowns (src/notables/README.md). With `--backend chdb` or
 * `clickhouse://…` each search's pushable prefix runs there (run-on-backend.ts) and a summary line
 * counts the detections that ran there completely, partly or not at all.
 */
import { readFileSync } from "node:fs";
import {
  csvHeader, fillMessage, formatNotable, JsonArrayWriter, jsonRow, notDetectionsNote, parseDetection, runNotables, runnableSearch, runSearch, runSearchOnBackend, searchNameOf, Table, withFilterMacro, writeCsv,
  type Detection, type PushdownReport, type RunResult, type SqlBackend,
} from "../index.js";
import { cliBudget } from "./budget.js";
import { EXIT } from "./exit-codes.js";
import { listFiles, listingWarning } from "./load-files.js";
import type { CommonOptions } from "./options.js";
import { prepareRun, type RunContext } from "./run-context.js";
import { renderInternal } from "./report-internal.js";
import { closeSearchBackend, openSearchBackend, printDiagnostics, printTable, type Io } from "./session.js";

export interface DetectOptions {
  notables?: boolean;
  /** Print only the detections that returned rows (a folder of 900 prints its 30 that fired). */
  onlyFired?: boolean;
}

export async function detectCommand(paths: readonly string[], opts: CommonOptions & DetectOptions, io: Io): Promise<number> {
  if (opts.notables && opts.format === "csv") {
    // A notable nests risk events and drilldown results: no CSV row holds it.
    io.err("error: option '--format csv' is not supported with --notables (table, json or ndjson)\n  = hint: run `minispl detect --help` for its arguments and options\n");
    return EXIT.spl;
  }
  const files = listFiles(paths, [".yml", ".yaml"], listingWarning(io), { followSymlinks: opts.followSymlinks === true });
  const detections: Detection[] = [];
  let code: number = EXIT.ok;
  let skipped = 0;
  for (const file of files) {
    try {
      const parsed = parseDetection(readFileSync(file, "utf8"), file);
      if (parsed.notDetection) {
        skipped++;
        continue;
      }
      for (const d of parsed.diagnostics) io.err(`error: ${d.message}\n`);
      if (parsed.detection) detections.push(parsed.detection);
      else code = EXIT.input;
    } catch (e) {
      // One unreadable or crashing file is reported; the other detections still run.
      io.err(renderInternal(e, file, "parsing", { color: io.color, debug: opts.debug === true }));
      code = EXIT.input;
    }
  }
  if (skipped > 0 && !opts.quiet) io.err(`${notDetectionsNote(skipped)}\n`);
  // The detections run here are also what `| savedsearch <name>` finds (with any --detections).
  const run = prepareRun(opts, io, detections);
  if (!run) return EXIT.input;
  const { store, macros, exec } = run;
  if (opts.notables && (opts.backend ?? "memory") !== "memory") {
    // Notables run drilldown searches from inside a synchronous loop (runNotables).
    io.err(`warning: --notables runs every search in memory; --backend ${opts.backend} is not used\n`);
  }
  if (opts.notables) {
    // One "now" for the whole run: the risk events' _time and every drilldown's relative times.
    const now = opts.now ?? Math.floor(Date.now() / 1000);
    const out = runNotables(detections, store, (spl, st, det, name) => {
      const result = runSearch(spl, st, { macros: withFilterMacro(det, macros.table), name, tz: opts.tz, now, ...exec, budget: cliBudget(opts) });
      printDiagnostics(result.diagnostics, result, io, opts);
      return result;
    }, { now, tz: opts.tz });
    // One notable at a time, the same text as JSON.stringify(notables) / formatNotables(notables).
    if (opts.format === "json") {
      const json = new JsonArrayWriter(io.out);
      for (const n of out.notables) json.add(n);
      json.end();
    } else if (opts.format === "ndjson") {
      for (const n of out.notables) io.out(`${JSON.stringify(n)}\n`);
    } else if (out.notables.length === 0) io.out("0 notables\n");
    else {
      for (const [i, n] of out.notables.entries()) io.out(`${i > 0 ? "\n" : ""}${formatNotable(n, io.width, { tz: opts.tz })}`);
      io.out(`\n${out.notables.length} notable${out.notables.length === 1 ? "" : "s"}\n`);
    }
    if (!opts.quiet) io.err(`${out.notables.length} notable(s), ${out.riskEvents} risk event(s)\n`);
    return out.failed.length > 0 ? Math.max(code, EXIT.spl) : code;
  }
  // JSON rows of every detection in one array, written as each detection's rows come.
  const json = opts.format === "json" ? new JsonArrayWriter(io.out) : null;
  // CSV: one document, so the tables wait for the union of their fields (writeCsvTables).
  const csv: { det: Detection; table: Table }[] | null = opts.format === "csv" ? [] : null;
  const tally = { fired: 0, results: 0, failed: 0 };
  const backend = await openSearchBackend(opts, io);
  if (backend === undefined) return EXIT.input;
  const pushed: Pushed = { all: 0, part: 0, none: 0 };
  for (const det of detections) {
    try {
      const rows = await runOne(det, run, { json, csv, backend, pushed }, opts, io);
      if (rows === null) {
        tally.failed++;
        code = Math.max(code, EXIT.spl);
      } else if (rows > 0) {
        tally.fired++;
        tally.results += rows;
      }
    } catch (e) {
      // runSearch has its own net; this one catches printing and anything around it.
      io.err(renderInternal(e, det.file, "running", { color: io.color, debug: opts.debug === true }));
      tally.failed++;
      code = Math.max(code, EXIT.spl);
    }
  }
  await closeSearchBackend(backend, io);
  json?.end();
  if (csv) writeCsvTables(csv, opts, io);
  if (!opts.quiet && detections.length > 0) {
    const n = (k: number, what: string) => `${k} ${what}${k === 1 ? "" : "s"}`;
    io.err(`${n(detections.length, "detection")}: ${tally.fired} fired (${n(tally.results, "result")})${tally.failed ? `, ${tally.failed} could not run` : ""}\n`);
    if (backend) io.err(`${backend.name}: ${pushed.all} ran there completely, ${pushed.part} partly, ${pushed.none} in memory only (\`minispl explain --backend ${opts.backend}\` shows why)\n`);
  }
  return code;
}

/** How many detections' searches ran on the backend completely, partly, not at all. */
interface Pushed {
  all: number;
  part: number;
  none: number;
}

function countPushdown(report: PushdownReport, pushed: Pushed): void {
  const n = report.pushed?.nodes ?? 0;
  if (n === 0) pushed.none++;
  else if (n >= report.nodes) pushed.all++;
  else pushed.part++;
}

/** Where rows go besides stdout (the one JSON array, or the tables CSV writes at the end), and the backend. */
interface Sinks {
  readonly json: JsonArrayWriter | null;
  readonly csv: { det: Detection; table: Table }[] | null;
  readonly backend: SqlBackend | null;
  readonly pushed: Pushed;
}

/** Runs one detection and prints its rows; its row count, or null when its search failed (its diagnostics are printed). */
async function runOne(det: Detection, run: RunContext, sinks: Sinks, opts: CommonOptions & DetectOptions, io: Io): Promise<number | null> {
  const runOpts = {
    macros: withFilterMacro(det, run.macros.table), name: `${det.file} (search)`, tz: opts.tz, ...run.exec, budget: cliBudget(opts), ...(opts.now !== undefined ? { now: opts.now } : {}),
  };
  let result: RunResult;
  if (sinks.backend) {
    const r = await runSearchOnBackend(runnableSearch(det.search), run.store, sinks.backend, runOpts);
    countPushdown(r.pushdown, sinks.pushed);
    result = r;
  } else result = runSearch(runnableSearch(det.search), run.store, runOpts);
  printDiagnostics(result.diagnostics, result, io, opts);
  if (!result.table) return null;
  const t = result.table;
  if (opts.onlyFired && t.length === 0) return 0;
  const time = { tz: opts.tz };
  // search_name first; a result field of that name gives way to the detection's.
  const name = searchNameOf(det);
  if (sinks.json) for (let i = 0; i < t.length; i++) sinks.json.add(named(name, jsonRow(t, i, time)));
  else if (opts.format === "ndjson") for (let i = 0; i < t.length; i++) io.out(`${JSON.stringify(named(name, jsonRow(t, i, time)))}\n`);
  else if (sinks.csv) sinks.csv.push({ det, table: t });
  else printDetection(det, t, opts, io);
  return t.length;
}

/** The row with search_name as its first field (replacing one the search made). */
function named(name: string, row: Record<string, unknown>): Record<string, unknown> {
  const { search_name: _own, ...rest } = row;
  return { search_name: name, ...rest };
}

/**
 * Every detection's rows as one CSV: `search_name`, then the union of the tables' fields in the
 * order they first appear (a detection's row is empty in the others' columns). The tables are
 * held until the last detection ran, as the header must name every column first.
 */
function writeCsvTables(tables: readonly { det: Detection; table: Table }[], opts: CommonOptions, io: Io): void {
  const fields: string[] = ["search_name"];
  const seen = new Set(fields);
  for (const { table } of tables) for (const f of table.fields) if (!seen.has(f)) fields.push((seen.add(f), f));
  io.out(`${csvHeader(fields)}\n`);
  for (const { det, table } of tables) {
    const t = table.withColumn("search_name", new Array(table.length).fill(searchNameOf(det))).project(fields);
    writeCsv(t, io.out, { tz: opts.tz }, { header: false });
  }
}

function printDetection(det: Detection, t: Table, opts: CommonOptions, io: Io): void {
  io.out(`== ${searchNameOf(det)} (${det.file})\n`);
  printTable(t, opts.format, io, { tz: opts.tz });
  if (!det.message) return;
  for (let i = 0; i < t.length; i++) io.out(`message: ${fillMessage(det.message, t.row(i))}\n`);
}
