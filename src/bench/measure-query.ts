/**
 * One row of the table for a search: minispl's first run after open (median over `runs` fresh
 * processes; a run slower than SLOW_MS is not repeated) beside DuckDB's over the same Parquet
 * files with 1 and 2 threads, and whether both returned the same groups and counts.
 */
import type { Manifest } from "../storage/index/manifest.js";
import { duckdbRuns } from "./duckdb-anchor.js";
import { duckdbSource } from "./duckdb-source.js";
import { groupKey, type BenchQuery } from "./queries.js";
import { runTask } from "./spawn-task.js";
import { MB, median, repeat, round } from "./stats.js";

export interface QueryContext {
  /** The run's built code (code-snapshot.ts). */
  readonly dist: string;
  readonly dir: string;
  readonly manifest: Manifest;
  readonly runs: number;
  readonly now: number;
}

export async function measureQuery(q: BenchQuery, ctx: QueryContext): Promise<Record<string, unknown>> {
  const mini = await repeat(ctx.runs, () => runTask(ctx.dist, "query", { dir: ctx.dir, spl: q.spl, keys: q.keys, now: ctx.now }), (m) => m.result.firstMs);
  const first = mini[0]?.result;
  const out: Record<string, unknown> = {
    spl: q.spl,
    minispl: {
      first_run_ms: round(median(mini.map((m) => m.result.firstMs))),
      warm_run_ms: round(median(mini.map((m) => m.result.warmMs)), 1),
      open_ms: round(median(mini.map((m) => m.result.openMs)), 1),
      process_wall_ms: round(median(mini.map((m) => m.wallMs))),
      peak_rss_mb: round(Math.max(...mini.map((m) => m.result.peakRssBytes)) / MB),
      rows: first?.rows ?? null,
      ...(first?.errors.length ? { errors: first.errors } : {}),
      runs_first_ms: mini.map((m) => round(m.result.firstMs)),
    },
  };
  try {
    const source = await duckdbSource(ctx.dir, ctx.manifest, q.columns);
    const sql = q.sql(source.from, source.lists);
    const one = await duckdbRuns(sql, 1, ctx.runs);
    const two = await duckdbRuns(sql, 2, ctx.runs);
    const groups: Record<string, number> = {};
    for (const r of one.rows) groups[groupKey(q.keys, (f) => r[f])] = Number(r.count);
    const oneMs = median(one.ms);
    out.duckdb = {
      source: source.form,
      ...(source.lists.size ? { unnested_multivalue: [...source.lists] } : {}),
      threads_1_ms: round(oneMs, 1),
      threads_2_ms: round(median(two.ms), 1),
      rows: one.rows.length,
      runs_threads_1_ms: one.ms.map((x) => round(x, 1)),
    };
    out.same_groups_and_counts = first ? sameCounts(first.groups, groups) : null;
    out.minispl_over_duckdb_1_thread = round(median(mini.map((m) => m.result.firstMs)) / oneMs, 2);
    out.minispl_over_duckdb_2_threads = round(median(mini.map((m) => m.result.firstMs)) / median(two.ms), 2);
  } catch (e) {
    out.duckdb = { error: (e as Error).message };
  }
  return out;
}

/** True, or the first few keys whose counts differ. */
function sameCounts(a: Readonly<Record<string, number>>, b: Readonly<Record<string, number>>): true | string[] {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  const diff = [...keys].filter((k) => a[k] !== b[k]).slice(0, 5).map((k) => `${k}: minispl ${a[k] ?? "-"}, duckdb ${b[k] ?? "-"}`);
  return diff.length === 0 ? true : diff;
}
