/**
 * ClickHouse JSON rows → a minispl Table, by the pushed prefix's column kinds (sql/types.ts), in
 * the order the in-memory engine gives. The order is set here rather than by `ORDER BY`: the
 * grouper's order (executor/grouping.ts sortedGroups) is compareAtoms per BY value, which reads
 * numbers out of strings and compares the rest by UTF-8 bytes (compareLexical), and breaks ties by the order
 * groups were first met; the compiler returns that first meeting as a hidden tuple column.
 */
import type { SqlColumn } from "../../sql/types.js";
import { Table } from "../../table/table.js";
import { compareAtoms, compareLexical, mv, type Atom, type Value } from "../../values/value.js";

/**
 * `present`: the optional columns (by key) that exist although no row may have a value in them
 * (the presence query's answer, present-fields.ts).
 */
export function rowsToTable(rows: readonly Record<string, unknown>[], columns: readonly SqlColumn[], present?: ReadonlySet<string>): Table {
  const decoded = columns.map((c) => rows.map((r) => {
    const v = decode(r[c.key], c);
    return v === null && c.fallback !== undefined ? decode(r[c.fallback], { ...c, kind: "number" }) : v;
  }));
  const order = sortOrder(rows.length, columns, decoded);
  const names: string[] = [];
  const cols = new Map<string, Value[]>();
  columns.forEach((c, i) => {
    if (c.hidden) return;
    // A field no row has a value in was never created in memory (rex of no match), unless rows
    // that had one were dropped since (the presence query).
    if (c.optional && !present?.has(c.key) && (decoded[i] as Value[]).every((v) => v === null)) return;
    if (cols.has(c.name)) throw new Error(`internal: result column ${c.name} twice`);
    names.push(c.name);
    const vals = decoded[i] as Value[];
    cols.set(c.name, order.map((r) => vals[r] ?? null));
  });
  return Table.fromColumns(names, cols, rows.length);
}

/** Row indices in the columns' `sort` order (stable). */
function sortOrder(n: number, columns: readonly SqlColumn[], decoded: readonly Value[][]): number[] {
  const keys = columns
    .map((c, i) => ({ c, vals: decoded[i] as Value[] }))
    .filter((k) => k.c.sort !== undefined)
    .sort((a, b) => (a.c.sort as number) - (b.c.sort as number));
  const order = Array.from({ length: n }, (_, i) => i);
  if (keys.length === 0) return order;
  return order.sort((x, y) => {
    for (const { c, vals } of keys) {
      const a = vals[x] as Value;
      const b = vals[y] as Value;
      const d = c.kind === "tuple" ? compareTuples(a, b) : compareValues(a, b);
      if (d !== 0) return d;
    }
    return 0;
  });
}

/** BY values are single atoms (never null: such rows are dropped or filled). */
function compareValues(a: Value, b: Value): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? -1 : 1;
  if (Array.isArray(a) || Array.isArray(b)) throw new Error("internal: a multivalue sort key");
  return compareAtoms(a as Atom, b as Atom);
}

function compareTuples(a: Value, b: Value): number {
  const x = Array.isArray(a) ? a : [];
  const y = Array.isArray(b) ? b : [];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = (x[i] as number) - (y[i] as number);
    if (d !== 0) return d;
  }
  return x.length - y.length;
}

function decode(v: unknown, c: SqlColumn): Value {
  if (v === null || v === undefined) return null;
  switch (c.kind) {
    case "number":
      return toNumber(v, c);
    case "string":
      if (typeof v !== "string") throw new Error(`internal: column ${c.name} is not text`);
      return v;
    case "values":
    case "set": {
      if (!Array.isArray(v)) throw new Error(`internal: column ${c.name} is not an array`);
      const strs = v.map((x) => String(x));
      if (c.kind === "set") strs.sort(compareLexical);
      return mv(strs);
    }
    case "tuple":
      if (!Array.isArray(v)) throw new Error(`internal: column ${c.name} is not a tuple`);
      return v.map((x) => toNumber(x, c) as number);
  }
}

/** A JSON number, or ClickHouse's text of one (64-bit integers, and toString of a Float64: `inf`, `-0`). */
function toNumber(v: unknown, c: SqlColumn): number {
  if (typeof v === "number") return v;
  if (typeof v === "string") {
    if (v === "inf" || v === "+inf") return Infinity;
    if (v === "-inf") return -Infinity;
    if (v === "nan" || v === "-nan") return Number.NaN;
    const n = Number(v);
    if (v.trim() !== "" && !Number.isNaN(n)) return n;
  }
  throw new Error(`internal: column ${c.name} holds ${JSON.stringify(v)}, not a number`);
}
