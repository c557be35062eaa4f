/**
 * The order of a pushed result's rows as SQL ORDER BY items, for the steps that depend on it
 * (dedup's first row, head's first N, sort's ties). rows-to-table.ts sets that order locally, by
 * the columns' `sort` (types.ts): BY values by compareAtoms, then the first-meeting tuple; here
 * the same order is written for a window's ORDER BY. A value is ordered as (reads as a number,
 * the number, else its text by UTF-8 bytes, as compareLexical orders it). Where
 * ClickHouse cannot see that exactly, a run-time guard (guard.ts) sends the search back to
 * memory: text that is not valid UTF-8, numeric-looking text ClickHouse does not parse (`1e999`
 * is JavaScript's Infinity; ClickHouse gives it as NULL or inf depending on the query).
 */
import { readNumber } from "./compile-eval.js";
import { NotPushable, NUMBER_RE } from "./compile-where.js";
import { guarded } from "./guard.js";
import { sqlString } from "./sql-text.js";
import type { SqlColumn } from "./types.js";

/**
 * compareAtoms order of a Nullable(String) expression as ORDER BY items (ascending: numbers first,
 * by value; then text by UTF-8 bytes; `desc` reverses both). Nulls are the caller's to place.
 */
export function atomOrder(s: string, desc = false): string[] {
  const m = `extract(${s}, ${sqlString(NUMBER_RE)})`;
  const raw = `toFloat64OrNull(${m})`;
  const num = `if(ifNull(${m}, '') = '', NULL, ${guarded(`isNull(${raw})`, raw)})`;
  // Only text reaches the text branch: the guard on its bytes sits there.
  const text = guarded(`NOT isValidUTF8(${s})`, s);
  const dir = desc ? " DESC" : "";
  return [`isNull(${num})${dir}`, `${num}${dir}`, `if(isNull(${num}), ${text}, '')${dir}`];
}

/** rows-to-table.ts sortOrder as ORDER BY items ("tuple()" when the rows have no order). */
export function resultOrder(columns: readonly SqlColumn[]): string {
  const keys = columns.filter((c) => c.sort !== undefined).sort((a, b) => (a.sort as number) - (b.sort as number));
  const items: string[] = [];
  for (const c of keys) {
    // compareValues: null first (BY values are never null: defensive).
    if (c.kind === "tuple") items.push(c.key);
    else if (c.kind === "number") items.push(`isNotNull(${c.key})`, readNumber(c.key));
    else if (c.kind === "string") items.push(`isNotNull(${c.key})`, ...atomOrder(c.key));
    else throw new NotPushable(`the result's order by ${c.name}`);
  }
  return items.length ? items.join(", ") : "tuple()";
}
