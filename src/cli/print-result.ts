/**
 * How `minispl search` prints its result. A search that ends in events (endsInEvents) is shown as
 * events in table format (src/output/events-view.ts) and is cut at `--max-events`; a statistics
 * search keeps its table. JSON, CSV and NDJSON keep their shapes; `--output <file>` sends any of
 * them to a file instead of stdout.
 */
import { closeSync, openSync } from "node:fs";
import { endsInEvents, fdWriter, writeEventsView, type RunResult, type Table, type TimeDisplay } from "../index.js";
import { EXIT } from "./exit-codes.js";
import type { CommonOptions, OutputOptions } from "./options.js";
import { printTable, type Io } from "./session.js";

/**
 * Events printed on a terminal unless `--max-events` says otherwise. Splunk's own CLI returns "the
 * first 100 events" of a historical search unless `-maxout` says otherwise
 * (https://help.splunk.com/splunk-enterprise/spl-search-reference/9.4/search-in-the-cli/syntax-for-searches-in-the-cli).
 * Piped or written to a file (and in JSON/CSV/NDJSON) every event is printed: a script or a
 * spreadsheet wants the whole result, and cutting it silently would be worse than a long output.
 */
export const TERMINAL_MAX_EVENTS = 100;

/** A terminal: io.width is finite only when stdout is one (session.ts). */
function onTerminal(io: Io): boolean {
  return Number.isFinite(io.width);
}

/** The most events to print (null: all): `--max-events` (0: all), else TERMINAL_MAX_EVENTS for the events view on a terminal. */
export function maxEvents(opts: Pick<CommonOptions, "format"> & OutputOptions, io: Io): number | null {
  if (opts.maxEvents !== undefined) return opts.maxEvents === 0 ? null : opts.maxEvents;
  return opts.format === "table" && onTerminal(io) ? TERMINAL_MAX_EVENTS : null;
}

/**
 * The plan option for runSearch: one event more than will be printed, so the printer knows that
 * more follow; the planner applies it to searches that end in events only (plan/build-plan.ts).
 */
export function eventsLimitOption(max: number | null): { eventsLimit?: number } {
  return max === null ? {} : { eventsLimit: max + 1 };
}

/** Prints a search's table (run with eventsLimitOption(max)) in the chosen format. */
export function printSearchResult(result: RunResult & { table: Table }, opts: CommonOptions & OutputOptions, io: Io, max: number | null): void {
  const time: TimeDisplay = { tz: opts.tz };
  const events = endsInEvents(result.commands);
  if (opts.fields && (!events || opts.format !== "table")) {
    io.err(`warning: --fields chooses the fields listed under each event in the events view; for ${events ? `--format ${opts.format}` : "a statistics table"} use \`| fields ${opts.fields.join(", ")}\` in the search\n`);
  }
  // An option that does nothing must say so: a statistics table is whole (its rows are results, not events).
  if (opts.maxEvents !== undefined && !events) {
    io.err(`warning: --max-events limits a search that ends in events; this one ends in a statistics table, printed whole (add \`| head ${opts.maxEvents}\` to the search to cut it)\n`);
  }
  const t = result.table;
  // Only a search that ends in events was limited (to max + 1 rows): more than max means more follow.
  const cut = events && max !== null && t.length > max;
  if (events && opts.format === "table") {
    writeEventsView(t, io.out, { width: io.width, time, maxEvents: max, cut, color: io.color && onTerminal(io), ...(opts.fields ? { fields: opts.fields } : {}) });
    return;
  }
  printTable(cut ? t.select(Array.from({ length: max }, (_, i) => i)) : t, opts.format, io, time);
  if (cut) io.err(`note: printed the first ${max} events; more follow (--max-events <n> prints more, 0 all)\n`);
}

/**
 * Runs `print` with stdout replaced by `--output <file>` (created or truncated) when given: no
 * terminal width, so nothing is wrapped or cut to a screen and the events view is not limited
 * unless `--max-events` says so. Exit 3 when the file cannot be opened.
 */
export async function withOutputFile(path: string | undefined, io: Io, print: (io: Io) => number | Promise<number>): Promise<number> {
  if (path === undefined) return print(io);
  let fd: number;
  try {
    fd = openSync(path, "w");
  } catch (e) {
    io.err(`error: --output ${path}: ${(e as NodeJS.ErrnoException).code === "ENOENT" ? "no such directory" : (e as Error).message}\n`);
    return EXIT.input;
  }
  try {
    return await print({ ...io, out: fdWriter(fd, () => {}), width: Number.POSITIVE_INFINITY });
  } finally {
    closeSync(fd);
  }
}
