// Tables that outlive the process (storage/clickhouse/README.md, "Persistent tables"), on chDB with
// a data folder standing in for a server (same client code, MergeTree, `minispl_loaded`): loadStore
// loads every table once; a new connection over the same index (a new process would open it the
// same way) runs searches without inserting a row, with the in-memory engine's rows; a store
// without a stable identity loads what it reads; a changed index is refused by searches until
// `loadStore` (index --out) loads it again. The logs are the process-creation events of the
// bundled samples (test/support/sample-events.ts): every field is a table here, and those events
// are what the searches read (90 tables where the whole files made 132, then 198).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdirSync, mkdtempSync } from "node:fs";
import { rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runSearchOnBackend } from "../../../../src/run-on-backend.js";
import { runSearch } from "../../../../src/run.js";
import { buildIndex } from "../../../../src/storage/index/build-index.js";
import { openIndex, type OpenedIndex } from "../../../../src/storage/index/open-index.js";
import { loadStore, storeNeeds } from "../../../../src/storage/clickhouse/load-store.js";
import { CATALOG_TABLE } from "../../../../src/storage/clickhouse/load-catalog.js";
import { OTHER_INDEX } from "../../../../src/storage/clickhouse/load-datasets.js";
import { storeIdentity } from "../../../../src/storage/clickhouse/store-identity.js";
import { memberRows } from "../../../../src/datamodels/member-rows.js";
import { findDataset } from "../../../../src/datamodels/registry.js";
import { EventStore } from "../../../../src/store/event-store.js";
import type { SqlBackend } from "../../../../src/storage/clickhouse/backend.js";
import { chdbProblem, openChdbDir } from "./chdb-dir.js";
import { PROCESS_CREATION, writeSampleEvents } from "../../../support/sample-events.js";

const problem = await chdbProblem();
if (problem) console.warn(problem);

const NOW = 1_700_100_000;
const SEARCHES = [
  "| tstats count min(_time) as firstTime from datamodel=Endpoint.Processes by Processes.dest Processes.process_name",
  "| tstats count from datamodel=Endpoint.Processes where Processes.process_name=*.exe by Processes.user Processes.parent_process_name",
  "index=* EventCode=1 | stats count values(Image) as images by host",
  "index=* | stats count by sourcetype",
];

