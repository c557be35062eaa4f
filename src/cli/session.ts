/**
 * What search and detect share: loading events (with a one-line report and every skipped record
 * as file:line on stderr), loading macros, printing diagnostics and results.
 */
import { existsSync } from "node:fs";
import {
  EventStore, ingestStream, renderDiagnostic, toCsv, toJsonRows, toNdjson, toTextTable,
  type Diagnostic, type EventSink, type IngestOptions, type IngestReport, type RunResult, type Table,
} from "../index.js";
import type { CommonOptions } from "./options.js";
import { loadMapping, type UserMapping } from "../adapters/index.js";

export interface Io {
  out(s: string): void;
  err(s: string): void;
  readonly color: boolean;
  readonly width: number;
}

export const processIo: Io = {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
  color: Boolean(process.stderr.isTTY) && !process.env.NO_COLOR,
  // Fit the terminal; when piped, never truncate cells.
  width: process.stdout.isTTY ? (process.stdout.columns ?? 160) : Number.POSITIVE_INFINITY,
};

/** Loads every --data path; null (after printing why) when a path does not exist. */
/**
 * The store as an ingestion sink that, on a terminal and once loading has taken over a second,
 * keeps a progress line on stderr (cleared when done).
 */
function progressSink(store: EventStore, io: Io, quiet: boolean): EventSink & { done(): void } {
  const start = Date.now();
  let shown = false;
  let n = 0;
  const show = io.color && !quiet;
  return {
    append(e) {
      store.append(e);
      if (!show || ++n % 20_000 !== 0 || Date.now() - start < 1000) return;
      shown = true;
      io.err(`\rloading… ${n.toLocaleString("en-US")} events (${((Date.now() - start) / 1000).toFixed(1)} s)`);
    },
    done() {
      if (shown) io.err("\r\u001b[K");
    },
  };
}

/**
 * The ingestion options every --data command shares: `--sourcetype`, `--source` and the
 * `--mapping <file.yml>` file, loaded here; null (after printing why) when the mapping is bad.
 */
export function ingestOptions(opts: Pick<CommonOptions, "sourcetype" | "source" | "mapping">, io: Pick<Io, "err">): IngestOptions | null {
  let mapping: UserMapping | undefined;
  try {
    mapping = opts.mapping ? loadMapping(opts.mapping) : undefined;
  } catch (e) {
    io.err(`error: --mapping ${(e as Error).message}\n`);
    return null;
  }
  return {
    ...(opts.sourcetype ? { sourcetype: opts.sourcetype } : {}),
    ...(opts.source ? { source: opts.source } : {}),
    ...(mapping ? { mapping } : {}),
  };
}

export function loadEvents(opts: CommonOptions, io: Io): { store: EventStore; report: IngestReport } | null {
  const missing = opts.data.filter((p) => !existsSync(p));
  for (const p of missing) io.err(`error: --data ${p}: no such file or directory\n`);
  if (missing.length > 0) return null;
  const store = new EventStore();
  const ingestOpts = ingestOptions(opts, io);
  if (!ingestOpts) return null;
  const sink = progressSink(store, io, opts.quiet === true);
  const report = ingestStream(sink, opts.data, ingestOpts);
  sink.done();
  for (const s of report.skipped) io.err(`warning: ${s.file}:${s.line}: skipped record: ${s.reason}\n`);
  if (!opts.quiet && opts.data.length > 0) {
    io.err(`loaded ${report.events} events from ${report.files} file(s)${report.skipped.length ? `, ${report.skipped.length} record(s) skipped` : ""}\n`);
  }
  return { store, report };
}

export function printDiagnostics(ds: readonly Diagnostic[], result: Pick<RunResult, "sources">, io: Io): void {
  for (const d of ds) io.err(`${renderDiagnostic(d, result.sources, { color: io.color })}\n`);
}

export function printTable(t: Table, format: CommonOptions["format"], io: Io): void {
  if (format === "json") io.out(`${JSON.stringify(toJsonRows(t), null, 2)}\n`);
  else if (format === "csv") io.out(toCsv(t));
  else if (format === "ndjson") io.out(toNdjson(t));
  else {
    if (t.length > 0) io.out(`${toTextTable(t, io.width)}\n`);
    io.out(`${t.length} result${t.length === 1 ? "" : "s"}\n`);
  }
}
