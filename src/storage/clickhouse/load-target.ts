/** What both table loaders (datasets, events) write through. */
import type { LoadCatalog } from "./load-catalog.js";

/**
 * What a loader needs of a connection: DDL, and inserts of positional rows (JSONCompactEachRow:
 * the column names once per batch, not once per value as JSONEachRow would repeat them).
 */
export interface LoadTarget {
  exec(sql: string): Promise<void>;
  insert(table: string, columns: readonly string[], rows: readonly (readonly unknown[])[]): Promise<void>;
  /** `ENGINE = …` for new tables (Memory in chDB, MergeTree on a server). */
  readonly engine: string;
  /** Which tables hold which store's rows (in this process, or in `minispl_loaded`). */
  readonly catalog: LoadCatalog;
}

/** Rows per INSERT: large enough to amortise a round trip, small enough to bound memory. */
export const BATCH_ROWS = 20_000;

/**
 * The batch without the array columns that are `[]` in every row: an INSERT that does not list a
 * column fills it with its default, `[]` for `Array(String)`, so the table holds the same rows.
 * The side columns are empty for ASCII, non-address values, and a dataset's 80-odd fields are
 * often absent: ClickHouse parses a fraction of the cells (measured: README.md).
 */
export function withoutEmptyColumns(columns: readonly string[], rows: readonly (readonly unknown[])[]): { columns: string[]; rows: unknown[][] } {
  const keep: number[] = [];
  columns.forEach((c, i) => {
    if (c === "_row" || c === "_time" || rows.some((r) => !Array.isArray(r[i]) || (r[i] as unknown[]).length > 0)) keep.push(i);
  });
  if (keep.length === columns.length) return { columns: [...columns], rows: rows as unknown[][] };
  return { columns: keep.map((i) => columns[i] as string), rows: rows.map((r) => keep.map((i) => r[i])) };
}
