/**
 * What metadata and eventcount share: which store rows belong to the indexes an `index=` list
 * names. Their pages agree on the rules: "Wildcard characters (*) can be used. To match
 * non-internal indexes, use index=*. To match internal indexes, use index=_*", and without an
 * index "the default index, which is usually the main index" (metadata) / "information about the
 * default index" (eventcount). So `*` alone does not reach an index whose name starts with `_`.
 * Every event has its index (adapters set `index`, default `main`; collect sets its own).
 */
import { NULL_ID } from "../store/column.js";
import type { EventStore } from "../store/event-store.js";
import { globToRegExp } from "./store-glob.js";

export const DEFAULT_INDEX = "main";

/** A test of index names for an `index=` list (empty: the default index). */
export function indexMatcher(patterns: readonly string[]): (index: string) => boolean {
  const list = patterns.length === 0 ? [DEFAULT_INDEX] : patterns;
  const tests = list.map((p) => {
    const re = globToRegExp(p);
    // A pattern that does not itself start with `_` does not reach internal indexes.
    const internalOk = p.startsWith("_");
    return (name: string) => (internalOk || !name.startsWith("_")) && re.test(name);
  });
  return (name) => tests.some((t) => t(name));
}

/**
 * Each store row's index name as a small id (-1: no index or not selected), with the names:
 * one dictionary decode per distinct index, not per row.
 */
export function rowIndexes(store: EventStore, selected: (index: string) => boolean): { ids: Int32Array; names: string[] } {
  const n = store.length;
  const ids = new Int32Array(n).fill(-1);
  const names: string[] = [];
  const col = store.column("index");
  if (!col) return { ids, names };
  const memo = new Map<number, number>();
  for (let r = 0; r < n; r++) {
    if (col.kind === "blob") break;
    const id = col.id(r);
    if (id === NULL_ID) continue;
    let k = memo.get(id);
    if (k === undefined) {
      const v = col.decode(id);
      const name = Array.isArray(v) ? String(v[0]) : String(v);
      k = selected(name) ? names.push(name) - 1 : -1;
      memo.set(id, k);
    }
    ids[r] = k;
  }
  return { ids, names };
}
