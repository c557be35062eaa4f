/**
 * The FROM clause DuckDB reads the index's parts through. `read_parquet(glob, union_by_name=true)`
 * when it is sound for the query's columns; otherwise one SELECT per part, UNION ALL. Two things
 * make the glob unsound, both measured on real indexes: DuckDB matches column names
 * case-insensitively, so a part holding both `User` (raw) and `user` (CIM) exposes the second
 * as `user_1` (and union_by_name may merge them across files); and a field that is multivalue in
 * some parts only is a LIST there and a VARCHAR elsewhere, which union_by_name cannot unify (the
 * per-part SELECTs wrap the VARCHARs with list_value; queries unnest such columns, as Splunk
 * splits a multivalue by-field into one group per value).
 */
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import type { Manifest, PartInfo } from "../storage/index/manifest.js";
import type { SourceColumn } from "./queries.js";

export interface DuckdbSource {
  readonly from: string;
  /** "glob", or why the parts are read one by one. */
  readonly form: string;
  /** Columns the source yields as VARCHAR[]: multivalue in some part (queries unnest them). */
  readonly lists: ReadonlySet<string>;
}

const lit = (s: string): string => `'${s.replaceAll("'", "''")}'`;
export const ident = (s: string): string => `"${s.replaceAll('"', '""')}"`;

export async function duckdbSource(dir: string, manifest: Manifest, columns: readonly SourceColumn[]): Promise<DuckdbSource> {
  const parts = manifest.files.flatMap((f) => f.parts);
  const reasons = new Set<string>();
  const lists = new Set<string>();
  for (const c of columns) {
    const types = new Set<string>();
    for (const p of parts) {
      for (const [name, type] of p.columns) {
        if (name !== c.name && name.toLowerCase() === c.name.toLowerCase()) reasons.add(`${c.name} vs ${name}`);
        if (name === c.name) types.add(type === "string-list" ? "list" : "scalar");
      }
    }
    if (types.has("list") && !c.list) lists.add(c.name);
    if (types.has("list") ? types.has("scalar") : c.list) reasons.add(`${c.name} is a LIST in ${types.has("list") ? "some" : "no"} parts`);
  }
  if (reasons.size === 0) return { from: `read_parquet(${lit(join(dir, "events", "*.parquet"))}, union_by_name=true)`, form: "glob", lists };
  const db = await DuckDBInstance.create(":memory:");
  const conn = await db.connect();
  try {
    const selects: string[] = [];
    for (const p of parts) selects.push(await partSelect(conn, join(dir, p.name), p, columns, lists));
    return { from: `(${selects.join("\nUNION ALL ")})`, form: `per-part UNION ALL (${[...reasons].slice(0, 6).join("; ")})`, lists };
  } finally {
    conn.closeSync();
    db.closeSync();
  }
}

type Connection = Awaited<ReturnType<DuckDBInstance["connect"]>>;

/**
 * DuckDB's names for a part's columns are positional renames of the Parquet names: the file's
 * top-level names come from parquet_schema (walking past LIST groups' children), DuckDB's from
 * DESCRIBE, in the same order.
 */
async function partSelect(conn: Connection, path: string, p: PartInfo, columns: readonly SourceColumn[], lists: ReadonlySet<string>): Promise<string> {
  const schema = (await conn.runAndReadAll(`SELECT name, num_children FROM parquet_schema(${lit(path)})`)).getRowObjectsJson();
  const described = (await conn.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet(${lit(path)})`)).getRowObjectsJson();
  const fileNames: string[] = [];
  let i = 1; // row 0 is the root
  const skip = (at: number): number => {
    let next = at + 1;
    for (let k = 0; k < Number(schema[at]?.num_children ?? 0); k++) next = skip(next);
    return next;
  };
  while (i < schema.length) {
    fileNames.push(String(schema[i]?.name));
    i = skip(i);
  }
  if (described.length !== fileNames.length) throw new Error(`${path}: DuckDB describes ${described.length} columns, the file has ${fileNames.length}`);
  const duckName = new Map(fileNames.map((n, k) => [n, String(described[k]?.column_name)]));
  const types = new Map(p.columns);
  const list = columns.map((c) => {
    const type = types.get(c.name);
    const col = duckName.get(c.name);
    const list = c.list === true || lists.has(c.name);
    if (!type || col === undefined) return `NULL::${list ? "VARCHAR[]" : "VARCHAR"} AS ${ident(c.name)}`;
    if (list && type !== "string-list") return `list_value(${ident(col)}) AS ${ident(c.name)}`;
    return `${ident(col)} AS ${ident(c.name)}`;
  });
  return `SELECT ${list.join(", ")} FROM read_parquet(${lit(path)})`;
}
