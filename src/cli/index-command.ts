/**
 * `minispl index <path>... --out <dir>`: ingests event files once into an on-disk index (Parquet
 * parts + manifest) that `--index <dir>` searches without re-reading them, and that DuckDB and
 * ClickHouse read directly. Re-running adds new or changed files only. Prints a progress bar on a
 * terminal and a summary: events per sourcetype and CIM dataset, skipped records with file:line,
 * throughput. `--out clickhouse://…` or `--out chdb:<dir>` loads the index into that database
 * instead (index-to-backend.ts).
 */
import { existsSync } from "node:fs";
import { SingleBar } from "cli-progress";
import { buildIndex, buildIndexParallel, Table, writeTextTable, type BuildProgress, type BuildSummary } from "../index.js";
import { EXIT } from "./exit-codes.js";
import { indexToBackend, isDatabaseOut } from "./index-to-backend.js";
import { ingestOptions, type Io } from "./session.js";

export interface IndexCommandOptions {
  out: string;
  format: "table" | "json";
  sourcetype?: string;
  source?: string;
  mapping?: string;
  /** `--follow-symlinks` (walk-paths.ts). */
  followSymlinks?: boolean;
  quiet?: boolean;
  jobs: number;
}

export async function indexCommand(paths: readonly string[], opts: IndexCommandOptions, io: Io): Promise<number> {
  const missing = paths.filter((p) => !existsSync(p));
  for (const p of missing) io.err(`error: ${p}: no such file or directory\n`);
  if (missing.length > 0) return EXIT.input;
  const ingest = ingestOptions(opts, io);
  if (!ingest) return EXIT.input;
  if (isDatabaseOut(opts.out)) {
    return indexToBackend(paths, opts, ingest, io, (b) => {
      for (const s of b.skipped) io.err(`warning: ${s.file}:${s.line}: skipped record: ${s.reason}\n`);
      if (!opts.quiet && opts.format !== "json") printSummary(b, io);
    });
  }
  const bar = io.color && !opts.quiet ? progressBar() : null;
  let summary: BuildSummary;
  try {
    const build = { ...ingest, ...(bar ? { progress: bar.update } : {}) };
    summary = opts.jobs > 1 ? await buildIndexParallel(paths, opts.out, { ...build, jobs: opts.jobs }) : buildIndex(paths, opts.out, build);
  } catch (e) {
    bar?.stop();
    io.err(`error: ${(e as Error).message}\n`);
    return EXIT.input;
  } finally {
    bar?.stop();
  }
  for (const s of summary.skipped) io.err(`warning: ${s.file}:${s.line}: skipped record: ${s.reason}\n`);
  if (opts.format === "json") io.out(`${JSON.stringify(summaryJson(summary), null, 2)}\n`);
  else printSummary(summary, io);
  return EXIT.ok;
}

/** A bar over input bytes; updated after each file and part, so it moves on one big file too. */
function progressBar(): { update(p: BuildProgress): void; stop(): void } {
  const bar = new SingleBar({
    format: "indexing [{bar}] {percentage}% | {files} | {events} events | {mbps} MB/s",
    stream: process.stderr,
    hideCursor: true,
    clearOnComplete: true,
  });
  const t0 = Date.now();
  let started = false;
  return {
    update(p) {
      const payload = { files: `${p.filesDone}/${p.files} files`, events: p.events.toLocaleString("en-US"), mbps: (p.bytesDone / 1e6 / Math.max(0.001, (Date.now() - t0) / 1000)).toFixed(1) };
      if (!started) {
        bar.start(Math.max(1, p.bytes), p.bytesDone, payload);
        started = true;
      } else bar.update(p.bytesDone, payload);
    },
    stop: () => started && bar.stop(),
  };
}

function summaryJson(s: BuildSummary): Record<string, unknown> {
  return {
    events: s.events,
    files: { indexed: s.indexed.length, kept: s.kept.length, removed: s.removed.length },
    input_mb: Number((s.inputBytes / 1e6).toFixed(2)),
    seconds: Number((s.ms / 1000).toFixed(2)),
    mb_per_s: mbps(s),
    sourcetypes: s.sourcetypes,
    datasets: s.datasets,
    skipped: s.skipped,
  };
}

function mbps(s: BuildSummary): number | null {
  const bytes = s.manifest.files.filter((f) => s.indexed.includes(f.path)).reduce((n, f) => n + f.inputBytes, 0);
  return s.indexed.length === 0 ? null : Number((bytes / 1e6 / Math.max(0.001, s.ms / 1000)).toFixed(1));
}

function printSummary(s: BuildSummary, io: Io): void {
  const counts = (m: Readonly<Record<string, number>>, key: string) =>
    Table.fromRows(Object.entries(m).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([k, v]) => ({ [key]: k, events: v })));
  if (Object.keys(s.sourcetypes).length > 0) writeTextTable(counts(s.sourcetypes, "sourcetype"), io.width, io.out);
  if (Object.keys(s.datasets).length > 0) {
    io.out("\n");
    writeTextTable(counts(s.datasets, "dataset"), io.width, io.out);
  }
  const rate = mbps(s);
  io.out(
    `\n${s.events} events in the index from ${s.manifest.files.length} file(s): ${s.indexed.length} indexed, ${s.kept.length} unchanged, ${s.removed.length} removed` +
      `${s.skipped.length ? `; ${s.skipped.length} record(s) skipped` : ""}; ${(s.ms / 1000).toFixed(1)} s${rate === null ? "" : `, ${rate} MB/s`}\n`,
  );
}
