/**
 * `| sort` and `| head N` after a pushed aggregate, as a row number over the result's order
 * (result-order.ts) in SQL. sort (commands/sort.ts, sort-keys.ts): each key's first value, results
 * without it last in both directions, compareAtoms (numbers by value before text by UTF-8 bytes),
 * `str()` text only, ties in the order before, the first `limit` rows (10,000 unless given,
 * `sort 0`: all); the rows then come out in that order (a hidden number column rows-to-table.ts
 * sorts by). head: the first N rows of the result's order.
 *
 * Two IP addresses compare as addresses in memory, a comparison with no SQL form here: a text key
 * that might read as an address (a `:`, or three dots) raises the run-time guard (guard.ts), as do
 * the order's own guards. `str()` of a number (JavaScript's number text), a values() key (its
 * order is sorted only locally) and `head (<expr>)` stay local.
 */
import type { Command, SortKey } from "../ast/commands.js";
import { readNumber, shownColumn } from "./compile-eval.js";
import type { ResultQuery } from "./compile-eval-step.js";
import { NotPushable } from "./compile-where.js";
import { guarded } from "./guard.js";
import { atomOrder, resultOrder } from "./result-order.js";
import { sqlInt, NULL_KEY } from "./sql-text.js";
import type { SqlColumn } from "./types.js";

/** The columns after a sort (ordered by a new hidden row number), the query extended in place; null for any other command. */
export function sortStep(c: Command, columns: readonly SqlColumn[], q: ResultQuery, serial: () => number): readonly SqlColumn[] | null {
  if (c.kind !== "sort") return null;
  // Everything that may refuse comes before the query changes.
  const order = [...c.keys.flatMap((k) => keyOrder(columns, k)), resultOrder(columns)].join(", ");
  const limit = Number.isFinite(c.limit) ? rowLimit(c.limit) : null;
  const rank = `sr${serial()}`;
  q.addOver(`row_number() OVER (ORDER BY ${order}) AS ${rank}`);
  if (limit !== null) q.filter(`${rank} <= ${limit}`);
  const unordered = columns.map((col) => {
    const { sort: _sort, ...rest } = col;
    return rest;
  });
  return [...unordered, { name: `${rank}__order`, key: rank, kind: "number", hidden: true, sort: 0 }];
}

/** The rows after `head N` (columns unchanged); null for any other command. */
export function headStep(c: Command, columns: readonly SqlColumn[], q: ResultQuery, serial: () => number): readonly SqlColumn[] | null {
  if (c.kind !== "head") return null;
  if (c.while) throw new NotPushable("head (<eval-expression>)");
  const order = resultOrder(columns);
  const limit = rowLimit(c.count);
  const n = `hr${serial()}`;
  q.addOver(`row_number() OVER (ORDER BY ${order}) AS ${n}`);
  q.filter(`${n} <= ${limit}`);
  return columns;
}

/** A row count as SQL; a negative or fractional one (slice() semantics in memory) stays local. */
export function rowLimit(n: number): string {
  if (!Number.isInteger(n) || n < 0) throw new NotPushable(`a limit of ${n}`);
  return sqlInt(Math.min(n, Number.MAX_SAFE_INTEGER));
}

/** sort-keys.ts compareValues for one key as ORDER BY items. */
function keyOrder(columns: readonly SqlColumn[], key: SortKey): string[] {
  const c = shownColumn(columns, key.field);
  // A field the result lacks: every row ties.
  if (!c || c.key === NULL_KEY) return [];
  if (c.fallback !== undefined) throw new NotPushable(`${key.field} holds a time text or a number (convert ctime)`);
  const dir = key.desc ? " DESC" : "";
  switch (c.kind) {
    case "number": {
      if (key.mode === "str") throw new NotPushable(`str(${key.field}) of a number (JavaScript's number text)`);
      // Numbers by value (-0 and 0 tie), NaN after every number.
      const x = readNumber(c.key);
      return [`isNull(${x})`, `isNaN(${x})${dir}`, `(${x} + 0)${dir}`];
    }
    case "string": return textOrder(c.key, key, dir);
    case "values": return textOrder(`if(empty(${c.key}), NULL, ${c.key}[1])`, key, dir);
    case "set": throw new NotPushable(`${key.field} is a values() list (its order is sorted only locally)`);
    case "tuple": throw new NotPushable(`${key.field} is an internal column`);
  }
}

function textOrder(s: string, key: SortKey, dir: string): string[] {
  if (key.mode === "str") return [`isNull(${s})`, `${guarded(`NOT isValidUTF8(${s})`, s)}${dir}`];
  const address = `(position(${s}, ':') > 0 OR length(${s}) - length(replaceAll(${s}, '.', '')) >= 3)`;
  // The guard wraps the value every row's order reads (isNull of a non-Nullable column is folded away).
  return [`isNull(${s})`, ...atomOrder(guarded(`ifNull(${address}, 0)`, s), key.desc)];
}
