/**
 * Loads the tables an event search pushed to ClickHouse reads (sql/compile-events.ts): `events`
 * (every store row's `_row` and `_time`) and, per field a query reads, `ev_<field>` with the rows
 * that have a value: `v` the values exactly as the store holds them (a multivalue keeps every
 * value, duplicates too), `l`/`c`/`i` their side forms (sql/fold.ts: lower case and canonical
 * form of non-ASCII values, ipKey of address-looking ones), as the dataset tables have them.
 * A field is loaded once per store version and never again: 660 ESCU event searches read ~200
 * different fields of the same events, and a table per field means a new field costs its own
 * rows only (widening one wide table would copy `_raw` every time). A query LEFT JOINs the
 * fields it reads on `_row`; a row a field table lacks reads `[]`, null, as in the store.
 */
import { NULL_ID, type EventStore, type StoreField } from "../../store/event-store.js";
import { EVENTS_TABLE, eventFieldTable, FIELD_TABLE_COLUMNS } from "../../sql/compile-events.js";
import { foldedCell } from "../../sql/fold.js";
import type { Value } from "../../values/value.js";
import { BATCH_ROWS, type LoadTarget } from "./load-target.js";

export class EventTables {
  private store: EventStore | null = null;
  private version = -1;
  private readonly fields = new Set<string>();

  constructor(private readonly target: LoadTarget) {}

  /** Makes `events` hold `store`'s rows and a field table exist for each of `fields`. */
  async ensure(store: EventStore, fields: readonly string[]): Promise<void> {
    if (this.store !== store || this.version !== store.version) {
      this.store = null;
      for (const f of this.fields) await this.target.exec(`DROP TABLE IF EXISTS ${eventFieldTable(f)}`);
      this.fields.clear();
      await writeEvents(this.target, store);
      this.store = store;
      this.version = store.version;
    }
    for (const f of fields) {
      if (this.fields.has(f)) continue;
      await writeField(this.target, store, f);
      this.fields.add(f);
    }
  }
}

async function writeEvents(target: LoadTarget, store: EventStore): Promise<void> {
  await target.exec(`DROP TABLE IF EXISTS ${EVENTS_TABLE}`);
  await target.exec(`CREATE TABLE ${EVENTS_TABLE} (_row UInt32, _time Float64) ENGINE = ${target.engine}`);
  const times = store.timeArray();
  const n = store.length;
  for (let start = 0; start < n; start += BATCH_ROWS) {
    const end = Math.min(n, start + BATCH_ROWS);
    const batch: unknown[][] = [];
    for (let r = start; r < end; r++) {
      const time = times[r] as number;
      // A non-finite time prints and compares as text in memory; not mirrored.
      if (!Number.isFinite(time)) throw new Error("an event without a finite _time cannot be loaded");
      batch.push([r, time]);
    }
    await target.insert(EVENTS_TABLE, ["_row", "_time"], batch);
  }
}

async function writeField(target: LoadTarget, store: EventStore, field: string): Promise<void> {
  const table = eventFieldTable(field);
  const [v, l, c, i] = FIELD_TABLE_COLUMNS;
  await target.exec(`DROP TABLE IF EXISTS ${table}`);
  await target.exec(`CREATE TABLE ${table} (_row UInt32, ${v} Array(String), ${l} Array(String), ${c} Array(String), ${i} Array(String)) ENGINE = ${target.engine}`);
  const col = store.column(field);
  if (!col) return;
  const names = ["_row", ...FIELD_TABLE_COLUMNS];
  const read = cellReader(col);
  let batch: unknown[][] = [];
  for (let r = 0; r < store.length; r++) {
    const cell = read(r);
    if (cell === null) continue;
    batch.push([r, ...cell]);
    if (batch.length >= BATCH_ROWS) {
      await target.insert(table, names, batch);
      batch = [];
    }
  }
  if (batch.length > 0) await target.insert(table, names, batch);
}

/**
 * A row's values and side forms, null when it has none: a dictionary column's cells computed once
 * per distinct id; a blob's (`_raw`: nearly all distinct) per row, never cached.
 */
function cellReader(col: StoreField): (r: number) => unknown[] | null {
  if (col.kind === "blob") {
    return (r) => {
      const v = col.value(r);
      return v === null ? null : sideForms([v]);
    };
  }
  const cache = new Map<number, unknown[] | null>();
  return (r) => {
    const id = col.id(r);
    if (id === NULL_ID) return null;
    let cell = cache.get(id);
    if (cell === undefined) {
      const v: Value = col.decode(id);
      const values = v === null ? [] : Array.isArray(v) ? v.map(String) : [String(v)];
      cell = values.length === 0 ? null : sideForms(values);
      cache.set(id, cell);
    }
    return cell;
  };
}

/** The values and their side forms, in FIELD_TABLE_COLUMNS order after `_row`. */
function sideForms(values: readonly string[]): unknown[] {
  const c = foldedCell(values);
  return [c.values, c.lower, c.canon, c.ip];
}
