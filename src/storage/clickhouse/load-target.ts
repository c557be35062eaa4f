/** What both table loaders (datasets, events) write through. */
/**
 * What a loader needs of a connection: DDL, and inserts of positional rows (JSONCompactEachRow:
 * the column names once per batch, not once per value as JSONEachRow would repeat them).
 */
export interface LoadTarget {
  exec(sql: string): Promise<void>;
  insert(table: string, columns: readonly string[], rows: readonly (readonly unknown[])[]): Promise<void>;
  /** `ENGINE = …` for new tables (Memory in chDB, MergeTree on a server). */
  readonly engine: string;
}

/** Rows per INSERT: large enough to amortise a round trip, small enough to bound memory. */
export const BATCH_ROWS = 20_000;
