/**
 * The searches of the issue's table, each with the same question in SQL for the DuckDB anchor and
 * the fields its result rows are keyed by, so the bench can check both engines gave the same
 * groups and counts (a fast wrong answer would otherwise look like a win).
 */
import { SEED, SEED_BY } from "./seed.js";

export interface SourceColumn {
  readonly name: string;
  /** Read as VARCHAR[] (a multivalue field). */
  readonly list?: boolean;
}

export interface BenchQuery {
  readonly name: string;
  readonly spl: string;
  readonly keys: readonly string[];
  /** The columns the SQL reads (what the DuckDB source must provide under these names). */
  readonly columns: readonly SourceColumn[];
  /** `lists`: key columns the source yields as VARCHAR[] (unnested: one group per value). */
  readonly sql: (from: string, lists: ReadonlySet<string>) => string;
}

const q = (name: string): string => `"${name}"`;

/** `FROM <from> AS s` plus a lateral unnest per multivalue key, and each key's expression. */
function keyed(from: string, keys: readonly string[], lists: ReadonlySet<string>): { from: string; col: (k: string) => string } {
  const listKeys = keys.filter((k) => lists.has(k));
  const joins = listKeys.map((k, i) => `, unnest(s.${q(k)}) AS x${i}(${q(k)})`).join("");
  return { from: `${from} AS s${joins}`, col: (k) => (lists.has(k) ? `x${listKeys.indexOf(k)}.${q(k)}` : `s.${q(k)}`) };
}

/** `SELECT keys…, count(*) … GROUP BY` keys, rows with a null key dropped (as stats does). */
function countBy(from: string, keys: readonly string[], lists: ReadonlySet<string>, where: (col: (k: string) => string) => string[], extra = ""): string {
  const k = keyed(from, keys, lists);
  const conds = [...where(k.col), ...keys.map((f) => `${k.col(f)} IS NOT NULL`)];
  return `SELECT ${keys.map((f) => `${k.col(f)} AS ${q(f)}`).join(", ")}, count(*) AS count${extra} FROM ${k.from} WHERE ${conds.join(" AND ")} GROUP BY ALL`;
}

export const QUERIES: readonly BenchQuery[] = [
  {
    name: "stats_count_by_eventcode",
    spl: "index=* | stats count by EventCode",
    keys: ["EventCode"],
    columns: [{ name: "EventCode" }],
    sql: (from, lists) => countBy(from, ["EventCode"], lists, () => []),
  },
  {
    name: "mimikatz_count_by_host",
    spl: "index=* mimikatz | stats count by host",
    keys: ["host"],
    columns: [{ name: "host" }, { name: "_raw" }],
    // A search term matches case-insensitively anywhere in _raw that breakers allow; ILIKE is the
    // SQL a user would write for it.
    sql: (from, lists) => countBy(from, ["host"], lists, () => ["s._raw ILIKE '%mimikatz%'"]),
  },
  {
    name: "seed_tstats_first_run",
    spl: SEED,
    keys: SEED_BY,
    columns: [...SEED_BY.map((name) => ({ name })), { name: "_time" }, { name: "_datasets", list: true }],
    // tstats drops rows missing a by-field; summariesonly reads the materialised memberships.
    sql: (from, lists) => countBy(from, SEED_BY, lists, (col) => ["list_contains(s._datasets, 'Endpoint.Processes')", `lower(${col("process_name")}) = 'scrcons.exe'`], ", min(s._time) AS firstTime, max(s._time) AS lastTime"),
  },
];

/** Group key of a result row: the key fields' text joined. */
export function groupKey(keys: readonly string[], row: (field: string) => unknown): string {
  return keys.map((k) => String(row(k) ?? "")).join(" | ");
}
