/**
 * One store holding the events of several, in order, as ingesting the files one after another
 * into one store gives: what a test with several attack data files searches. Copies rows through
 * the store's public reads, so the shared stores stay untouched.
 */
import { EventStore } from "../store/event-store.js";

export function concatStores(stores: readonly EventStore[]): EventStore {
  const out = new EventStore();
  for (const s of stores) {
    const names = s.fieldNames();
    for (let row = 0; row < s.length; row++) {
      const fields: Record<string, string | readonly string[]> = {};
      for (const name of names) {
        const v = s.value(row, name);
        if (v === null) continue;
        fields[name] = Array.isArray(v) ? v.map(String) : String(v);
      }
      out.append({ time: s.time(row), fields });
    }
  }
  return out;
}
