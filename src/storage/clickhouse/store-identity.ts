/**
 * What a ClickHouse table was loaded from (storage/clickhouse/README.md, "Persistent tables"): an
 * identity of an EventStore's contents. An opened index has one that holds across processes (a
 * hash of its manifest: the files, their sizes and mtimes, the parts, the format, mapping and
 * ingest options), so a later `--index` or `--data` run over the same files finds the tables a
 * server already holds and loads nothing. Any other store, or an index store changed since it was
 * opened (hunt appends risk events), gets an identity of this process only: its tables are loaded
 * again by the next process, as they always were.
 */
import { platform } from "../../platform/platform.js";
import type { EventStore } from "../../store/event-store.js";
import type { Manifest } from "../index/manifest.js";

interface Known {
  readonly id: string;
  readonly version: number;
  readonly length: number;
}

const known = new WeakMap<EventStore, Known>();
const local = new WeakMap<EventStore, { readonly id: string; readonly version: number }>();

export interface StoreIdentity {
  readonly id: string;
  /** True when another process opening the same index gets the same id. */
  readonly stable: boolean;
}

/** The identity of an index's contents: its manifest, hashed (key order as the index writes it). */
export function manifestIdentity(manifest: Manifest): string {
  return `index:${platform().digests.hex("sha256", JSON.stringify(manifest)).slice(0, 32)}`;
}

/** Records that `store`, as it is now, holds exactly the contents `id` names. */
export function setStoreIdentity(store: EventStore, id: string): void {
  known.set(store, { id, version: store.version, length: store.length });
}

/** `store`'s identity as it is now (a changed store gets a new one). */
export function storeIdentity(store: EventStore): StoreIdentity {
  const k = known.get(store);
  if (k && k.version === store.version && k.length === store.length) return { id: k.id, stable: true };
  let l = local.get(store);
  if (!l || l.version !== store.version) local.set(store, (l = { id: `process:${platform().digests.randomUUID()}`, version: store.version }));
  return { id: l.id, stable: false };
}
