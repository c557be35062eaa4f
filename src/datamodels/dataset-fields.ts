/**
 * How a dataset's fields are read from the store, as dictionary-id vectors. A field passed through
 * from the event is the store's own column (no copy); a calculated one (a CIM eval, a base-search
 * eval, or long text) is computed per row and interned. Calculated columns over all members are
 * kept per store version within a byte budget, so an ESCU pass computes `process_name` once, yet
 * memory stays bounded however many datasets and fields the searches touch.
 */
import { FixedLayout } from "../store/chunk-layout.js";
import { Column, NULL_ID } from "../store/column.js";
import type { EventStore } from "../store/event-store.js";
import { FieldDict } from "../store/field-dict.js";
import type { Value } from "../values/value.js";
import { lineage } from "./registry.js";
import { RowAccessor } from "./row-accessor.js";
import type { DatasetDef, DmField, EventAccessor } from "./types.js";

/** Base fields every dataset inherits, addressed without a prefix (cim-mapping.md §1.1). */
export const BASE_FIELDS = ["_time", "host", "source", "sourcetype"] as const;

/** Dictionary ids of one field by position (0 = null; a combo id is a multivalue). A Column is one. */
export interface IdVector {
  readonly dict: FieldDict;
  id(i: number): number;
}

/** Where a field's values come from. */
export type ValueSource =
  | { readonly kind: "stored"; readonly col: Column }
  | { readonly kind: "computed"; readonly value: (acc: EventAccessor) => Value }
  | { readonly kind: "empty" };

/** Calculated columns over all members kept per store; past this the least recently used go. */
export const CALC_BUDGET_BYTES = 256 * 1024 * 1024;

interface CalcEntry {
  readonly col: Column;
  readonly bytes: number;
}

interface StoreCache {
  readonly version: number;
  /** Insertion order is recency order (a hit re-inserts). */
  readonly entries: Map<string, CalcEntry>;
  bytes: number;
}

const calcCache = new WeakMap<EventStore, StoreCache>();

export class DatasetFields {
  /** All field definitions visible on the dataset (inherited first). */
  readonly fields: readonly DmField[];
  private readonly byName: ReadonlyMap<string, DmField>;
  private readonly preEval: ReadonlyMap<string, (ev: EventAccessor) => string | null>;
  private readonly acc: RowAccessor;
  private readonly key: string;

  constructor(
    private readonly store: EventStore,
    readonly dataset: DatasetDef,
  ) {
    const chain = lineage(dataset);
    this.fields = chain.flatMap((d) => d.fields);
    this.byName = new Map(this.fields.map((f) => [f.name, f]));
    this.preEval = new Map(chain.flatMap((d) => Object.entries(d.preEval ?? {})));
    this.acc = new RowAccessor(store);
    this.key = `${dataset.model}.${dataset.name}`;
  }

  /** How `name` (unprefixed) is read; null when it is not a field of the dataset (`_time` is not: it has no ids). */
  source(name: string): ValueSource | null {
    const isBase = (BASE_FIELDS as readonly string[]).includes(name) && name !== "_time";
    const def = this.byName.get(name);
    if (!isBase && !def) return null;
    // A base-search eval (e.g. lower(process_integrity_level)) feeds the field of the same name.
    const pre = this.preEval.get(name);
    if (pre) return { kind: "computed", value: pre };
    if (def?.calc) return { kind: "computed", value: def.calc };
    const col = this.acc.col(name);
    if (!col) return { kind: "empty" };
    if (col.kind === "ids") return { kind: "stored", col };
    return { kind: "computed", value: (acc) => acc.get(name) };
  }

  /** The field over `members` (the dataset's member rows): position j is members[j]. */
  overMembers(name: string, members: Int32Array): IdVector | undefined {
    const src = this.source(name);
    if (!src) return undefined;
    if (src.kind === "empty") return EMPTY;
    if (src.kind === "stored") return { dict: src.col.dict, id: (j) => src.col.id(members[j] as number) };
    return this.calculatedColumn(name, members, src.value);
  }

  /**
   * The field over the members at positions `picked` (ascending): position i is
   * members[picked[i]]. A few rows are computed on their own; many reuse (or build) the cached
   * column over all members, which costs the same to compute.
   */
  overPicked(name: string, members: Int32Array, picked: Int32Array): IdVector | undefined {
    const src = this.source(name);
    if (!src) return undefined;
    if (src.kind === "empty") return EMPTY;
    if (src.kind === "stored") return { dict: src.col.dict, id: (i) => src.col.id(members[picked[i] as number] as number) };
    const cached = this.cached(name);
    if (cached || picked.length * 4 >= members.length) {
      const col = cached ?? this.calculatedColumn(name, members, src.value);
      return { dict: col.dict, id: (i) => col.id(picked[i] as number) };
    }
    return this.compute(name, picked.length, (i) => members[picked[i] as number] as number, src.value);
  }

  private storeCache(): StoreCache {
    let c = calcCache.get(this.store);
    if (!c || c.version !== this.store.version) calcCache.set(this.store, (c = { version: this.store.version, entries: new Map(), bytes: 0 }));
    return c;
  }

  private cached(name: string): Column | undefined {
    const c = this.storeCache();
    const key = `${this.key}\u0000${name}`;
    const hit = c.entries.get(key);
    if (!hit) return undefined;
    c.entries.delete(key);
    c.entries.set(key, hit);
    return hit.col;
  }

  /** A calculated field over all members (position j is members[j]), from or into the cache. */
  calculatedColumn(name: string, members: Int32Array, value: (acc: EventAccessor) => Value): Column {
    const hit = this.cached(name);
    if (hit) return hit;
    const col = this.compute(name, members.length, (j) => members[j] as number, value);
    const c = this.storeCache();
    const bytes = col.idBytes() + col.dict.byteSize();
    c.entries.set(`${this.key}\u0000${name}`, { col, bytes });
    c.bytes += bytes;
    for (const [k, e] of c.entries) {
      if (c.bytes <= CALC_BUDGET_BYTES || e.col === col) break;
      c.entries.delete(k);
      c.bytes -= e.bytes;
    }
    return col;
  }

  /** A column of `n` rows: row i holds the value at store row rowAt(i). */
  private compute(name: string, n: number, rowAt: (i: number) => number, value: (acc: EventAccessor) => Value): Column {
    const layout = new FixedLayout();
    layout.length = n;
    const col = new Column(name, layout, new FieldDict());
    const acc = this.acc;
    for (let i = 0; i < n; i++) {
      acc.row = rowAt(i);
      const v = value(acc);
      if (v === null) continue;
      if (typeof v === "string") col.set(i, col.dict.intern(v));
      else if (typeof v === "number") col.set(i, col.dict.intern(String(v)));
      else if (v.length > 0) col.setValue(i, v.map(String));
    }
    col.compact();
    return col;
  }
}

const EMPTY: IdVector = { dict: new FieldDict(), id: () => NULL_ID };
