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
  | "values"
  /**
   * A JSON array of distinct strings → values() (aggregates/values-list.ts): sorted here with
   * compareLexical (UTF-8 byte order), then as "values".
   */
  | "set"
  /** A JSON array of numbers: a hidden tie-break of the row order (compared element by element). */
  | "tuple";

export interface SqlColumn {
  /** The result field name minispl shows (`count`, `Processes.dest`). */
  readonly name: string;
  /** The column's key in the JSON rows (the SQL alias: `k0`, `a1`, …, always a plain identifier). */
  readonly key: string;
  readonly kind: SqlColumnKind;
  /** A column the rows are ordered by but that is not shown (BY keys an aggregate's name shadows, tie-breaks). */
  readonly hidden?: boolean;
  /**
   * Rows come out ordered by these columns, lowest `sort` first: "atoms" by compareAtoms (the
   * in-memory grouper's order, executor/grouping.ts), "tuple" element-wise; stable otherwise.
   */
  readonly sort?: number;
  /** Where this column is null, the number in the column with this key (convert ctime keeps a value it cannot convert). */
  readonly fallback?: string;
  /**
   * A number eval stored to its inputs' precision (compile-eval-precision.ts): this text column
   * holds the decimal text where the stored value ends on a zero, `fallback` the number.
   */
  readonly storedNumber?: boolean;
  /**
   * A field that exists only when some row has a value: a field `rex` extracts (created by the
   * first row that matches; compile-rex-step.ts) or a `| lookup`'s new output field
   * (compile-lookup-step.ts). Shown when some row has a value, or when the presence query says one
   * had (PushedPrefix.presence); the steps after it are checked by optional-fields.ts.
   */
  readonly optional?: boolean;
}

/** A table the SQL reads. `dataset` tables hold the dataset's rows with these fields computed. */
export type TableNeed =
  | {
    readonly kind: "dataset";
    /** `Model.Dataset` as the registry names it (a child dataset by its own name: `Endpoint.Processes`). */
    readonly dataset: string;
    readonly table: string;
    /** Bare dataset field names (`process_name`, `host`) the SQL reads; `_row` and `_time` are always there. */
    readonly fields: readonly string[];
  }
  | {
    /**
     * The store's events: `events` (`_row`, `_time`) and one `ev_<field>` table per field read
     * (compile-events.ts), joined on `_row`.
     */
    readonly kind: "events";
    readonly table: string;
    /** Store field names the SQL reads (`_raw` for free text). */
    readonly fields: readonly string[];
  }
  | {
    /** A lookup table's rows (storage/clickhouse/load-lookups.ts), named by a hash of its content. */
    readonly kind: "lookup";
    readonly table: string;
    /** The lookup as the search names it (a definition or a CSV file name). */
    readonly name: string;
    /** The table's fields (its CSV header). */
    readonly fields: readonly string[];
  };

export interface PushedPrefix {
  /** How many leading logical-plan nodes the SQL answers (a dataset scan and its tstats: 2). */
  readonly nodes: number;
  /** How many leading commands of the checked pipeline those nodes stand for. */
  readonly commands: number;
  readonly sql: string;
  /** Result columns, in output order. */
  readonly columns: readonly SqlColumn[];
  readonly tables: readonly TableNeed[];
  /** Keys of the result columns that hold one finite number or null per row (a join's subsearch reads them). */
  readonly numbers?: readonly string[];
  /** Which optional columns existed before a later step dropped rows (optional-fields.ts); absent when no step did. */
  readonly presence?: OptionalPresence;
}

/**
 * A query of one row, `present`: per key of `keys`, 1 when some row had a value in that column
 * right after the step that made it (the field exists in memory), else 0.
 */
export interface OptionalPresence {
  readonly sql: string;
  readonly keys: readonly string[];
}

export interface PushdownReport {
  readonly pushed: PushedPrefix | null;
  /** Plan nodes in all (pushed + local). */
  readonly nodes: number;
  /** The first node left local (index into the plan's nodes) and why, e.g. "rex: not RE2". */
  readonly stop: { readonly node: number; readonly reason: string } | null;
  /** The SQL ran and a run-time guard sent the whole search back to memory (sql/guard.ts). */
  readonly fellBack?: boolean;
}
