/**
 * `| table a b*` and `| fields [+|-] a b*` after a pushed aggregate, as a new list of its result
 * columns: the SQL does not change (a column left out is simply not shown). Which fields come out,
 * in which order, is decided by the in-memory steps themselves (commands/table.ts, fields.ts), run
 * over an empty table with the result's shown fields: wildcards expand over those fields in their
 * order, a listed field the result lacks gets an all-null column in `table` and is skipped by
 * `fields`, `fields a` keeps the `_`-prefixed fields it does not name, `fields - _x` removes them.
 * Those steps read no cells, so the empty table gives the fields the real rows would get. (They
 * warn about a misspelt field only when rows come; the pushed step cannot, so the warning is not
 * given: the rows are the same.)
 */
import type { Command } from "../ast/commands.js";
import { fields } from "../commands/fields.js";
import { table } from "../commands/table.js";
import type { ExecContext } from "../commands/types.js";
import { Table } from "../table/table.js";
import type { Value } from "../values/value.js";
import { shownColumn } from "./compile-eval.js";
import type { SqlColumn } from "./types.js";
import { NULL_KEY } from "./sql-text.js";

/** The result columns after a `table` or `fields` step; null for any other command. */
export function projectStep(c: Command, columns: readonly SqlColumn[]): readonly SqlColumn[] | null {
  if (c.kind !== "table" && c.kind !== "fields") return null;
  const shown = columns.filter((col) => !col.hidden);
  const input = Table.fromColumns(shown.map((col) => col.name), new Map<string, Value[]>(shown.map((col) => [col.name, []])), 0);
  // With no rows the steps read nothing of the context (their warnings need rows).
  const ctx = undefined as unknown as ExecContext;
  const output = c.kind === "table" ? table.plan(c)(input, ctx) : fields.plan(c)(input, ctx);
  const kept = output.fields.map((name): SqlColumn => {
    const col = shownColumn(columns, name);
    if (!col) return { name, key: NULL_KEY, kind: "string" };
    const { sort: _sort, ...rest } = col;
    return rest;
  });
  // The row order is the BY keys', shown or not: keep them as hidden columns.
  const order = columns.filter((col) => col.sort !== undefined).map((col) => ({ ...col, name: `${col.key}__order`, hidden: true }));
  return [...kept, ...order];
}
