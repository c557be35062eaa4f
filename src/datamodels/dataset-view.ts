/**
 * Materialises a dataset over the store: which rows belong, and one dictionary-id vector per
 * datamodel field (calculated fields evaluated once per event). Built lazily, cached per store
 * version, so repeated tstats over the same data only pay for grouping.
 */
import { FixedLayout } from "../store/chunk-layout.js";
import { Column, NULL_ID } from "../store/column.js";
import { DATASETS_FIELD, type EventStore, type StoreField } from "../store/event-store.js";
import { FieldDict } from "../store/field-dict.js";
import type { DatasetDef, DmField, EventAccessor } from "./types.js";
import type { Value } from "../values/value.js";
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

/** A reusable accessor over one store row; single values of low-cardinality fields decode without allocating. */
class RowAccessor implements EventAccessor {
  row = 0;
  private readonly cols = new Map<string, StoreField | null>();
  constructor(private readonly store: EventStore) {}
  col(name: string): StoreField | null {
    let c = this.cols.get(name);
    if (c === undefined) this.cols.set(name, (c = this.store.column(name) ?? null));
    return c;
  }
  get(name: string): string | null {
    const col = this.col(name);
    if (!col) return null;
    if (col.kind === "blob") return col.value(this.row);
    const id = col.id(this.row);
    return id === NULL_ID ? null : col.dict.get(id);
  }
  all(name: string): readonly string[] {
    const col = this.col(name);
    if (!col) return [];
    if (col.kind === "blob") {
      const v = col.value(this.row);
      return v === null ? [] : [v];
    }
    return Array.from(col.idsAt(this.row), (id) => col.dict.get(id));
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
  const layout = new FixedLayout();
  layout.length = rows.length;
  const compute = (name: string): Column | undefined => {
    const isBase = (BASE_FIELDS as readonly string[]).includes(name) && name !== "_time";
    const def = byName.get(name);
    if (!isBase && !def) return undefined;
    const pre = preEval.get(name);
    const src = pre || def?.calc ? null : acc.col(name);
    // A field copied from the store shares the store column's dictionary, so its ids copy as they are.
    const col = new Column(name, layout, src?.kind === "ids" ? src.dict : new FieldDict());
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i] as number;
      acc.row = row;
      // A base-search eval (e.g. lower(process_integrity_level)) feeds the field of the same name.
      if (pre) setValue(col, i, pre(acc));
      else if (def?.calc) setValue(col, i, def.calc(acc));
      else if (src?.kind === "ids") {
        const id = src.id(row);
        if (id !== NULL_ID) col.set(i, id);
      } else if (src) setValue(col, i, src.value(row));
    }
    col.seal();
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
  const stored = store.column(DATASETS_FIELD);
  const ds = chain.at(-1) as DatasetDef;
  // An opened index carries each event's memberships; rows appended since (risk events) are judged below.
  const fromIndex = stored?.kind === "ids" ? storedMembers(stored, `${ds.model}.${ds.name}`, store.backedLength) : null;
  const first = fromIndex ? store.backedLength : 0;
  const tag = store.column("tag");
  const tagCol = tag?.kind === "ids" ? tag : null;
  const requiredTags = [...new Set(chain.flatMap((d) => d.tags))].map((t) => tagCol?.dict.lookup(t));
  const out: number[] = [];
  // A dataset that requires tags has no members when no event carries them; one that requires none
  // (Risk: index=risk) is decided by its constraints alone.
  if (requiredTags.length > 0 && (!tagCol || requiredTags.includes(undefined))) return fromIndex ?? new Int32Array(0);
  // Tag sets repeat (one combo id per distinct set), so the tag test runs once per distinct set.
  const memo = new Map<number, boolean>();
  const hasTags = (id: number): boolean => {
    let ok = memo.get(id);
    if (ok === undefined) {
      const ids = id === NULL_ID ? [] : ((tagCol as Column).dict.members(id) ?? [id]);
      ok = requiredTags.every((t) => includes(ids, t as number));
      memo.set(id, ok);
    }
    return ok;
  };
  for (let row = first; row < store.length; row++) {
    if (requiredTags.length > 0 && !hasTags((tagCol as Column).id(row))) continue;
    acc.row = row;
    if (chain.every((d) => !d.constraint || d.constraint(acc))) out.push(row);
  }
  if (!fromIndex) return Int32Array.from(out);
  const all = new Int32Array(fromIndex.length + out.length);
  all.set(fromIndex);
  all.set(out, fromIndex.length);
  return all;
}

/** Members from the index's materialised memberships: one test per distinct membership list. */
function storedMembers(col: Column, name: string, length: number): Int32Array {
  // An opened index fills the dictionary as chunks are read, so ids are judged by their text.
  const memo = new Map<number, boolean>();
  const out: number[] = [];
  for (let row = 0; row < length; row++) {
    const v = col.id(row);
    if (v === NULL_ID) continue;
    let ok = memo.get(v);
    if (ok === undefined) {
      const value = col.decode(v);
      memo.set(v, (ok = Array.isArray(value) ? value.includes(name) : value === name));
    }
    if (ok) out.push(row);
  }
  return Int32Array.from(out);
}

function includes(ids: ArrayLike<number>, id: number): boolean {
  for (let i = 0; i < ids.length; i++) if (ids[i] === id) return true;
  return false;
}

function setValue(col: Column, i: number, v: Value): void {
  if (v === null) return;
  if (typeof v === "string") col.set(i, col.dict.intern(v));
  else if (typeof v === "number") col.set(i, col.dict.intern(String(v)));
  else if (v.length > 0) col.setValue(i, v.map(String));
}
