/**
 * Running one foreach instance on some of the results only: foreach reference example 1 (a row
 * without `www2` keeps the total of the fields it has: "ARCADE | 800 | | 800") shows that a
 * template instance runs only for the results that have the field, and the multivalue modes run
 * one instance per value of each result. The instance runs on the selected rows and its output
 * is written back at their places; foreach's non-multifield modes allow only `eval`, and a
 * multifield template of streaming commands keeps one output row per input row, so row k of the
 * output belongs to the k-th selected row. A template that changes the row count (`where`,
 * `search`) cannot be mapped back; it runs on all the results instead.
 */
import type { Table } from "../table/table.js";
import type { Value } from "../values/value.js";

/**
 * `run` applied to the rows `rows` of `t` (ascending), the others unchanged; `run(t)` itself when
 * every row is selected or the instance drops or adds rows.
 */
export function runOnRows(t: Table, rows: readonly number[], run: (sub: Table) => Table): Table {
  if (rows.length === t.length) return run(t);
  if (rows.length === 0) return t;
  const sub = t.select(rows);
  const out = run(sub);
  if (out.length !== sub.length) return run(t);
  let res = t;
  for (const f of out.fields) {
    const col = out.column(f) as readonly Value[];
    // An untouched column is still the array `select` made: nothing to write back.
    if (col === sub.column(f)) continue;
    const next = res.column(f)?.slice() ?? new Array<Value>(t.length).fill(null);
    for (let k = 0; k < rows.length; k++) next[rows[k] as number] = col[k] ?? null;
    res = res.withColumn(f, next);
  }
  return res;
}

/** Row indexes where the column has a value. */
export function rowsWith(col: readonly Value[] | undefined): number[] {
  const out: number[] = [];
  if (col) for (let r = 0; r < col.length; r++) if (col[r] !== null) out.push(r);
  return out;
}
