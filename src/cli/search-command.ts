/** `minispl search <spl>`: runs one search over the loaded events. */
import { runSearch } from "../index.js";
import { EXIT } from "./exit-codes.js";
import type { CommonOptions } from "./options.js";
import { prepareRun } from "./run-context.js";
import { printDiagnostics, printTable, type Io } from "./session.js";

export function searchCommand(spl: string, opts: CommonOptions, io: Io): number {
  const run = prepareRun(opts, io);
  if (!run) return EXIT.input;
  const result = runSearch(spl, run.store, { macros: run.macros.table, name: "query", tz: opts.tz, ...run.exec, ...(opts.now !== undefined ? { now: opts.now } : {}) });
  printDiagnostics(result.diagnostics, result, io, opts);
  if (!result.table) return EXIT.spl;
  printTable(result.table, opts.format, io);
  return EXIT.ok;
}
