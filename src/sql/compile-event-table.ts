/**
 * An event search ending in its events, `… | table a b c` (after the per-event steps,
 * row-steps.ts), as one ClickHouse query: the matched events newest first (executor/store-scan.ts
 * newestFirst: time descending, then store row descending), one column per listed field.
 * `table` keeps a listed field that no event has (commands/table.ts: expandFields with
 * keepMissing, Table.project fills it with nulls), so the columns are the list as written, once
 * each; a value is a store field's values (a list of one is that string), `_time` the number,
 * or a computed string or list. A wildcard in the list (it expands over the fields the events
 * have), a number eval computed (its text is JavaScript's) and a search limited to its newest
 * events stay local.
 */
import type { TableCommand } from "../ast/commands.js";
import type { EventScan } from "../plan/nodes.js";
import { fieldColumns } from "./sql-text.js";
import { EVENTS_TABLE, eventReads, eventsSource, type CompiledEvents, type EventsOptions } from "./compile-events.js";
import { SETTINGS } from "./compile-group.js";
import { NotPushable } from "./compile-where.js";
import { TIME0, type RowStep } from "./row-steps.js";
import type { SqlColumn } from "./types.js";

export function compileEventTable(scan: EventScan, table: TableCommand, opts: EventsOptions, steps: readonly RowStep[] = []): CompiledEvents {
  const names = [...new Set(table.fields)];
  if (names.some((f) => f.includes("*"))) throw new NotPushable("table of a wildcard (it expands over the fields the events have)");
  const { used, use, where, filterFields, rows } = eventReads(scan, opts, steps);
  const select: string[] = [];
  const columns: SqlColumn[] = [];
  names.forEach((name, i) => {
    const v = rows.final(name);
    const key = `k${i}`;
    if (v.kind === "null") {
      select.push(`NULL AS ${key}`);
      columns.push({ name, key, kind: "string" });
    } else if (v.kind === "time") {
      select.push(`${v.sql} AS ${key}`);
      columns.push({ name, key, kind: "number" });
    } else if (v.kind === "store") {
      select.push(`${fieldColumns(use(v.field)).values} AS ${key}`);
      columns.push({ name, key, kind: "values" });
    } else if (v.value.ty === "str") {
      select.push(`${v.value.sql} AS ${key}`);
      columns.push({ name, key, kind: "string" });
    } else {
      select.push(`${rows.valuesOf(v, name)} AS ${key}`);
      columns.push({ name, key, kind: "values" });
    }
  });
  // The events' order, kept by a hidden column: the steps after may wrap the query.
  select.push(`tuple(row_number() OVER (ORDER BY ${TIME0} DESC, _row DESC)) AS t_ord`);
  columns.push({ name: "t_ord", key: "t_ord", kind: "tuple", hidden: true, sort: 0 });
  const filters = rows.filters;
  const source = rows.layers.reduce((q, items) => `(SELECT *, ${items.join(", ")} FROM ${q})`, eventsSource([...used], rows.time(), where, rows.presence, filterFields));
  const tail = `FROM ${source}${filters.length ? ` WHERE ${filters.join(" AND ")}` : ""} ${SETTINGS}`;
  return { select, tail, columns, numbers: new Map(), fields: [...used], tables: [{ kind: "events", table: EVENTS_TABLE, fields: [...used] }] };
}
