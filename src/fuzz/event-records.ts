/**
 * Every event an ingestion stored, as the data fuzzer compares them: its `_raw`, the archive
 * member it came from, and a fingerprint of all its fields. The file's folder is cut out of the
 * values (`source` is the path, and the damaged copy lives in a temp folder), so the undamaged file
 * and its damaged copy give equal fingerprints for equal records.
 */
import { dirname } from "node:path";
import type { EventStore } from "../store/event-store.js";

export interface EventRecord {
  readonly raw: string;
  /** `member` of `archive.zip!member` in `source`, when the event came from an archive member. */
  readonly member?: string;
  readonly fp: string;
}

export function eventRecords(store: EventStore, path: string): EventRecord[] {
  const dir = `${dirname(path)}/`;
  const names = store.fieldNames().sort();
  const out: EventRecord[] = [];
  for (let row = 0; row < store.length; row++) {
    const fields: [string, unknown][] = [];
    for (const name of names) {
      const v = store.value(row, name);
      if (v === null || v === undefined) continue;
      fields.push([name, typeof v === "string" ? v.split(dir).join("") : Array.isArray(v) ? v.map((x) => String(x).split(dir).join("")) : v]);
    }
    const raw = String(store.value(row, "_raw") ?? "");
    const source = String(store.value(row, "source") ?? "");
    const bang = source.indexOf("!");
    out.push({ raw, fp: JSON.stringify(fields), ...(bang >= 0 ? { member: source.slice(source.lastIndexOf("!") + 1) } : {}) });
  }
  return out;
}
