/**
 * What search and detect share: loading events (with a one-line report and every skipped record
 * as file:line on stderr), loading macros, printing diagnostics and results.
 */
import { existsSync } from "node:fs";
import { isatty } from "node:tty";
import {
  EventStore, fdWriter, ingestStream, openBackend, openCached, openIndex, redactSecrets, renderDiagnostic, writeCsv, writeJson, writeNdjson, writeTextTable,
  type CachedOpen, type SqlBackend, type Diagnostic, type EventSink, type OpenedIndex, type IngestOptions, type IngestReport, type RunResult, type Table,
  UTC_DISPLAY, type TimeDisplay,
} from "../index.js";
import { EXIT } from "./exit-codes.js";
import type { CommonOptions } from "./options.js";
import { loadMapping, type UserMapping } from "../adapters/index.js";
import { isStdinPath, notLogsSummary } from "./load-files.js";

export interface Io {
  out(s: string): void;
  err(s: string): void;
  readonly color: boolean;
  readonly width: number;
}

export const processIo: Io = {
  // Synchronous writes to fd 1 (src/output/fd-writer.ts): a large result never queues up in
  // memory behind a slow pipe, and when the reader has gone (`| head -1`) we stop quietly with 0.
  out: fdWriter(1, () => process.exit(EXIT.ok)),
  err: (s) => process.stderr.write(s),
  color: Boolean(process.stderr.isTTY) && !process.env.NO_COLOR,
  // Fit the terminal; when piped, cells are cut only at MAX_CELL_WIDTH. isatty(1), not
  // process.stdout.isTTY: creating process.stdout makes a piped fd 1 non-blocking.
  width: isatty(1) ? (process.stdout.columns ?? 160) : Number.POSITIVE_INFINITY,
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
export function ingestOptions(opts: Pick<CommonOptions, "sourcetype" | "source" | "mapping" | "followSymlinks">, io: Pick<Io, "err">): IngestOptions | null {
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
    ...(opts.followSymlinks ? { followSymlinks: true } : {}),
  };
}

/**
 * The events a command searches: an opened `--index`, else `--data` through the cached index
 * (built or brought up to date first), else `--data` in memory (`--no-cache`, or when another run
 * is building the same cache). Skipped records are reported as file:line either way, also when
 * they come from the cache's manifest. Null (after printing why) when an input cannot be read.
 */
export function loadEvents(opts: CommonOptions, io: Io): { store: EventStore; report: IngestReport } | null {
  if (opts.index !== undefined) return openIndexDir(opts.index, opts, io);
  // `-` and /dev/stdin read standard input (adapters/stdin-input.ts), which no cache can key.
  const missing = opts.data.filter((p) => !isStdinPath(p) && !existsSync(p));
  for (const p of missing) io.err(`error: --data ${p}: no such file or directory\n`);
  if (missing.length > 0) return null;
  const ingestOpts = ingestOptions(opts, io);
  if (!ingestOpts) return null;
  if (opts.data.length > 0 && opts.cache !== false && !opts.data.some(isStdinPath)) {
    const cached = loadCached(opts, ingestOpts, io);
    if (cached) return cached;
  }
  const store = new EventStore();
  const sink = progressSink(store, io, opts.quiet === true);
  const report = ingestStream(sink, opts.data, ingestOpts);
  store.compact();
  sink.done();
  reportLoad(report, opts, io);
  return { store, report };
}

function reportLoad(report: IngestReport, opts: CommonOptions, io: Io, how = ""): void {
  for (const s of report.skipped) io.err(`warning: ${s.file}:${s.line}: skipped record: ${s.reason}\n`);
  const notLogs = notLogsSummary(report.notLogs ?? []);
  if (notLogs) io.err(`${notLogs}\n`);
  if (!opts.quiet && opts.data.length > 0) {
    io.err(`loaded ${report.events} events from ${report.files} file(s)${report.skipped.length ? `, ${report.skipped.length} record(s) skipped` : ""}${how}\n`);
  }
}

