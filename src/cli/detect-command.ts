/**
 * `minispl detect <detection.yml>...`: runs each detection's search exactly as written (its filter
 * macro defaults to `search *`, as contentctl generates it, unless --macros defines it) and prints
 * the results; in table mode also the detection's message per result. With --notables: one notable
 * per result row, with its risk events and executed drilldowns (src/notables/README.md).
 */
import { readFileSync } from "node:fs";
import {
  fillMessage, formatNotables, parseDetection, runNotables, runnableSearch, runSearch, Table, withFilterMacro, type Detection, type Value,
} from "../index.js";
import { EXIT } from "./exit-codes.js";
import { listFiles } from "./load-files.js";
import type { CommonOptions } from "./options.js";
import { prepareRun } from "./run-context.js";
import { printDiagnostics, printTable, type Io } from "./session.js";

export function detectCommand(paths: readonly string[], opts: CommonOptions & { notables?: boolean }, io: Io): number {
  const files = listFiles(paths, [".yml", ".yaml"]);
  const detections: Detection[] = [];
  let code: number = EXIT.ok;
  for (const file of files) {
    const parsed = parseDetection(readFileSync(file, "utf8"), file);
    for (const d of parsed.diagnostics) io.err(`error: ${d.message}\n`);
    if (parsed.detection) detections.push(parsed.detection);
    else code = EXIT.input;
  }
  const run = prepareRun(opts, io);
  if (!run) return EXIT.input;
  const { store, macros, exec } = run;
  if (opts.notables) {
    // One "now" for the whole run: the risk events' _time and every drilldown's relative times.
    const now = opts.now ?? Math.floor(Date.now() / 1000);
    const out = runNotables(detections, store, (spl, st, det, name) => {
      const result = runSearch(spl, st, { macros: withFilterMacro(det, macros.table), name, tz: opts.tz, now, ...exec });
      printDiagnostics(result.diagnostics, result, io);
      return result;
    }, { now, tz: opts.tz });
    if (opts.format === "json") io.out(`${JSON.stringify(out.notables, null, 2)}\n`);
    else io.out(formatNotables(out.notables, io.width));
    if (!opts.quiet) io.err(`${out.notables.length} notable(s), ${out.riskEvents} risk event(s)\n`);
    return out.failed.length > 0 ? Math.max(code, EXIT.spl) : code;
  }
  const jsonRows: Record<string, Value>[] = [];
  for (const det of detections) {
    const table = withFilterMacro(det, macros.table);
    const result = runSearch(runnableSearch(det.search), store, {
      macros: table, name: `${det.file} (search)`, tz: opts.tz, ...exec, ...(opts.now !== undefined ? { now: opts.now } : {}),
    });
    printDiagnostics(result.diagnostics, result, io);
    if (!result.table) {
      code = Math.max(code, EXIT.spl);
      continue;
    }
    if (opts.format === "json") {
      const rows = result.table.rows();
      jsonRows.push(...(detections.length > 1 ? rows.map((r) => ({ search_name: det.name, ...r })) : rows));
    } else printDetection(det, result.table, opts, io);
  }
  if (opts.format === "json") io.out(`${JSON.stringify(jsonRows, null, 2)}\n`);
  return code;
}

function printDetection(det: Detection, t: Table, opts: CommonOptions, io: Io): void {
  if (opts.format === "table") io.out(`== ${det.name} (${det.file})\n`);
  printTable(t, opts.format, io);
  if (opts.format !== "table" || !det.message) return;
  for (const row of t.rows()) io.out(`message: ${fillMessage(det.message, row)}\n`);
}
