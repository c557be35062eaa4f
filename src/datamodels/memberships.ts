/**
 * Every event's dataset memberships (`Endpoint.Processes`, `Endpoint.Filesystem`, …) in one pass
 * over the datasets: what the on-disk index materialises, as Splunk's accelerated datamodel
 * summaries do, so a search over the index finds a dataset's events by one field.
 */
import type { EventStore } from "../store/event-store.js";
import { memberRows } from "./member-rows.js";
import { DATAMODELS } from "./registry.js";

/** Per row, the sorted names of the datasets it belongs to (null: none), and members per dataset. */
export function memberships(store: EventStore): { perRow: (string[] | null)[]; counts: Record<string, number>; lists: Map<string, Int32Array> } {
  const perRow: (string[] | null)[] = new Array<string[] | null>(store.length).fill(null);
  const counts: Record<string, number> = {};
  const lists = new Map<string, Int32Array>();
  for (const model of DATAMODELS) {
    for (const ds of model.datasets) {
      const name = `${model.name}.${ds.name}`;
      const rows = memberRows(store, ds);
      if (rows.length > 0) {
        counts[name] = rows.length;
        lists.set(name, rows);
      }
      for (const r of rows) (perRow[r] ??= []).push(name);
    }
  }
  for (const list of perRow) list?.sort();
  return { perRow, counts, lists };
}