function loadCached(opts: CommonOptions, ingestOpts: IngestOptions, io: Io): { store: EventStore; report: IngestReport } | null {
  let cached: CachedOpen;
  try {
    cached = openCached(opts.data, ingestOpts);
  } catch (e) {
    io.err(`warning: the index cache could not be used (${(e as Error).message}); loading into memory\n`);
    return null;
  }
  // Another run is building this cache right now: load into memory (same results) rather than wait.
  if ("busy" in cached) return null;
  const { build, index } = cached;
  const report: IngestReport = { files: build.manifest.files.length, events: build.events, bytes: build.inputBytes, byFormat: {}, skipped: [...build.skipped], notLogs: [...build.notLogs] };
  reportLoad(report, opts, io, build.indexed.length === 0 ? " (cached index)" : ` (indexed ${build.indexed.length} file(s) into the cache)`);
  return { store: index.store, report };
}

function openIndexDir(dir: string, opts: CommonOptions, io: Io): { store: EventStore; report: IngestReport } | null {
  if (opts.data.length > 0) io.err("warning: --data is ignored with --index (add the files to the index with `minispl index`)\n");
  let opened: OpenedIndex;
  try {
    opened = openIndex(dir);
  } catch (e) {
    io.err(`error: --index ${(e as Error).message}\n`);
    return null;
  }
  const files = opened.manifest.files;
  const report: IngestReport = {
    files: files.length,
    events: opened.store.length,
    bytes: files.reduce((n, f) => n + f.inputBytes, 0),
    byFormat: {},
    skipped: files.flatMap((f) => f.skipped),
  };
  if (!opts.quiet) io.err(`opened index ${dir}: ${report.events} events from ${report.files} file(s)\n`);
  return { store: opened.store, report };
}

/**
 * The `--backend` searches run on (issue 13): null for `memory` (every step here), else an open
 * chDB or ClickHouse connection; undefined, after saying why on stderr, when it cannot be opened
 * (chdb not installed, a server that does not answer). The caller closes it.
 */
export async function openSearchBackend(opts: Pick<CommonOptions, "backend">, io: Io): Promise<SqlBackend | null | undefined> {
  const spec = opts.backend ?? "memory";
  if (spec === "memory") return null;
  try {
    return await openBackend(spec, process.env);
  } catch (e) {
    io.err(`error: --backend ${spec}: ${redactSecrets((e as Error)?.message ?? String(e), process.env)}\n`);
    return undefined;
  }
}

/** Closes a backend a command opened; a failure to close only warns (the results are out). */
export async function closeSearchBackend(backend: SqlBackend | null, io: Io): Promise<void> {
  try {
    await backend?.close();
  } catch (e) {
    io.err(`warning: --backend ${backend?.name}: closing: ${redactSecrets((e as Error)?.message ?? String(e), process.env)}\n`);
  }
}

export function printDiagnostics(ds: readonly Diagnostic[], result: Pick<RunResult, "sources">, io: Io, opts: { debug?: boolean } = {}): void {
  for (const d of ds) io.err(`${renderDiagnostic(d, result.sources, { color: io.color, debug: opts.debug === true })}\n`);
}

/** `time`: the zone `_time` is shown in (`--tz`; src/output/time-display.ts). */
export function printTable(t: Table, format: CommonOptions["format"], io: Io, time: TimeDisplay = UTC_DISPLAY): void {
  // Row by row to io.out in bounded chunks: one string of a big result would not fit (issue 9).
  if (format === "json") writeJson(t, io.out, time);
  else if (format === "csv") writeCsv(t, io.out, time);
  else if (format === "ndjson") writeNdjson(t, io.out, time);
  else {
    if (t.length > 0) writeTextTable(t, io.width, io.out, time);
    io.out(`${t.length} result${t.length === 1 ? "" : "s"}\n`);
  }
}
