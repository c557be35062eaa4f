/**
 * `| dedup [N] a b [keepempty=true]` after a pushed aggregate, in SQL over its result columns,
 * as commands/dedup.ts does it: the first N rows of each combination of values, in the result's
 * order, and no row where a field is null (unless keepempty: kept, untouched). The combination is
 * dedup's own key: each value's text (toText: a number as JavaScript writes it, a multivalue's
 * values joined by U+0001) joined by U+0000, compared as text.
 *
 * "First" is in the result's order (result-order.ts, with its run-time guards); a number's text is
 * exact for integers below 1e18, any other number raises the guard (guard.ts).
 * consecutive=, keepevents=, sortby and values() sets (their in-memory order) stay local.
 */
import type { Command } from "../ast/commands.js";
import { readNumber, shownColumn } from "./compile-eval.js";
import type { ResultQuery } from "./compile-eval-step.js";
import { numberText } from "./compile-search-step.js";
import { NotPushable } from "./compile-where.js";
import { resultOrder } from "./result-order.js";
import { rowLimit } from "./compile-sort-step.js";
import type { SqlColumn } from "./types.js";
import { NULL_KEY } from "./sql-text.js";

/** The rows after a dedup (columns unchanged), the query extended in place; null for any other command. */
export function dedupStep(c: Command, columns: readonly SqlColumn[], q: ResultQuery, serial: () => number): readonly SqlColumn[] | null {
  if (c.kind !== "dedup") return null;
  if (c.consecutive) throw new NotPushable("consecutive=true");
  if (c.keepevents) throw new NotPushable("keepevents=true");
  if (c.sortby.length > 0) throw new NotPushable("sortby");
  // Everything that may refuse comes before the query changes.
  const parts = c.fields.map((f) => keyPart(columns, f));
  const order = resultOrder(columns);
  const limit = rowLimit(c.count);
  const n = serial();
  const key = `dk${n}`;
  const rank = `dr${n}`;
  const keySql = parts.includes(null) ? "CAST(NULL AS Nullable(String))" : `concat(${(parts as string[]).join(", '\\x00', ")})`;
  q.addOver(`${keySql} AS ${key}`);
  q.addOver(`row_number() OVER (PARTITION BY ${key} ORDER BY ${order}) AS ${rank}`);
  const kept = `(isNotNull(${key}) AND ${rank} <= ${limit})`;
  q.filter(c.keepempty ? `(isNull(${key}) OR ${kept})` : kept);
  return columns;
}

/**
 * A field's part of the key (dedup.ts keyOf; join.ts keyOf is the same text) as a
 * Nullable(String); null when the result has no such field.
 */
export function keyPart(columns: readonly SqlColumn[], name: string): string | null {
  const c = shownColumn(columns, name);
  if (!c || c.key === NULL_KEY) return null;
  if (c.fallback !== undefined) throw new NotPushable(`${name} holds a time text or a number (convert ctime)`);
  switch (c.kind) {
    case "string": return c.key;
    case "values": return `if(empty(${c.key}), NULL, arrayStringConcat(${c.key}, '\\x01'))`;
    case "number": {
      const x = readNumber(c.key);
      return `if(isNull(${x}), NULL, ${numberText(`assumeNotNull(${x})`)})`;
    }
    case "set": throw new NotPushable(`${name} is a values() list (its order is sorted only locally)`);
    case "tuple": throw new NotPushable(`${name} is an internal column`);
  }
}
