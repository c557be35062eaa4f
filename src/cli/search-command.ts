/**
 * `minispl search <spl>`: runs one search over the loaded events. `--detection <file.yml>` runs a
 * detection's search as `detect` does (prefixed as contentctl does, its `_filter` macro defined),
 * printed as a search: events view, `--fields`, `--max-events` and all.
 */
import { runnableSearch, runSearch, withFilterMacro, type MacroTable } from "../index.js";
import { cliBudget } from "./budget.js";
import { EXIT } from "./exit-codes.js";
import { readDetectionFile } from "./load-files.js";
import type { CommonOptions, OutputOptions } from "./options.js";
import { eventsLimitOption, maxEvents, printSearchResult } from "./print-result.js";
import { prepareRun } from "./run-context.js";
import { printDiagnostics, type Io } from "./session.js";

export function searchCommand(query: string | { detection: string }, opts: CommonOptions & OutputOptions, io: Io): number {
  const run = prepareRun(opts, io);
  if (!run) return EXIT.input;
  let spl: string;
  let macros: MacroTable = run.macros.table;
  if (typeof query === "string") spl = query;
  else {
    const det = readDetectionFile(query.detection, io, `--detection ${query.detection}`);
    if (!det) return EXIT.input;
    spl = runnableSearch(det.search);
    macros = withFilterMacro(det, macros);
  }
  const max = maxEvents(opts, io);
  const result = runSearch(spl, run.store, { macros, name: typeof query === "string" ? "query" : query.detection, tz: opts.tz, ...run.exec, budget: cliBudget(opts), ...(opts.now !== undefined ? { now: opts.now } : {}), ...eventsLimitOption(max) });
  printDiagnostics(result.diagnostics, result, io, opts);
  if (!result.table) return EXIT.spl;
  printSearchResult({ ...result, table: result.table }, opts, io, max);
  return EXIT.ok;
}
