/**
 * `minispl search <spl>`: runs one search over the loaded events. `--detection <file.yml>` runs a
 * detection's search as `detect` does (prefixed as contentctl does, its `_filter` macro defined),
 * printed as a search: events view, `--fields`, `--max-events` and all.
 */
import { runnableSearch, runSearch, runSearchOnBackend, withFilterMacro, type MacroTable, type PushdownReport, type RunResult } from "../index.js";
import { cliBudget } from "./budget.js";
import { EXIT } from "./exit-codes.js";
import { readDetectionFile } from "./load-files.js";
import type { CommonOptions, OutputOptions } from "./options.js";
import { eventsLimitOption, maxEvents, printSearchResult } from "./print-result.js";
import { prepareRun } from "./run-context.js";
import { closeSearchBackend, openSearchBackend, printDiagnostics, type Io } from "./session.js";

/** With `--backend chdb` or `clickhouse://…`, the search's pushable prefix runs there (run-on-backend.ts). */
export async function searchCommand(query: string | { detection: string }, opts: CommonOptions & OutputOptions, io: Io): Promise<number> {
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
  const backend = await openSearchBackend(opts, io);
  if (backend === undefined) return EXIT.input;
  const runOpts = { macros, name: typeof query === "string" ? "query" : query.detection, tz: opts.tz, ...run.exec, budget: cliBudget(opts), ...(opts.now !== undefined ? { now: opts.now } : {}), ...eventsLimitOption(max) };
  let result: RunResult;
  try {
    if (backend) {
      const r = await runSearchOnBackend(spl, run.store, backend, runOpts);
      // Said only of a search that ran: a failed one has its diagnostic (naming the backend) instead.
      if (!opts.quiet && r.pushdown.nodes > 0 && r.table) io.err(`${pushdownLine(backend.name, r.pushdown)}\n`);
      result = r;
    } else result = runSearch(spl, run.store, runOpts);
  } finally {
    await closeSearchBackend(backend, io);
  }
  printDiagnostics(result.diagnostics, result, io, opts);
  if (!result.table) return EXIT.spl;
  printSearchResult({ ...result, table: result.table }, opts, io, max);
  return EXIT.ok;
}

/** What ran where, in one line: `chdb: plan steps 1-3 of 5 ran there; step 4 (…) here: why`. */
function pushdownLine(name: string, report: PushdownReport): string {
  const n = report.pushed?.nodes ?? 0;
  const there = n === 0 ? "no plan step ran there" : `plan step${n === 1 ? "" : "s"} 1${n === 1 ? "" : `-${n}`} of ${report.nodes} ran there`;
  return `${name}: ${there}${report.stop ? `; step ${report.stop.node + 1} and after here: ${report.stop.reason}` : ""}`;
}
