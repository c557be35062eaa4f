/**
 * Counts per sourcetype and per CIM dataset of an on-disk index, read two independent ways:
 * DuckDB over the index's Parquet files (what an analyst's own tools see), and minispl searches
 * (`index=* | stats count by sourcetype`, `| tstats count from datamodel=<dataset>`).
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import { runSearch, type EventStore } from "../../src/index.js";

export interface Counts {
  readonly total: number;
  readonly sourcetypes: Record<string, number>;
  readonly datasets: Record<string, number>;
}

const sqlString = (s: string): string => `'${s.replace(/'/g, "''")}'`;

/** DuckDB over `<dir>/events/*.parquet`, read with union_by_name (parts differ in their columns). */
export class DuckIndex {
  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly conn: DuckDBConnection,
    private readonly events: string,
    readonly dir: string,
  ) {}

  static async open(dir: string): Promise<DuckIndex> {
    const instance = await DuckDBInstance.create(":memory:");
    const conn = await instance.connect();
    return new DuckIndex(instance, conn, `read_parquet(${sqlString(`${dir}/events/*.parquet`)}, union_by_name=true)`, dir);
  }

  async rows(sql: string): Promise<unknown[][]> {
    return (await this.conn.runAndReadAll(sql.replaceAll("$events", this.events))).getRows() as unknown[][];
  }

  private async pairs(sql: string): Promise<Record<string, number>> {
    return Object.fromEntries((await this.rows(sql)).map(([k, n]) => [String(k), Number(n)]));
  }

  async total(): Promise<number> {
    const [[n]] = (await this.rows("SELECT count(*) FROM $events")) as [[bigint]];
    return Number(n);
  }

  sourcetypes(): Promise<Record<string, number>> {
    return this.pairs("SELECT sourcetype, count(*) FROM $events GROUP BY sourcetype ORDER BY sourcetype");
  }

  /** Events per CIM dataset, from the hidden `_datasets` list column. */
  datasets(): Promise<Record<string, number>> {
    return this.pairs("SELECT d, count(*) FROM (SELECT unnest(_datasets) AS d FROM $events) GROUP BY d ORDER BY d");
  }

  /**
   * Columns whose type differs between part files (`name: VARCHAR (3 parts) / VARCHAR[] (2 parts)`):
   * DuckDB cannot read such a column across parts, union_by_name or not.
   */
  async mixedColumnTypes(): Promise<string[]> {
    const types = new Map<string, Map<string, number>>();
    for (const name of readdirSync(join(this.dir, "events")).filter((n) => n.endsWith(".parquet")).sort()) {
      const cols = await this.rows(`DESCRIBE SELECT * FROM read_parquet(${sqlString(join(this.dir, "events", name))})`);
      for (const [col, type] of cols) {
        const byType = types.get(String(col)) ?? new Map<string, number>();
        byType.set(String(type), (byType.get(String(type)) ?? 0) + 1);
        types.set(String(col), byType);
      }
    }
    return [...types]
      .filter(([, t]) => t.size > 1)
      .map(([col, t]) => `${col}: ${[...t].map(([type, n]) => `${type} (${n} part${n === 1 ? "" : "s"})`).join(" / ")}`)
      .sort();
  }

  close(): void {
    this.conn.closeSync();
    this.instance.closeSync();
  }
}

/** All three counts (opens and closes DuckDB). */
export async function duckdbCounts(dir: string): Promise<Counts> {
  const db = await DuckIndex.open(dir);
  try {
    return { total: await db.total(), sourcetypes: await db.sourcetypes(), datasets: await db.datasets() };
  } finally {
    db.close();
  }
}

function rowsOf(store: EventStore, q: string, now: number): Record<string, unknown>[] {
  const r = runSearch(q, store, { now });
  const errors = r.diagnostics.filter((d) => d.severity === "error").map((d) => d.message);
  if (errors.length > 0 || !r.table) throw new Error(`${q}: ${errors.join("; ") || "no table"}`);
  return r.table.rows();
}

/** What minispl counts over a store, for the given datasets. */
export function minisplCounts(store: EventStore, datasets: readonly string[], now = 1_700_000_000): Counts {
  const sourcetypes = Object.fromEntries(rowsOf(store, "index=* | stats count by sourcetype", now).map((r) => [String(r.sourcetype), Number(r.count)]));
  const byDataset: Record<string, number> = {};
  for (const ds of datasets) {
    const [row] = rowsOf(store, `| tstats count from datamodel=${ds}`, now);
    byDataset[ds] = Number(row?.count ?? 0);
  }
  const [all] = rowsOf(store, "index=* | stats count", now);
  return { total: Number(all?.count ?? 0), sourcetypes, datasets: byDataset };
}
