/**
 * The chDB row of the bench (issue 13): the seed detection and five group-heavy tstats
 * (chdb-queries.ts) over N synthetic Sysmon events (sysmon-set.ts, default 10M) in an on-disk
 * index, on three engines in the same run, each in its own child process (chdb-task.ts):
 * the in-memory engine over the index, chDB (one-time load of the dataset tables, then each
 * search pushed down completely), and DuckDB over the same Parquet parts with hand-written SQL.
 * The index is built once per N, seed and generator/index version and kept under
 * `<tmp>/minispl-bench-cache/` (its source text is deleted after indexing). chDB's rows must be
 * the in-memory rows (same JSON); a difference is reported with its first differing row and
 * fails the measure. Without chDB installed, the measure says so and is skipped.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statfsSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { CHDB_MISSING } from "../storage/clickhouse/backend.js";
import { INDEX_FORMAT, MAPPING_VERSION } from "../storage/index/manifest.js";
import { CHDB_QUERIES } from "./chdb-queries.js";
import type { ChdbEngine, ChdbQueryResult, ChdbResult } from "./chdb-task.js";
import { dirBytes } from "./dir-bytes.js";
import { uptimeLoad } from "./machine.js";
import { runTask } from "./spawn-task.js";
import { MB, median, round } from "./stats.js";
import { SYSMON_SET_VERSION, writeSysmonSet } from "./sysmon-set.js";

export interface ChdbBenchOptions {
  readonly events: number;
  readonly runs: number;
  readonly jobs: number;
  readonly seed: number;
  /** Where the cache folder lives (the bench's --tmp). */
  readonly tmp: string;
  /** The run's work folder (deleted at the end): the rows files go there. */
  readonly root: string;
}

const START_MS = Date.UTC(2024, 5, 17);
const SPAN_MS = 14 * 86_400_000;
/** Source text (deleted after indexing) plus the index, with headroom. */
const DISK_BYTES_PER_EVENT = 1_800;

const log = (s: string): void => void process.stderr.write(`bench: chdb: ${s}\n`);

/** The measure's JSON goes into `out.chdb_vs_memory_vs_duckdb` before any failure is thrown. */
export async function measureChdb(dist: string, opts: ChdbBenchOptions, out: Record<string, unknown>): Promise<void> {
  const missing = chdbMissing();
  if (missing) {
    out.chdb_vs_memory_vs_duckdb = { skipped: missing };
    log(`skipped: ${missing}`);
    return;
  }
  const loadStart = uptimeLoad();
  const index = await cachedIndex(dist, opts);
  const rowsDir = mkdtempSync(join(opts.root, "chdb-rows-"));
  const now = Math.floor((START_MS + SPAN_MS) / 1000) + 3600;
  const run = async (engine: ChdbEngine): Promise<{ r: ChdbResult; wallMs: number }> => {
    log(`${engine} over ${opts.events} events`);
    const { result, wallMs } = await runTask(dist, "chdb", { engine, dir: index.dir, runs: opts.runs, now, rowsDir });
    return { r: result, wallMs };
  };
  const memory = await run("memory");
  const chdb = await run("chdb");
  const duckdb = await run("duckdb");

  const differ: string[] = [];
  const queries: Record<string, unknown> = {};
  CHDB_QUERIES.forEach((q, i) => {
    const m = memory.r.queries[i] as ChdbQueryResult;
    const c = chdb.r.queries[i] as ChdbQueryResult;
    const d = duckdb.r.queries[i] as ChdbQueryResult;
    const same = m.hash === c.hash && m.rows === c.rows;
    if (!same) differ.push(`${q.name}: ${firstDifference(rowsDir, q.name)}`);
    const mMs = median(m.ms);
    const cMs = median(c.ms);
    const dMs = median(d.ms);
    queries[q.name] = {
      spl: q.spl,
      why: q.why,
      rows: m.rows,
      memory_ms: round(mMs, 1),
      memory_first_ms: round(m.ms[0] as number, 1),
      chdb_ms: round(cMs, 1),
      chdb_sql_only_ms: round(c.sqlMs ?? NaN, 1),
      duckdb_ms: round(dMs, 1),
      memory_over_chdb: round(mMs / cMs, 2),
      chdb_over_duckdb: round(cMs / dMs, 2),
      memory_over_duckdb: round(mMs / dMs, 2),
      chdb_rows_identical_to_memory: same,
      duckdb_rows: d.rows,
      duckdb_same_row_count_and_total: d.rows === m.rows && d.countSum === m.countSum,
      ...(m.errors.length || c.errors.length ? { errors: { memory: m.errors, chdb: c.errors } } : {}),
      runs_ms: { memory: m.ms.map((x) => round(x, 1)), chdb: c.ms.map((x) => round(x, 1)), duckdb: d.ms.map((x) => round(x, 1)) },
    };
  });
  const sum = (r: ChdbResult): number => r.queries.reduce((n, q) => n + median(q.ms), 0);
  const loadMs = chdb.r.loadMs ?? 0;
  out.chdb_vs_memory_vs_duckdb = {
    events: opts.events,
    runs: opts.runs,
    note: "medians of `runs` runs per search (a run over 20 s is not repeated); memory and chDB repeat in one process after open/load (memory's first run reads the chunks), DuckDB opens a fresh instance per run",
    index: index.info,
    threads: { memory: memory.r.threads, chdb: chdb.r.threads, duckdb: duckdb.r.threads },
    memory: { open_ms: round(memory.r.openMs, 1), peak_rss_mb: round(memory.r.peakRssBytes / MB), process_wall_s: round(memory.wallMs / 1000, 1) },
    chdb: {
      start_ms: round(chdb.r.openMs, 1),
      load_s: round(loadMs / 1000, 1),
      loaded_rows: chdb.r.loadedRows,
      rss_after_load_mb: round((chdb.r.rssAfterLoadBytes ?? 0) / MB),
      peak_rss_mb: round(chdb.r.peakRssBytes / MB),
      process_wall_s: round(chdb.wallMs / 1000, 1),
      pushed_down_completely: `${CHDB_QUERIES.length}/${CHDB_QUERIES.length} (checked before the load and on every run)`,
    },
    duckdb: { source: duckdb.r.source, peak_rss_mb: round(duckdb.r.peakRssBytes / MB), process_wall_s: round(duckdb.wallMs / 1000, 1) },
    queries,
    totals_ms: {
      memory: round(sum(memory.r)),
      chdb: round(sum(chdb.r)),
      chdb_with_load: round(sum(chdb.r) + loadMs),
      duckdb: round(sum(duckdb.r)),
      memory_over_chdb: round(sum(memory.r) / sum(chdb.r), 2),
      memory_over_chdb_with_load: round(sum(memory.r) / (sum(chdb.r) + loadMs), 2),
      chdb_over_duckdb: round(sum(chdb.r) / sum(duckdb.r), 2),
    },
    rows_identical: differ.length === 0 ? true : differ,
    load: { start: loadStart, end: uptimeLoad() },
  };
  if (differ.length) throw new Error(`chDB rows differ from the in-memory rows: ${differ.join("; ")}`);
}

