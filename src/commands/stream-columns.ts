/**
 * Helpers shared by the stream commands (rex, spath, fromjson, xmlkv, extract…): a writer that
 * sets field values row by row on a copy of the input columns, and value helpers for commands
 * that work on each value of a possibly multivalue field.
 */
import { Table } from "../table/table.js";
import { mv, toText, type Atom, type Value } from "../values/value.js";

/** Collects per-row field writes and applies them to a table in one go. */
export class ColumnWriter {
  private readonly cols = new Map<string, Value[]>();
  private readonly order: string[] = [];

  constructor(private readonly input: Table) {}

  /** Sets `field` on row `row` (null removes the value). */
  set(field: string, row: number, value: Value): void {
    let col = this.cols.get(field);
    if (!col) {
      const existing = this.input.column(field);
      col = existing ? [...existing] : new Array<Value>(this.input.length).fill(null);
      this.cols.set(field, col);
      this.order.push(field);
    }
    col[row] = value;
  }

  /** The input with every written column added or replaced (new fields last, in write order). */
  table(): Table {
    let t = this.input;
    for (const f of this.order) t = t.withColumn(f, this.cols.get(f) as Value[]);
    return t;
  }
}

/** The text of each value of a field (null → none). */
export function texts(v: Value): string[] {
  if (v === null) return [];
  if (Array.isArray(v)) return (v as readonly Atom[]).map((a) => toText(a) ?? "");
  return [toText(v as Atom) ?? ""];
}

/** Applies `fn` to each value of a field, keeping null as null. */
export function mapValues(v: Value, fn: (s: string) => string): Value {
  if (v === null) return null;
  return mv(texts(v).map(fn));
}
