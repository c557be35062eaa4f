/**
 * A drilldown's time range applied to the store: minispl's executor has no global time range, so
 * the drilldown runs over a store holding only the events inside it. The store itself is reused
 * when the range excludes nothing (the common all-time case), so large stores are not copied.
 */
import { EventStore } from "../store/event-store.js";
import type { TimeRange } from "./drilldown.js";

export function sliceStore(store: EventStore, range: TimeRange): EventStore {
  const lo = range.earliest ?? Number.NEGATIVE_INFINITY;
  const hi = range.latest ?? Number.POSITIVE_INFINITY;
  const inside = (row: number) => {
    const t = store.time(row);
    return t >= lo && t < hi;
  };
  let all = true;
  for (let row = 0; row < store.length && all; row++) all = inside(row);
  if (all) return store;
  const out = new EventStore();
  const names = store.fieldNames();
  for (let row = 0; row < store.length; row++) {
    if (!inside(row)) continue;
    const fields: Record<string, string | readonly string[]> = {};
    for (const name of names) {
      const v = store.column(name)?.value(row) ?? null;
      if (v === null) continue;
      fields[name] = Array.isArray(v) ? v.map(String) : String(v);
    }
    out.append({ time: store.time(row), fields });
  }
  return out;
}
