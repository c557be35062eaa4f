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

/** A reusable accessor over one store row; avoids allocating per event for single values. */
class RowAccessor implements EventAccessor {
  row = 0;
  private readonly cols = new Map<string, Column | null>();
  constructor(private readonly store: EventStore) {}
  private col(name: string): Column | null {
    let c = this.cols.get(name);
    if (c === undefined) this.cols.set(name, (c = this.store.column(name) ?? null));
    return c;
  }
  get(name: string): string | null {
    const col = this.col(name);
    if (!col) return null;
    const id = col.ids[this.row] ?? NULL_ID;
    if (id === NULL_ID) return null;
    if (id !== MULTI_ID) return this.store.dict.get(id);
    const first = col.multi.get(this.row)?.[0];
    return first === undefined ? null : this.store.dict.get(first);
  }
  all(name: string): readonly string[] {
    const col = this.col(name);
    if (!col) return [];
    return Array.from(col.idsAt(this.row), (id) => this.store.dict.get(id));
  }
  time(): number {
    return this.store.time(this.row);
  }
}

/**
 * Membership is computed at once; each field's column only when a search first asks for it, so a
 * tstats touching 9 fields does not pay for the other 20.
 */
function build(store: EventStore, dataset: DatasetDef): DatasetView {
  const chain = lineage(dataset);
  const fields = chain.flatMap((d) => d.fields);
  const byName = new Map(fields.map((f) => [f.name, f]));
  const acc = new RowAccessor(store);
  const rows = members(store, chain, acc);
  const preEval = new Map(chain.flatMap((d) => Object.entries(d.preEval ?? {})));
  const columns = new Map<string, Column | undefined>();
  const compute = (name: string): Column | undefined => {
    const isBase = (BASE_FIELDS as readonly string[]).includes(name) && name !== "_time";
    const def = byName.get(name);
    if (!isBase && !def) return undefined;
    const col = new Column(name, rows.length);
    const pre = preEval.get(name);
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i] as number;
      acc.row = row;
      // A base-search eval (e.g. lower(process_integrity_level)) feeds the field of the same name.
      if (pre) setValue(store, col, i, pre(acc));
      else if (def?.calc) setValue(store, col, i, def.calc(acc));
      else copyIds(store, row, name, col, i);
    }
    return col;
  };
  return {
    dataset,
    rows,
    fields,
    field: (name) => {
      if (!columns.has(name)) columns.set(name, compute(name));
      return columns.get(name);
    },
    time: (i) => store.time(rows[i] ?? -1),
  };
}

function members(store: EventStore, chain: readonly DatasetDef[], acc: RowAccessor): Int32Array {
  const tagCol = store.column("tag");
  const requiredTags = [...new Set(chain.flatMap((d) => d.tags))].map((t) => store.dict.lookup(t));
  const out: number[] = [];
  // A dataset that requires tags has no members when no event carries them; one that requires none
  // (Risk: index=risk) is decided by its constraints alone.
  if (requiredTags.length > 0 && (!tagCol || requiredTags.includes(undefined))) return new Int32Array(0);
  for (let row = 0; row < store.length; row++) {
    if (requiredTags.length > 0 && !requiredTags.every((t) => includes((tagCol as Column).idsAt(row), t as number))) continue;
    acc.row = row;
    if (chain.every((d) => !d.constraint || d.constraint(acc))) out.push(row);
  }
  return Int32Array.from(out);
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
