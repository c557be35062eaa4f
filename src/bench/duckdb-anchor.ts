/**
 * The DuckDB anchor: one query over the index's Parquet files, `runs` times, each in a fresh
 * in-memory instance with `threads` threads (so every run is a first run after open, as minispl's
 * is; a run slower than SLOW_MS is not repeated). Times the query alone, not the instance's
 * creation.
 */
import { performance } from "node:perf_hooks";
import { DuckDBInstance } from "@duckdb/node-api";
import { SLOW_MS } from "./stats.js";

export interface DuckdbRuns {
  readonly ms: readonly number[];
  readonly rows: readonly Readonly<Record<string, unknown>>[];
}

export async function duckdbRuns(sql: string, threads: number, runs: number): Promise<DuckdbRuns> {
  const ms: number[] = [];
  let rows: Record<string, unknown>[] = [];
  for (let i = 0; i < runs && !(ms.length > 0 && (ms.at(-1) as number) > SLOW_MS); i++) {
    const db = await DuckDBInstance.create(":memory:", { threads: String(threads) });
    const conn = await db.connect();
    try {
      const t0 = performance.now();
      const reader = await conn.runAndReadAll(sql);
      ms.push(performance.now() - t0);
      rows = reader.getRowObjectsJson() as Record<string, unknown>[];
    } finally {
      conn.closeSync();
      db.closeSync();
    }
  }
  return { ms, rows };
}
