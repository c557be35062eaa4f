/**
 * What search and detect share: loading events (with a one-line report and every skipped record
 * as file:line on stderr), loading macros, printing diagnostics and results.
 */
import { existsSync } from "node:fs";
import {
  EventStore, ingestPaths, renderDiagnostic, toCsv, toJsonRows, toTextTable,
  type Diagnostic, type IngestReport, type RunResult, type Table,
} from "../index.js";
import type { CommonOptions } from "./options.js";

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
export function loadEvents(opts: CommonOptions, io: Io): { store: EventStore; report: IngestReport } | null {
  const missing = opts.data.filter((p) => !existsSync(p));
  for (const p of missing) io.err(`error: --data ${p}: no such file or directory\n`);
  if (missing.length > 0) return null;
  const store = new EventStore();
  const ingestOpts = { ...(opts.sourcetype ? { sourcetype: opts.sourcetype } : {}), ...(opts.source ? { source: opts.source } : {}) };
  const report = ingestPaths(store, opts.data, ingestOpts);
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
  else {
    if (t.length > 0) io.out(`${toTextTable(t, io.width)}\n`);
    io.out(`${t.length} result${t.length === 1 ? "" : "s"}\n`);
  }
}
