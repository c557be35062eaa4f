/**
 * Materialises a dataset over the store: which rows belong, and one dictionary-id vector per
 * datamodel field (calculated fields evaluated once per event). Built lazily, cached per store
 * version, so repeated tstats over the same data only pay for grouping.
 */
import { Column, MULTI_ID, NULL_ID } from "../store/column.js";
import type { EventStore } from "../store/event-store.js";
import type { DatasetDef, DmField, EventAccessor } from "./types.js";
import { lineage } from "./registry.js";

/** Base fields every dataset inherits, addressed without a prefix (cim-mapping.md §1.1). */
export const BASE_FIELDS = ["_time", "host", "source", "sourcetype"] as const;

export interface DatasetView {
  readonly dataset: DatasetDef;
  /** Store rows that belong to the dataset, ascending. */
  readonly rows: Int32Array;
  /** All field definitions visible on the dataset (inherited first). */
  readonly fields: readonly DmField[];
  /** Dictionary-id vector of a datamodel field (indexed like `rows`), or undefined if not a field. */
  field(name: string): Column | undefined;
  /** `_time` of the i-th member. */
  time(i: number): number;
}

const cache = new WeakMap<EventStore, Map<string, { version: number; view: DatasetView }>>();

export function datasetView(store: EventStore, dataset: DatasetDef): DatasetView {
  let perStore = cache.get(store);
  if (!perStore) cache.set(store, (perStore = new Map()));
  const key = `${dataset.model}.${dataset.name}`;
  const hit = perStore.get(key);
  if (hit && hit.version === store.version) return hit.view;
  const view = build(store, dataset);
  perStore.set(key, { version: store.version, view });
  return view;
}

/** A reusable accessor over one store row; avoids allocating per event. */
class RowAccessor implements EventAccessor {
  row = 0;
  overrides = new Map<string, string | null>();
  constructor(private readonly store: EventStore) {}
  get(name: string): string | null {
    if (this.overrides.has(name)) return this.overrides.get(name) ?? null;
    const col = this.store.column(name);
    if (!col) return null;
    const ids = col.idsAt(this.row);
    const first = ids[0];
    return first === undefined ? null : this.store.dict.get(first);
  }
  all(name: string): readonly string[] {
    if (this.overrides.has(name)) {
      const v = this.overrides.get(name);
      return v == null ? [] : [v];
    }
    const col = this.store.column(name);
    if (!col) return [];
    return Array.from(col.idsAt(this.row), (id) => this.store.dict.get(id));
  }
}

function build(store: EventStore, dataset: DatasetDef): DatasetView {
  const chain = lineage(dataset);
  const fields = chain.flatMap((d) => d.fields);
  const acc = new RowAccessor(store);
  const tagCol = store.column("tag");
  const requiredTags = [...new Set(chain.flatMap((d) => d.tags))].map((t) => store.dict.lookup(t));
  const members: number[] = [];
  if (!requiredTags.includes(undefined)) {
    for (let row = 0; row < store.length; row++) {
      if (!tagCol) break;
      const tags = tagCol.idsAt(row);
      if (!requiredTags.every((t) => includes(tags, t as number))) continue;
      acc.row = row;
      acc.overrides.clear();
      if (chain.every((d) => !d.constraint || d.constraint(acc))) members.push(row);
    }
  }
  const rows = Int32Array.from(members);
  const columns = new Map<string, Column>();
  for (const name of BASE_FIELDS) {
    if (name === "_time") continue;
    columns.set(name, new Column(name, rows.length));
  }
  for (const f of fields) columns.set(f.name, new Column(f.name, rows.length));
  const preEvals = chain.flatMap((d) => Object.entries(d.preEval ?? {}));
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] as number;
    acc.row = row;
    acc.overrides.clear();
    for (const [name, fn] of preEvals) acc.overrides.set(name, fn(acc));
    for (const name of BASE_FIELDS) {
      if (name !== "_time") copyIds(store, row, name, columns.get(name) as Column, i);
    }
    for (const f of fields) {
      const col = columns.get(f.name) as Column;
      if (f.calc) setValue(store, col, i, f.calc(acc));
      else if (acc.overrides.has(f.name)) setValue(store, col, i, acc.overrides.get(f.name) ?? null);
      else copyIds(store, row, f.name, col, i);
    }
  }
  return {
    dataset,
    rows,
    fields,
    field: (name) => columns.get(name),
    time: (i) => store.time(rows[i] ?? -1),
  };
}

function includes(ids: ArrayLike<number>, id: number): boolean {
  for (let i = 0; i < ids.length; i++) if (ids[i] === id) return true;
  return false;
}

function copyIds(store: EventStore, row: number, name: string, into: Column, i: number): void {
  const src = store.column(name);
  if (!src) return;
  const id = src.ids[row] ?? NULL_ID;
  if (id === MULTI_ID) into.setMulti(i, Array.from(src.idsAt(row)));
  else into.set(i, id);
}

function setValue(store: EventStore, col: Column, i: number, v: string | readonly string[] | null): void {
  if (v === null) col.set(i, NULL_ID);
  else if (typeof v === "string") col.set(i, store.dict.intern(v));
  else col.setMulti(i, v.map((s) => store.dict.intern(s)));
}
