/**
 * Child-process task of the chDB bench (measure-chdb.ts): one engine over the cached index, every
 * search of chdb-queries.ts `runs` times, in its own process so its peak RSS is its own.
 * - memory: openIndex → runSearch (the `--index` path); the first run reads the chunks, later
 *   runs find them in the chunk cache while its budget holds them.
 * - chdb: openBackend("chdb"); the tables every search needs are loaded once (backend.prepare,
 *   timed apart: the one-time load), then runSearchOnBackend per run. Each search must push down
 *   completely (pushed, no stop, no fallback), or the task fails.
 * - duckdb: the hand-written SQL over the same Parquet parts, a fresh instance per run (DuckDB's
 *   default threads), so every run reads the files as a first query does.
 * The memory and chdb rows are written as JSON (`<rowsDir>/<engine>-<search>.json`) and hashed, so
 * the parent can prove them identical and show the first difference when they are not.
 */
import { createHash } from "node:crypto";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { DuckDBInstance } from "@duckdb/node-api";
import { builtinMacros, compile, runSearch, type Table } from "../index.js";
import { runSearchOnBackend } from "../run-on-backend.js";
import { compilePushdown } from "../sql/compile-plan.js";
import { openBackend } from "../storage/clickhouse/backend.js";
import { readManifest } from "../storage/index/manifest.js";
import { openIndex } from "../storage/index/open-index.js";
import { CHDB_QUERIES } from "./chdb-queries.js";
import { duckdbSource } from "./duckdb-source.js";
import { mergeNeeds } from "./merge-needs.js";
import { peakRssBytes } from "./peak-rss.js";
import { SEED_FILTER } from "./seed.js";
import { SLOW_MS } from "./stats.js";

export type ChdbEngine = "memory" | "chdb" | "duckdb";

export interface ChdbArgs {
  readonly engine: ChdbEngine;
  readonly dir: string;
  readonly runs: number;
  /** The searches' "now" (epoch s). */
  readonly now: number;
  readonly rowsDir: string;
}

export interface ChdbQueryResult {
  readonly name: string;
  readonly ms: readonly number[];
  /** chdb: the pushed SQL alone (backend.query), once, after the runs. */
  readonly sqlMs?: number;
  readonly rows: number;
  /** memory/chdb: sha256 of the rows' JSON (fields and rows); duckdb: sum of its `count` column. */
  readonly hash?: string;
  readonly countSum?: number;
  readonly errors: readonly string[];
}

export interface ChdbResult {
  readonly engine: ChdbEngine;
  /** openIndex, or chDB's start (openBackend and a first query). */
  readonly openMs: number;
  /** chdb: backend.prepare of every search's tables. */
  readonly loadMs?: number;
  readonly loadedRows?: number;
  readonly rssAfterLoadBytes?: number;
  readonly threads: string;
  readonly source?: string;
  readonly queries: readonly ChdbQueryResult[];
  readonly peakRssBytes: number;
}

/** Long searches over 10M events must not meet the interactive default time budget. */
const BUDGET = { timeoutMs: 3_600_000 };

export async function chdbTask(a: ChdbArgs): Promise<ChdbResult> {
  if (a.engine === "duckdb") return duckdbEngine(a);
  const macros = builtinMacros().with([SEED_FILTER]);
  const t0 = performance.now();
  const idx = openIndex(a.dir);
  try {
    if (a.engine === "memory") {
      const openMs = performance.now() - t0;
      const queries: ChdbQueryResult[] = [];
      for (const q of CHDB_QUERIES) {
        queries.push(await timed(a, q.name, (i) => {
          const r = runSearch(q.spl, idx.store, { macros, now: a.now, budget: BUDGET });
          return { table: r.table, errors: errorsOf(r.diagnostics), keep: i === 0 };
        }));
      }
      return { engine: "memory", openMs, threads: "1 (JavaScript, one thread)", queries, peakRssBytes: peakRssBytes() };
    }
    return await chdbEngine(a, idx.store, macros, t0);
  } finally {
    idx.close();
  }
}

