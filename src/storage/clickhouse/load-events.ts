/**
 * Loads the tables an event search pushed to ClickHouse reads (sql/compile-events.ts): `events`
 * (every store row's `_row` and `_time`) and, per field a query reads, `ev_<field>` with the rows
 * that have a value: `v` the values exactly as the store holds them (a multivalue keeps every
 * value, duplicates too), `l`/`c`/`i` their side forms (sql/fold.ts: lower case and canonical
 * form of non-ASCII values, ipKey of address-looking ones), as the dataset tables have them.
 * A field is loaded once per store identity (store-identity.ts; in-process chDB: per store
 * version), as the catalog (load-catalog.ts) records, and never again: 660 ESCU event searches
 * read ~200 different fields of the same events, and a table per field means a new field costs
 * its own rows only (widening one wide table would copy `_raw` every time). A query LEFT JOINs the
 * fields it reads on `_row`; a row a field table lacks reads `[]`, null, as in the store.
 */
import { NULL_ID, type EventStore, type StoreField } from "../../store/event-store.js";
import { EVENTS_TABLE, eventFieldTable, FIELD_TABLE_COLUMNS } from "../../sql/compile-events.js";
import { foldedCell, hasLoneSurrogate } from "../../sql/fold.js";
import { LOCAL_FALLBACK } from "../../sql/guard.js";
import type { Value } from "../../values/value.js";
import { BATCH_ROWS, type LoadTarget } from "./load-target.js";
import { storeIdentity } from "./store-identity.js";

/**
 * A blob field (`_raw`, the XML blocks) keeps a lone surrogate as the data had it (store/
 * field-dict.ts interns others as U+FFFD); UTF-8 cannot hold one, so ClickHouse would see
 * another text (and chDB refuses the row). A search that reads such a field runs in memory
 * (sql/guard.ts): these are the fields found so, per store.
 */
const lossy = new WeakMap<EventStore, Set<string>>();

class LossyField extends Error {}

export class EventTables {
  constructor(private readonly target: LoadTarget) {}

  /** Makes `events` hold `store`'s rows and a field table exist for each of `fields`. */
  async ensure(store: EventStore, fields: readonly string[]): Promise<void> {
    const { catalog } = this.target;
    const id = storeIdentity(store).id;
    if ((await catalog.get(EVENTS_TABLE))?.store !== id) {
      // Field tables of another store would be joined to these rows: none survives a new `events`.
      // All are marked empty in one write before the first is dropped (a catalog row per table
      // was one MergeTree part each: ~130 for a small Sysmon file).
      const stale = [...(await catalog.tables())].filter(([table, t]) => table.startsWith(FIELD_TABLE_PREFIX) && t.store !== id).map(([table]) => table);
      await catalog.forget(...stale, EVENTS_TABLE);
      for (const table of stale) await this.target.exec(`DROP TABLE IF EXISTS ${table}`);
      const rows = await writeEvents(this.target, store);
      await catalog.set(EVENTS_TABLE, id, [], rows);
    }
    const known = lossy.get(store) ?? new Set<string>();
    for (const f of fields) {
      if (known.has(f)) throw new Error(`${LOCAL_FALLBACK}: ${f} holds a lone surrogate`);
      const table = eventFieldTable(f);
      if ((await catalog.get(table))?.store === id) continue;
      await catalog.forget(table);
      let rows: number;
      try {
        rows = await writeField(this.target, store, f);
      } catch (e) {
        if (!(e instanceof LossyField)) throw e;
        lossy.set(store, known.add(f));
        throw new Error(`${LOCAL_FALLBACK}: ${f} holds a lone surrogate`);
      }
      await catalog.set(table, id, [f], rows);
    }
  }
}

const FIELD_TABLE_PREFIX = eventFieldTable("");

/** (Re)creates `events`; returns the rows inserted. */
async function writeEvents(target: LoadTarget, store: EventStore): Promise<number> {
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
  return n;
}

/** (Re)creates the field's table; returns the rows inserted. */
async function writeField(target: LoadTarget, store: EventStore, field: string): Promise<number> {
  const table = eventFieldTable(field);
  const [v, l, c, i] = FIELD_TABLE_COLUMNS;
  await target.exec(`DROP TABLE IF EXISTS ${table}`);
  await target.exec(`CREATE TABLE ${table} (_row UInt32, ${v} Array(String), ${l} Array(String), ${c} Array(String), ${i} Array(String)) ENGINE = ${target.engine}`);
  const col = store.column(field);
  if (!col) return 0;
  const names = ["_row", ...FIELD_TABLE_COLUMNS];
  const read = cellReader(col);
  let batch: unknown[][] = [];
  let rows = 0;
  for (let r = 0; r < store.length; r++) {
    const cell = read(r);
    if (cell === null) continue;
    batch.push([r, ...cell]);
    rows++;
    if (batch.length >= BATCH_ROWS) {
      await target.insert(table, names, batch);
      batch = [];
    }
  }
  if (batch.length > 0) await target.insert(table, names, batch);
  return rows;
}

/**
 * A row's values and side forms, null when it has none: a dictionary column's cells computed once
 * per distinct id; a blob's (`_raw`: nearly all distinct) per row, never cached.
 */
function cellReader(col: StoreField): (r: number) => unknown[] | null {
  if (col.kind === "blob") {
    return (r) => {
      const v = col.value(r);
      if (typeof v === "string" && hasLoneSurrogate(v)) throw new LossyField();
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
