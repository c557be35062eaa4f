/**
 * Attack data for `minispl test`: each file, with the ingest options its test entry forces, is
 * ingested once per run (per worker thread) and its store shared by every test that names it.
 * ESCU tests share attack data a lot (one Atomic Red Team capture serves several detections), and
 * ingesting it is most of a test's time.
 *
 * `AttackDataSource` is the seam for an on-disk index cache: anything that can turn
 * (file, options) into a store can stand behind the memo (`close` lets it free an opened index
 * once the memo drops it). Stores handed out are shared, so they are read-only to their users:
 * runSearch never appends to the store it searches, and the memo reloads a store that changed.
 */
import { EventStore, ingestPaths, type SkippedRecord } from "../index.js";

/** The ingest options a test's attack_data entry can force. */
export interface AttackDataOptions {
  readonly sourcetype?: string;
  readonly source?: string;
  readonly host?: string;
}

/** One attack data file's events, and what ingestion said about them. */
export interface AttackData {
  readonly store: EventStore;
  readonly events: number;
  readonly skipped: readonly SkippedRecord[];
  /** Frees what the store holds open (an on-disk index's files); called once no test needs it. */
  close?(): void;
}

/** Turns a file into its events: ingestAttackData below, later an on-disk index; the memo shares what it gives. */
export interface AttackDataSource {
  load(file: string, opts: AttackDataOptions): AttackData;
}

/** Ingests the file afresh, every time. */
export const ingestAttackData: AttackDataSource = {
  load(file, opts) {
    const store = new EventStore();
    const report = ingestPaths(store, [file], opts);
    // Sealed into compact chunks, as session.ts does after a load: the memo may keep it a while.
    store.compact();
    return { store, events: report.events, skipped: report.skipped };
  },
};

interface Entry {
  data: AttackData | null;
  /** store.version right after loading: a change means someone appended to a shared store. */
  version: number;
  /** Uses not yet released; the entry is dropped at zero, so memory holds only data still needed. */
  pending: number;
}

/**
 * Keeps each loaded file while tests still need it. Declare every use first (`expect`), `load`
 * when the test runs (the first load ingests), and `release` each declared use once when its test
 * is done with it, loaded or not (a test can stop at an earlier error). The last release drops
 * the store. A load that was not declared counts as one use, to be released the same way.
 */
export class AttackDataMemo {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly source: AttackDataSource = ingestAttackData) {}

  expect(file: string, opts: AttackDataOptions): void {
    const entry = this.entries.get(keyOf(file, opts));
    if (entry) entry.pending++;
    else this.entries.set(keyOf(file, opts), { data: null, version: 0, pending: 1 });
  }

  load(file: string, opts: AttackDataOptions): AttackData {
    const key = keyOf(file, opts);
    let entry = this.entries.get(key);
    if (!entry) this.entries.set(key, (entry = { data: null, version: 0, pending: 1 }));
    // A store that changed since it was loaded no longer holds just this file's events.
    if (!entry.data || entry.data.store.version !== entry.version) {
      entry.data?.close?.();
      entry.data = this.source.load(file, opts);
      entry.version = entry.data.store.version;
    }
    return entry.data;
  }

  release(file: string, opts: AttackDataOptions): void {
    const key = keyOf(file, opts);
    const entry = this.entries.get(key);
    if (!entry || --entry.pending > 0) return;
    this.entries.delete(key);
    entry.data?.close?.();
  }
}

function keyOf(file: string, opts: AttackDataOptions): string {
  return JSON.stringify([file, opts.sourcetype ?? null, opts.source ?? null, opts.host ?? null]);
}

/**
 * One store holding the events of several, in order, as ingesting the files one after another
 * into one store gives: what a test with several attack data files searches. Copies rows through
 * the store's public reads, so the shared stores stay untouched.
 */
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
