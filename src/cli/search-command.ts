/** `minispl search <spl>`: runs one search over the loaded events. */
import { runSearch } from "../index.js";
import { cliBudget } from "./budget.js";
import { EXIT } from "./exit-codes.js";
import type { CommonOptions, OutputOptions } from "./options.js";
import { eventsLimitOption, maxEvents, printSearchResult } from "./print-result.js";
import { prepareRun } from "./run-context.js";
import { printDiagnostics, type Io } from "./session.js";

export function searchCommand(spl: string, opts: CommonOptions & OutputOptions, io: Io): number {
  const run = prepareRun(opts, io);
  if (!run) return EXIT.input;
  const max = maxEvents(opts, io);
  const result = runSearch(spl, run.store, { macros: run.macros.table, name: "query", tz: opts.tz, ...run.exec, budget: cliBudget(opts), ...(opts.now !== undefined ? { now: opts.now } : {}), ...eventsLimitOption(max) });
  printDiagnostics(result.diagnostics, result, io, opts);
  if (!result.table) return EXIT.spl;
  printSearchResult({ ...result, table: result.table }, opts, io, max);
  return EXIT.ok;
}
