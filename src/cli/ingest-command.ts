/**
 * `minispl ingest <path>...`: shows what minispl makes of a set of files without running a
 * search — events per format/source/sourcetype/EventCode, per CIM datamodel dataset (the row
 * counts tstats would see), every skipped record with file:line and why, and throughput. Events
 * are streamed through a BatchSink, so a 1 GB input is summarised in the memory of one batch.
 */
import { existsSync } from "node:fs";
import { isStdinPath } from "./load-files.js";
import {
  BatchSink, DATAMODELS, datasetView, ingestStream, Table, writeTextTable,
  type EventInput, type EventSink, type EventStore, type StreamOptions, type StreamReport, type Value,
} from "../index.js";
import { EXIT } from "./exit-codes.js";
import { ingestOptions, type Io } from "./session.js";

export interface IngestCommandOptions {
  format: "table" | "json";
  sourcetype?: string;
  source?: string;
  /** `--mapping <file.yml>` for JSON-lines/CSV logs no adapter recognises (as search/detect). */
  mapping?: string;
  /** `--follow-symlinks` (walk-paths.ts). */
  followSymlinks?: boolean;
}

interface Summary {
  readonly report: StreamReport;
  readonly seconds: number;
  readonly byKey: Map<string, { format: string; source: string; sourcetype: string; EventCode: string; count: number }>;
  readonly datasets: Map<string, number>;
}

export function ingestCommand(paths: readonly string[], opts: IngestCommandOptions, io: Io): number {
  // `-` and /dev/stdin are standard input (adapters/stdin-input.ts), not paths to check.
  const missing = paths.filter((p) => !isStdinPath(p) && !existsSync(p));
  for (const p of missing) io.err(`error: ${p}: no such file or directory\n`);
  if (missing.length > 0) return EXIT.input;
  const streamOpts = ingestOptions(opts, io);
  if (!streamOpts) return EXIT.input;
  const summary = summarise(paths, streamOpts);
  if (opts.format === "json") io.out(`${JSON.stringify(toJson(summary), null, 2)}\n`);
  else printSummary(summary, io);
  return EXIT.ok;
}

/** Streams the paths once, counting per event and per datamodel dataset (batch by batch). */
export function summarise(paths: readonly string[], opts: StreamOptions): Summary {
  const byKey: Summary["byKey"] = new Map();
  const datasets = new Map<string, number>();
  const batches = new BatchSink((store) => countDatasets(store, datasets));
  const sink: EventSink = {
    append(e: EventInput, format: string) {
      const source = text(e.fields.source);
      const sourcetype = text(e.fields.sourcetype);
      // FDR events have no EventCode; their event_simpleName plays that part.
      const code = text(e.fields.EventCode ?? e.fields.event_simpleName);
      const key = `${format}\u0000${source}\u0000${sourcetype}\u0000${code}`;
      const cur = byKey.get(key);
      if (cur) cur.count++;
      else byKey.set(key, { format, source, sourcetype, EventCode: code, count: 1 });
      batches.append(e, format);
    },
  };
  const t0 = performance.now();
  const report = ingestStream(sink, paths, opts);
  batches.flush();
  return { report, seconds: (performance.now() - t0) / 1000, byKey, datasets };
}

function countDatasets(store: EventStore, into: Map<string, number>): void {
  for (const model of DATAMODELS) {
    for (const ds of model.datasets) {
      const n = datasetView(store, ds).rows.length;
      if (n > 0) into.set(`${model.name}.${ds.name}`, (into.get(`${model.name}.${ds.name}`) ?? 0) + n);
    }
  }
}

function text(v: string | readonly string[] | undefined): string {
  return v === undefined ? "" : typeof v === "string" ? v : v.join(" ");
}

function throughput(s: Summary): Record<string, Value> {
  const secs = Math.max(s.seconds, 1e-6);
  const r = s.report;
  return {
    files: r.files,
    events: r.events,
    skipped: r.skipped.length,
    text_MB: round(r.bytes / 1e6),
    input_MB: round(r.inputBytes / 1e6),
    seconds: round(s.seconds),
    // Three significant digits: a few KB in a slow second is 0.00312 MB/s, not 0.
    "MB/s": Number((r.bytes / 1e6 / secs).toPrecision(3)),
    "events/s": Math.round(r.events / secs),
  };
}

function eventRows(s: Summary): Record<string, Value>[] {
  return [...s.byKey.values()]
    .sort((a, b) => b.count - a.count || a.format.localeCompare(b.format) || a.source.localeCompare(b.source) || a.EventCode.localeCompare(b.EventCode))
    .map((r) => ({ ...r }));
}

function datasetRows(s: Summary): Record<string, Value>[] {
  // DATAMODELS order (Endpoint.Processes first), the order tstats users know.
  return [...s.datasets.entries()].map(([dataset, count]) => ({ dataset, count }));
}

function toJson(s: Summary): Record<string, unknown> {
  return {
    ...throughput(s),
    bytes: s.report.bytes,
    inputBytes: s.report.inputBytes,
    byFormat: s.report.byFormat,
    events_by: eventRows(s),
    datasets: datasetRows(s),
    skipped_records: s.report.skipped,
  };
}

function printSummary(s: Summary, io: Io): void {
  const section = (title: string, rows: Record<string, Value>[], empty: string): void => {
    io.out(`== ${title}\n`);
    if (rows.length > 0) writeTextTable(Table.fromRows(rows), io.width, io.out);
    else io.out(`${empty}\n`);
  };
  section("ingestion", [throughput(s)], "");
  section("events by format, source, sourcetype, EventCode", eventRows(s), "no events");
  section("events per datamodel dataset", datasetRows(s), "no event belongs to a datamodel dataset");
  const skipped = s.report.skipped.map((k) => ({ file: k.file, line: k.line, reason: k.reason }));
  section(`skipped records (${skipped.length})`, skipped, "none");
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