describe.skipIf(problem !== null)("persistent tables (chDB with a data folder)", () => {
  let dir: string;
  let logs: string;
  let idx: string;
  let db: string;
  const opened: OpenedIndex[] = [];

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "minispl-persist-"));
    logs = join(dir, "logs");
    idx = join(dir, "idx");
    db = join(dir, "db");
    mkdirSync(logs);
    writeSampleEvents("samples/data/sysmon.xml", join(logs, "sysmon.xml"), PROCESS_CREATION);
    buildIndex([logs], idx);
  }, 60_000);

  // Thousands of MergeTree files: removed through the thread pool (rmSync, one unlink at a time,
  // took 4–7 s on a disk mounted with `discard`; this ~3× less).
  afterAll(async () => {
    for (const o of opened) o.close();
    await rm(dir, { recursive: true, force: true });
  }, 60_000);

  function open(): OpenedIndex {
    const o = openIndex(idx);
    opened.push(o);
    return o;
  }

  async function withDb<T>(f: (b: SqlBackend) => Promise<T>): Promise<T> {
    const b = await openChdbDir(db);
    try {
      return await f(b);
    } finally {
      await b.close();
    }
  }

  async function sameRows(b: SqlBackend, store: EventStore): Promise<void> {
    for (const spl of SEARCHES) {
      const memory = runSearch(spl, store, { now: NOW });
      const pushed = await runSearchOnBackend(spl, store, b, { now: NOW });
      expect(pushed.diagnostics, spl).toEqual([]);
      expect(pushed.pushdown.pushed, spl).not.toBeNull();
      expect(pushed.table?.rows(), spl).toEqual(memory.table?.rows());
      expect(memory.table?.length, spl).toBeGreaterThan(0);
    }
  }

  it("an opened index has an identity every process computes alike; a memory store has one of its own", () => {
    const a = storeIdentity(open().store);
    const b = storeIdentity(open().store);
    expect(a).toEqual(b);
    expect(a.stable).toBe(true);
    const mem = new EventStore();
    mem.append({ time: 1, fields: { host: "h" } });
    expect(storeIdentity(mem).stable).toBe(false);
    expect(storeIdentity(mem).id).not.toBe(a.id);
  });

  it("loads every table once, then a new connection over the same index runs searches without loading", async () => {
    const first = open().store;
    const summary = await withDb((b) => loadStore(b, first));
    const tables = summary.tables.map((t) => t.table);
    expect(tables).toContain("events");
    expect(tables).toContain("ev__5f_raw");
    expect(tables).toContain("dm_Endpoint_Processes");
    expect(summary.tables.every((t) => t.rows !== null)).toBe(true);
    expect(summary.inserts).toBeGreaterThan(0);
    expect(tables.length).toBe(storeNeeds(first).length);

    // On a new connection (a new process would open it the same way), loading again is a no-op;
    // so are searches over a new opening of the index (one connection for both: each open of a
    // folder of ~90 MergeTree tables costs a few hundred ms).
    await withDb(async (b) => {
      const again = await loadStore(b, open().store);
      expect(again.inserts).toBe(0);
      expect(again.tables.every((t) => t.rows === null)).toBe(true);
      const store = open().store;
      await sameRows(b, store);
      expect(b.loads).toEqual({ inserts: 0, rows: 0 });
      // The loaded rows are the store's.
      const events = await b.query("SELECT _row, _time FROM events ORDER BY _row");
      expect(events.map((r) => r._time)).toEqual([...store.timeArray()]);
      const ds = findDataset("Endpoint.Processes");
      const members = await b.query("SELECT _row FROM dm_Endpoint_Processes ORDER BY _row");
      expect(members.map((r) => r._row)).toEqual([...memberRows(store, ds!)]);
      // Every field of the dataset is there, not only those the searches read.
      const cols = await b.query("SELECT name FROM system.columns WHERE database = currentDatabase() AND table = 'dm_Endpoint_Processes'");
      expect(cols.map((c) => c.name)).toEqual(expect.arrayContaining(["v_process_5f_hash", "u_process_5f_current_5f_directory", "p_dest"]));
    });
  }, 180_000);

  it("on a database nobody loaded, searches load what they read, widen a table for new fields, and the next connection reuses both", async () => {
    const lazy = join(dir, "lazy-db");
    const store = open().store;
    const narrow = SEARCHES[0] as string;
    const wider = SEARCHES[1] as string;
    const loads: number[] = [];
    for (const spl of [narrow, wider, narrow, wider]) {
      const b = await openChdbDir(lazy);
      try {
        const r = await runSearchOnBackend(spl, store, b, { now: NOW });
        expect(r.table?.rows(), spl).toEqual(runSearch(spl, store, { now: NOW }).table?.rows());
        loads.push(b.loads?.rows ?? -1);
      } finally {
        await b.close();
      }
    }
    const members = memberRows(store, findDataset("Endpoint.Processes")!).length;
    // The first loads the dataset's rows with its fields; the second sends only its new fields; then nothing.
    expect(loads).toEqual([members, members, 0, 0]);
  });

  it("a store without a stable identity loads its own tables, and the index's are loaded again after it", async () => {
    const mem = new EventStore();
    mem.append({ time: 5, fields: { host: "only-here", index: "main", sourcetype: "x", EventCode: "1", Image: "a.exe", _raw: "x" } });
    await withDb(async (b) => {
      const r = await runSearchOnBackend("index=* EventCode=1 | stats count by host", mem, b, { now: NOW });
      expect(r.table?.rows()).toEqual([{ host: "only-here", count: 1 }]);
      expect(b.loads?.inserts).toBeGreaterThan(0);
      const before = b.loads!.inserts;
      await sameRows(b, open().store);
      expect(b.loads!.inserts).toBeGreaterThan(before);
    });
  });

  it("a changed index is refused by searches until it is loaded again; then its rows are the new ones", async () => {
    // A new file of another sourcetype, with fields the first index lacks.
    writeSampleEvents("samples/data/security.xml", join(logs, "security.xml"), PROCESS_CREATION, 1);
    buildIndex([logs], idx);
    const store = open().store;
    await withDb(async (b) => {
      const r = await runSearchOnBackend(SEARCHES[0] as string, store, b, { now: NOW });
      expect(r.table).toBeNull();
      expect(r.diagnostics.map((d) => d.message).join("\n")).toContain(`${b.name}: ${OTHER_INDEX}`);
      expect(b.loads?.inserts).toBe(0);
    });
    const reload = await withDb((b) => loadStore(b, store));
    expect(reload.tables.every((t) => t.rows !== null)).toBe(true);
    await withDb(async (b) => {
      await sameRows(b, store);
      expect(b.loads?.inserts).toBe(0);
      const n = await b.query("SELECT count() AS n FROM events");
      expect(Number(n[0]?.n)).toBe(store.length);
      // The catalog: the newest row of each table names this index.
      const current = await b.query(`SELECT table, store FROM ${CATALOG_TABLE} ORDER BY seq DESC LIMIT 1 BY table`);
      const id = storeIdentity(store).id;
      expect(current.find((r) => r.table === "events")?.store).toBe(id);
      expect(current.find((r) => r.table === CATALOG_TABLE)?.store).toBe(id);
      // Field tables of the old index that the new one lacks are gone.
      const stale = current.filter((r) => String(r.table).startsWith("ev_") && r.store !== id);
      expect(stale).toEqual([]);
    });
  });
});
