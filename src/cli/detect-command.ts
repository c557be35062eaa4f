/**
 * `minispl detect <detection.yml>...`: runs each detection's search exactly as written (its filter
 * macro defaults to `search *`, as contentctl generates it, unless --macros defines it) and prints
 * the results; in table mode also the detection's message per result. With --notables: one notable
 * per result row, with its risk events and executed drilldowns (src/notables/README.md).
 */
import { readFileSync } from "node:fs";
import {
  fillMessage, formatNotable, JsonArrayWriter, jsonRow, parseDetection, runNotables, runnableSearch, runSearch, Table, withFilterMacro, type Detection,
} from "../index.js";
import { cliBudget } from "./budget.js";
import { EXIT } from "./exit-codes.js";
import { listFiles, listingWarning } from "./load-files.js";
import type { CommonOptions } from "./options.js";
import { prepareRun, type RunContext } from "./run-context.js";
import { renderInternal } from "./report-internal.js";
import { printDiagnostics, printTable, type Io } from "./session.js";

export interface DetectOptions {
  notables?: boolean;
  /** Print only the detections that returned rows (a folder of 900 prints its 30 that fired). */
  onlyFired?: boolean;
}

export function detectCommand(paths: readonly string[], opts: CommonOptions & DetectOptions, io: Io): number {
  const files = listFiles(paths, [".yml", ".yaml"], listingWarning(io), { followSymlinks: opts.followSymlinks === true });
  const detections: Detection[] = [];
  let code: number = EXIT.ok;
  for (const file of files) {
    try {
      const parsed = parseDetection(readFileSync(file, "utf8"), file);
      for (const d of parsed.diagnostics) io.err(`error: ${d.message}\n`);
      if (parsed.detection) detections.push(parsed.detection);
      else code = EXIT.input;
    } catch (e) {
      // One unreadable or crashing file is reported; the other detections still run.
      io.err(renderInternal(e, file, "parsing", { color: io.color, debug: opts.debug === true }));
      code = EXIT.input;
    }
  }
  const run = prepareRun(opts, io);
  if (!run) return EXIT.input;
  const { store, macros, exec } = run;
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
    } else if (out.notables.length === 0) io.out("0 notables\n");
    else {
      for (const [i, n] of out.notables.entries()) io.out(`${i > 0 ? "\n" : ""}${formatNotable(n, io.width)}`);
      io.out(`\n${out.notables.length} notable${out.notables.length === 1 ? "" : "s"}\n`);
    }
    if (!opts.quiet) io.err(`${out.notables.length} notable(s), ${out.riskEvents} risk event(s)\n`);
    return out.failed.length > 0 ? Math.max(code, EXIT.spl) : code;
  }
  // JSON rows of every detection in one array, written as each detection's rows come.
  const json = opts.format === "json" ? new JsonArrayWriter(io.out) : null;
  const tally = { fired: 0, results: 0, failed: 0 };
  for (const det of detections) {
    try {
      const rows = runOne(det, run, json, detections.length > 1, opts, io);
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
  json?.end();
  if (!opts.quiet && detections.length > 0) {
    const n = (k: number, what: string) => `${k} ${what}${k === 1 ? "" : "s"}`;
    io.err(`${n(detections.length, "detection")}: ${tally.fired} fired (${n(tally.results, "result")})${tally.failed ? `, ${tally.failed} could not run` : ""}\n`);
  }
  return code;
}

/** Runs one detection and prints its rows; its row count, or null when its search failed (its diagnostics are printed). */
function runOne(det: Detection, run: RunContext, json: JsonArrayWriter | null, named: boolean, opts: CommonOptions & DetectOptions, io: Io): number | null {
  const result = runSearch(runnableSearch(det.search), run.store, {
    macros: withFilterMacro(det, run.macros.table), name: `${det.file} (search)`, tz: opts.tz, ...run.exec, budget: cliBudget(opts), ...(opts.now !== undefined ? { now: opts.now } : {}),
  });
  printDiagnostics(result.diagnostics, result, io, opts);
  if (!result.table) return null;
  if (opts.onlyFired && result.table.length === 0) return 0;
  if (json) {
    const t = result.table;
    const time = { tz: opts.tz };
    for (let i = 0; i < t.length; i++) json.add(named ? { search_name: det.name, ...jsonRow(t, i, time) } : jsonRow(t, i, time));
  } else printDetection(det, result.table, opts, io);
  return result.table.length;
}

function printDetection(det: Detection, t: Table, opts: CommonOptions, io: Io): void {
  if (opts.format === "table") io.out(`== ${det.name} (${det.file})\n`);
  printTable(t, opts.format, io, { tz: opts.tz });
  if (opts.format !== "table" || !det.message) return;
  for (let i = 0; i < t.length; i++) io.out(`message: ${fillMessage(det.message, t.row(i))}\n`);
}