async function chdbEngine(a: ChdbArgs, store: ReturnType<typeof openIndex>["store"], macros: ReturnType<typeof builtinMacros>, t0: number): Promise<ChdbResult> {
  const backend = await openBackend("chdb");
  try {
    const threads = String((await backend.query("SELECT getSetting('max_threads') AS t"))[0]?.t ?? "?");
    const openMs = performance.now() - t0;
    const pushed = CHDB_QUERIES.map((q) => {
      const c = compile(q.spl, { macros });
      if (!c.plan) throw new Error(`${q.name}: does not compile: ${errorsOf(c.diagnostics).join("; ")}`);
      const report = compilePushdown(c.plan.logical, { now: a.now, tz: "UTC" });
      if (!report.pushed || report.stop) throw new Error(`${q.name}: not pushed down completely: ${report.stop?.reason ?? "nothing pushed"}`);
      return report.pushed;
    });
    const t1 = performance.now();
    await backend.prepare(store, mergeNeeds(pushed.flatMap((p) => p.tables)));
    const loadMs = performance.now() - t1;
    const rssAfterLoadBytes = process.memoryUsage.rss();
    const loaded = await backend.query("SELECT sum(total_rows) AS n FROM system.tables WHERE database = currentDatabase()");
    const queries: ChdbQueryResult[] = [];
    for (const [k, q] of CHDB_QUERIES.entries()) {
      const r = await timed(a, q.name, async (i) => {
        const res = await runSearchOnBackend(q.spl, store, backend, { macros, now: a.now, budget: BUDGET });
        const p = res.pushdown;
        if (!p.pushed || p.stop || p.fellBack) throw new Error(`${q.name}: did not run completely in chDB: ${p.stop?.reason ?? "nothing pushed"}${p.fellBack ? " (fell back to memory)" : ""}`);
        return { table: res.table, errors: errorsOf(res.diagnostics), keep: i === 0 };
      });
      const s0 = performance.now();
      await backend.query((pushed[k] as (typeof pushed)[number]).sql);
      queries.push({ ...r, sqlMs: performance.now() - s0 });
    }
    return { engine: "chdb", openMs, loadMs, loadedRows: Number(loaded[0]?.n ?? 0), rssAfterLoadBytes, threads: `${threads} (chDB default max_threads)`, queries, peakRssBytes: peakRssBytes() };
  } finally {
    await backend.close();
  }
}

interface Run {
  readonly table: Table | null;
  readonly errors: readonly string[];
  /** Write and hash this run's rows (the first run's). */
  readonly keep: boolean;
}

/** `runs` repetitions (fewer after one slower than SLOW_MS); the first run's rows are kept. */
async function timed(a: ChdbArgs, name: string, run: (i: number) => Run | Promise<Run>): Promise<ChdbQueryResult> {
  const ms: number[] = [];
  let rows = 0;
  let hash = "";
  let countSum = 0;
  let errors: readonly string[] = [];
  for (let i = 0; i < a.runs && !(ms.length > 0 && (ms.at(-1) as number) > SLOW_MS); i++) {
    const t0 = performance.now();
    const r = await run(i);
    ms.push(performance.now() - t0);
    if (!r.keep) continue;
    errors = r.errors;
    rows = r.table?.length ?? 0;
    countSum = 0;
    for (let k = 0; r.table && k < rows; k++) countSum += Number(r.table.get("count", k));
    const json = JSON.stringify({ fields: r.table?.fields ?? [], rows: r.table?.rows() ?? [] });
    hash = createHash("sha256").update(json).digest("hex");
    writeFileSync(join(a.rowsDir, `${a.engine}-${name}.json`), json);
  }
  return { name, ms, rows, hash, countSum, errors };
}

function errorsOf(ds: readonly { severity: string; message: string }[]): string[] {
  return ds.filter((d) => d.severity === "error").map((d) => d.message);
}

async function duckdbEngine(a: ChdbArgs): Promise<ChdbResult> {
  const manifest = readManifest(a.dir);
  if (!manifest) throw new Error(`${a.dir}: no manifest`);
  const t0 = performance.now();
  const source = await duckdbSource(a.dir, manifest, [...new Map(CHDB_QUERIES.flatMap((q) => q.columns).map((c) => [c.name, c])).values()]);
  const openMs = performance.now() - t0;
  let threads = "?";
  const queries: ChdbQueryResult[] = [];
  for (const q of CHDB_QUERIES) {
    const sql = q.sql(source.from);
    const ms: number[] = [];
    let rows: Record<string, unknown>[] = [];
    for (let i = 0; i < a.runs && !(ms.length > 0 && (ms.at(-1) as number) > SLOW_MS); i++) {
      const db = await DuckDBInstance.create(":memory:");
      const conn = await db.connect();
      try {
        threads = String((await conn.runAndReadAll("SELECT current_setting('threads') AS t")).getRowObjectsJson()[0]?.t);
        const s = performance.now();
        rows = (await conn.runAndReadAll(sql)).getRowObjectsJson() as Record<string, unknown>[];
        ms.push(performance.now() - s);
      } finally {
        conn.closeSync();
        db.closeSync();
      }
    }
    queries.push({ name: q.name, ms, rows: rows.length, countSum: rows.reduce((n, r) => n + Number(r.count), 0), errors: [] });
  }
  return { engine: "duckdb", openMs, threads: `${threads} (DuckDB default threads)`, source: source.form, queries, peakRssBytes: peakRssBytes() };
}