/** Why chDB cannot run here, or null. Resolved, not loaded: the library is ~540 MB. */
function chdbMissing(): string | null {
  try {
    createRequire(import.meta.url).resolve("chdb");
    return null;
  } catch (e) {
    return `${CHDB_MISSING} (${(e as Error).message.split("\n")[0]})`;
  }
}

interface CachedIndex {
  readonly dir: string;
  readonly info: Record<string, unknown>;
}

/** The index for these options: reused when a previous run finished it, else generated and built. */
async function cachedIndex(dist: string, opts: ChdbBenchOptions): Promise<CachedIndex> {
  const key = `sysmon-v${SYSMON_SET_VERSION}-idx${INDEX_FORMAT}.${MAPPING_VERSION}-n${opts.events}-s${opts.seed}`;
  const home = join(opts.tmp, "minispl-bench-cache", key);
  const dir = join(home, "index");
  const ready = join(home, "ready.json");
  if (existsSync(ready)) {
    log(`reusing ${dir}`);
    return { dir, info: { ...(JSON.parse(readFileSync(ready, "utf8")) as Record<string, unknown>), dir, cached: true } };
  }
  rmSync(home, { recursive: true, force: true });
  const src = join(home, "source");
  mkdirSync(src, { recursive: true });
  const free = statfsSync(home);
  const need = opts.events * DISK_BYTES_PER_EVENT;
  if (free.bavail * free.bsize < need) throw new Error(`${home}: ${round((free.bavail * free.bsize) / 1e9, 1)} GB free; ${opts.events} events need about ${round(need / 1e9, 1)} GB while indexing`);
  log(`writing ${opts.events} synthetic Sysmon events into ${src}`);
  const t0 = performance.now();
  const set = writeSysmonSet(src, { events: opts.events, seed: opts.seed, startMs: START_MS, endMs: START_MS + SPAN_MS });
  const generateMs = performance.now() - t0;
  log(`indexing ${round(set.bytes / MB)} MB with ${opts.jobs} job(s) into ${dir}`);
  const idx = (await runTask(dist, "index", { files: set.files, dir, jobs: opts.jobs })).result;
  rmSync(src, { recursive: true, force: true });
  const info = {
    generator: `sysmon-set.ts v${SYSMON_SET_VERSION}`,
    events: idx.events,
    event_codes: set.codes,
    hosts: set.hosts,
    endpoint_processes_rows: idx.datasets["Endpoint.Processes"] ?? 0,
    source_mb: round(set.bytes / MB),
    index_mb: round(dirBytes(dir) / MB, 1),
    parts: idx.parts,
    generate_s: round(generateMs / 1000, 1),
    build_s: round(idx.ms / 1000, 1),
    build_peak_rss_mb: round(idx.peakRssBytes / MB),
    built: new Date().toISOString(),
  };
  writeFileSync(ready, JSON.stringify(info, null, 2));
  return { dir, info: { ...info, dir, cached: false } };
}

/** The first row where the memory and chDB rows files differ (or their field lists, or lengths). */
function firstDifference(rowsDir: string, name: string): string {
  try {
    const read = (engine: string): { fields: unknown[]; rows: unknown[] } => JSON.parse(readFileSync(join(rowsDir, `${engine}-${name}.json`), "utf8")) as { fields: unknown[]; rows: unknown[] };
    const m = read("memory");
    const c = read("chdb");
    if (JSON.stringify(m.fields) !== JSON.stringify(c.fields)) return `fields ${JSON.stringify(m.fields)} in memory, ${JSON.stringify(c.fields)} in chDB`;
    const n = Math.max(m.rows.length, c.rows.length);
    for (let i = 0; i < n; i++) {
      const a = JSON.stringify(m.rows[i] ?? null);
      const b = JSON.stringify(c.rows[i] ?? null);
      if (a !== b) return `${m.rows.length} rows in memory, ${c.rows.length} in chDB; row ${i}: memory ${a.slice(0, 300)}, chDB ${b.slice(0, 300)}`;
    }
    return "same rows, different hashes";
  } catch (e) {
    return `cannot compare the rows files: ${(e as Error).message}`;
  }
}
