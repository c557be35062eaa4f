/**
 * The in-memory event store: columnar, one dictionary shared by all string columns, `_time` in a
 * Float64Array. Adapters append events; searches read columns by name. No per-row objects are kept.
 */
import { Column, NULL_ID } from "./column.js";
import { StringDict } from "./string-dict.js";
import type { Value } from "../values/value.js";

/** What an adapter hands to the store: the event time (epoch seconds) and its fields as strings. */
export interface EventInput {
  readonly time: number;
  readonly fields: Readonly<Record<string, string | readonly string[] | undefined>>;
}

export class EventStore {
  readonly dict = new StringDict();
  private readonly columns = new Map<string, Column>();
  private times = new Float64Array(1024);
  private count = 0;
  /** Bumped on every append so derived views (datamodels) know when to rebuild. */
  version = 0;

  get length(): number {
    return this.count;
  }

  /** Appends one event and returns its row number. */
  append(event: EventInput): number {
    const row = this.count++;
    if (row >= this.times.length) {
      const next = new Float64Array(this.times.length * 2);
      next.set(this.times);
      this.times = next;
    }
    this.times[row] = event.time;
    for (const name in event.fields) {
      const v = event.fields[name];
      if (v === undefined) continue;
      const col = this.columnFor(name);
      if (typeof v === "string") col.set(row, this.dict.intern(v));
      else col.setMulti(row, v.map((s) => this.dict.intern(s)));
    }
    this.version++;
    return row;
  }

  /** `_time` of a row. */
  time(row: number): number {
    return this.times[row] ?? Number.NaN;
  }

  /** The raw time array (valid up to `length`). */
  timeArray(): Float64Array {
    return this.times;
  }

  column(name: string): Column | undefined {
    return this.columns.get(name);
  }

  fieldNames(): string[] {
    return [...this.columns.keys()];
  }

  /** Decoded value of one field of one row (`_time` included). */
  value(row: number, name: string): Value {
    if (name === "_time") return this.time(row);
    const col = this.columns.get(name);
    if (!col || row >= col.ids.length) return null;
    return col.value(row, this.dict);
  }

  /** Dictionary id of a single-valued field of a row; NULL_ID when absent. */
  idAt(row: number, name: string): number {
    const col = this.columns.get(name);
    if (!col || row >= col.ids.length) return NULL_ID;
    return col.ids[row] ?? NULL_ID;
  }

  private columnFor(name: string): Column {
    let col = this.columns.get(name);
    if (!col) {
      col = new Column(name, this.times.length);
      this.columns.set(name, col);
    }
    col.ensure(this.count);
    return col;
  }
}
