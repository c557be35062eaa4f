/**
 * What the SQL compiler hands the backend: the SQL for a plan's pushed prefix, the shape of its
 * rows, and the tables it reads (which the loader must provide), plus why the rest stays local.
 */

/** How a ClickHouse result column becomes a minispl value. */
export type SqlColumnKind =
  /** A JSON number (or a numeric string, for 64-bit integers) → number; null stays null. */
  | "number"
  /** A JSON string → string; null stays null. */
  | "string"
  /** A JSON array of strings → a multivalue (one element: a plain string; empty: null). */
  | "values";

export interface SqlColumn {
  /** The result field name minispl shows (`count`, `Processes.dest`); the SQL aliases it so. */
  readonly name: string;
  readonly kind: SqlColumnKind;
}

/** A table the SQL reads. `dataset` tables hold the dataset's rows with these fields computed. */
export type TableNeed =
  | { readonly kind: "dataset"; readonly dataset: string; readonly table: string; readonly fields: readonly string[] };

export interface PushedPrefix {
  /** How many leading logical-plan nodes the SQL answers (a dataset scan and its tstats: 2). */
  readonly nodes: number;
  /** How many leading commands of the checked pipeline those nodes stand for. */
  readonly commands: number;
  readonly sql: string;
  /** Result columns, in output order. */
  readonly columns: readonly SqlColumn[];
  readonly tables: readonly TableNeed[];
}

export interface PushdownReport {
  readonly pushed: PushedPrefix | null;
  /** Plan nodes in all (pushed + local). */
  readonly nodes: number;
  /** The first node left local (index into the plan's nodes) and why, e.g. "rex: not RE2". */
  readonly stop: { readonly node: number; readonly reason: string } | null;
}
