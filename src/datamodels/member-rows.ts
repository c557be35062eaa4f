/**
 * Which store rows belong to a dataset (tags, then constraints; on an opened index the
 * materialised `_datasets` column). Cached per store version: an ESCU pass asks for the same few
 * datasets ~1,500 times, and the answer costs 4 bytes a member.
 */
import type { Column } from "../store/column.js";
import { NULL_ID } from "../store/column.js";
import { DATASETS_FIELD, type EventStore } from "../store/event-store.js";
import { RowAccessor } from "./row-accessor.js";
import { lineage } from "./registry.js";
import type { DatasetDef } from "./types.js";

const cache = new WeakMap<EventStore, { version: number; rows: Map<string, Int32Array> }>();

/** Store rows of the dataset, ascending. */
export function memberRows(store: EventStore, dataset: DatasetDef): Int32Array {
  let perStore = cache.get(store);
  if (!perStore || perStore.version !== store.version) cache.set(store, (perStore = { version: store.version, rows: new Map() }));
  const key = `${dataset.model}.${dataset.name}`;
  let rows = perStore.rows.get(key);
  if (!rows) perStore.rows.set(key, (rows = members(store, lineage(dataset))));
  return rows;
}

function members(store: EventStore, chain: readonly DatasetDef[]): Int32Array {
  const acc = new RowAccessor(store);
  const stored = store.column(DATASETS_FIELD);
  const ds = chain.at(-1) as DatasetDef;
  // An opened index carries each event's memberships; rows appended since (risk events) are judged below.
  const name = `${ds.model}.${ds.name}`;
  const fromIndex = store.indexedMembers(name) ?? (stored?.kind === "ids" ? storedMembers(stored, name, store.backedLength) : null);
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

/** Members from the index's materialised memberships: one test per distinct membership list of each row group. */
function storedMembers(col: Column, name: string, length: number): Int32Array {
  const isMember = col.anyValueTest((v) => v === name);
  const out: number[] = [];
  for (let row = 0; row < length; row++) if (isMember(row)) out.push(row);
  return Int32Array.from(out);
}

function includes(ids: ArrayLike<number>, id: number): boolean {
  for (let i = 0; i < ids.length; i++) if (ids[i] === id) return true;
  return false;
}
