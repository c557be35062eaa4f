/**
 * `stats` straight over the base search's rows, when it is the first command after the scan: the
 * rows are grouped by their store dictionary ids (grouping.ts NumericKey, decoded once per
 * distinct id) and the aggregates read store columns, so no table of Values is built for events
 * that only feed a count. The rows come in the scan's order (newest first) and each value is what
 * the materialised table would hold, so every aggregate sees exactly what it would have seen.
 */
import type { StatsCommand } from "../ast/commands.js";
import type { EventStore } from "../store/event-store.js";
import { NULL_ID } from "../store/column.js";
import type { Table } from "../table/table.js";
import { bindAggregate, type ValueReader } from "./bind-aggregate.js";
import { Grouper, timeKey, type NumericKey } from "./grouping.js";

/** Whether the command can run this way at all (decided when planning). */
export function statsFusable(cmd: StatsCommand): boolean {
  const named = (f: string) => !f.includes("*");
  return cmd.aggregates.every((a) => !a.evalExpr && (a.field === null || named(a.field))) && cmd.by.every(named);
}

/**
 * The stats result over these store rows, or null when a BY field is a long-text field (no
 * dictionary ids): the caller then materialises the rows and runs stats on the table.
 */
const SLICE = 65_536;

export function statsOverRows(store: EventStore, rows: readonly number[], cmd: StatsCommand, checkpoint?: (work: number) => void): Table | null {
  const keys: NumericKey[] = [];
  for (const f of cmd.by) {
    const key = byKey(store, f);
    if (!key) return null;
    keys.push(key);
  }
  // Aggregates address a row by its position in `rows`, as they would a table's row.
  const time = (i: number) => store.time(rows[i] as number);
  const aggs = cmd.aggregates.map((a) => bindAggregate(a, a.field === null ? null : reader(store, a.field, rows), time));
  const grouper = new Grouper(cmd.by.length, aggs, undefined);
  const positional = keys.map((k): NumericKey => ({ key: (i) => k.key(rows[i] as number), atoms: k.atoms }));
  for (let i = 0; i < rows.length; i++) {
    // The search's budget, every SLICE rows (time, memory, cancellation).
    if ((i & (SLICE - 1)) === 0) checkpoint?.(Math.min(SLICE, rows.length - i));
    grouper.addKeyed(i, positional);
  }
  return grouper.result(cmd.by);
}

function byKey(store: EventStore, field: string): NumericKey | null {
  if (field === "_time") return { key: (r) => timeKey(store.time(r)), atoms: (t) => [t] };
  const col = store.column(field);
  if (!col) return { key: () => NULL_ID, atoms: () => [] };
  if (col.kind !== "ids") return null;
  return { key: (r) => col.id(r), atoms: (id) => (id === NULL_ID ? [] : col.dict.values(id)) };
}

function reader(store: EventStore, field: string, rows: readonly number[]): ValueReader {
  if (field === "_time") return (i) => [store.time(rows[i] as number)];
  const col = store.column(field);
  if (!col) return () => [];
  if (col.kind !== "ids") {
    return (i) => {
      const v = col.value(rows[i] as number);
      return v === null ? [] : [v];
    };
  }
  return (i) => {
    const id = col.id(rows[i] as number);
    return id === NULL_ID ? [] : col.dict.values(id);
  };
}

