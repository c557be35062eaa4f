/**
 * `minispl index <paths>… --out clickhouse://[user@]host[:port]/db` (or `--out chdb:<dir>`): the
 * files are indexed as `--data` indexes them (the cached index, storage/index/data-cache.ts; one
 * path that is an index folder is used as it is), then every table a pushed search could read is
 * loaded into the database (storage/clickhouse/load-store.ts) and recorded in `minispl_loaded`, so
 * `detect|search|hunt --backend <same> --data <same paths>` (or `--index <that folder>`) loads
 * nothing. Tables already loaded from the same index are kept: re-running after a failure or an
 * interruption loads only what is missing.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { openCached, openIndex, redactSecrets, type BuildSummary, type IngestOptions, type OpenedIndex } from "../index.js";
import { openBackend } from "../open-backend.js";
import type { SqlBackend } from "../storage/clickhouse/backend.js";
import { loadStore, type LoadStoreSummary } from "../storage/clickhouse/load-store.js";
import { MANIFEST } from "../storage/index/manifest.js";
import { EXIT } from "./exit-codes.js";
import type { Io } from "./session.js";

/** True when `--out` names a database rather than an index folder. */
export function isDatabaseOut(out: string): boolean {
  return /^clickhouse(:\/\/|$)/i.test(out) || out.startsWith("chdb:");
}

export interface IndexToBackendOptions {
  readonly out: string;
  readonly format: "table" | "json";
  readonly quiet?: boolean;
}

/** Indexes (or opens) `paths`, then loads the index into the `--out` database. */
export async function indexToBackend(paths: readonly string[], opts: IndexToBackendOptions, ingest: IngestOptions, io: Io, printBuild: (b: BuildSummary) => void): Promise<number> {
  const env = process.env;
  const fail = (what: string, e: unknown) => {
    io.err(`error: ${what}: ${redactSecrets((e as Error)?.message ?? String(e), env)}\n`);
    return EXIT.input;
  };
  let opened: OpenedIndex;
  let build: BuildSummary | null = null;
  try {
    const only = paths.length === 1 ? (paths[0] as string) : null;
    if (only !== null && existsSync(join(only, MANIFEST))) opened = openIndex(only);
    else {
      const cached = openCached(paths, ingest);
      if ("busy" in cached) return fail("indexing", new Error(`the index cache ${cached.busy} is being built by another minispl run; try again when it is done`));
      ({ index: opened, build } = cached);
    }
  } catch (e) {
    return fail("indexing", e);
  }
  try {
    if (build) printBuild(build);
    let backend: SqlBackend;
    try {
      backend = await openBackend(opts.out, env);
    } catch (e) {
      return fail("--out", e);
    }
    if (!backend.persistent) {
      await backend.close();
      return fail("--out", new Error(`${backend.name} keeps no tables after this process: use clickhouse://… or chdb:<dir>`));
    }
    let summary: LoadStoreSummary;
    try {
      const progress = io.color && !opts.quiet;
      summary = await loadStore(backend, opened.store, progress ? (t, done, of) => io.err(`\rloading ${backend.name}: ${done}/${of} tables (${t.table})\x1b[K`) : undefined);
      if (progress) io.err("\r\x1b[K");
    } catch (e) {
      return fail(backend.name, e);
    } finally {
      await backend.close().catch(() => undefined);
    }
    printLoad(backend.name, opened.store.length, summary, opts, io);
    return EXIT.ok;
  } finally {
    opened.close();
  }
}

function printLoad(name: string, events: number, s: LoadStoreSummary, opts: IndexToBackendOptions, io: Io): void {
  const loaded = s.tables.filter((t) => t.rows !== null);
  const seconds = s.ms / 1000;
  const rate = s.rows === 0 ? null : Math.round(s.rows / Math.max(0.001, seconds));
  if (opts.format === "json") {
    const json = { database: name, events, tables: { loaded: loaded.length, kept: s.tables.length - loaded.length, deferred: s.deferred }, rows: s.rows, inserts: s.inserts, seconds: Number(seconds.toFixed(2)), rows_per_s: rate };
    io.out(`${JSON.stringify(json, null, 2)}\n`);
    return;
  }
  const kept = s.tables.length - loaded.length;
  io.out(
    `${name}: ${loaded.length} table(s) loaded (${s.rows} rows in ${s.inserts} insert(s)), ${kept} already there for this index; ` +
      `${events} events; ${seconds.toFixed(1)} s${rate === null ? "" : `, ${rate} rows/s`}\n`,
  );
  if (s.deferred.length > 0) io.err(`warning: ${s.deferred.length} field table(s) with very long names are loaded when a search reads them: ${s.deferred.join(", ")}\n`);
}
