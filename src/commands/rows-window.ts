/**
 * The row selection inputlookup and inputcsv share (their pages describe the same options): the
 * rows a `WHERE <search>` keeps, then `start=` (0-based) and `max=` of those.
 */
import type { SearchExpr } from "../ast/nodes.js";
import { tableSource } from "../executor/field-source.js";
import { compileSearch } from "../executor/search-predicate.js";
import type { Table } from "../table/table.js";

export function whereStartMax(rows: Table, where: SearchExpr | null | undefined, start: number, max: number): Table {
  let out = rows;
  if (where) {
    const pred = compileSearch(where, tableSource(out));
    const keep: number[] = [];
    for (let i = 0; i < out.length; i++) if (pred(i)) keep.push(i);
    out = out.select(keep);
  }
  if (start > 0 || max < out.length) {
    const end = Math.min(out.length, start + max);
    out = out.select(Array.from({ length: Math.max(0, end - start) }, (_, i) => start + i));
  }
  return out;
}
