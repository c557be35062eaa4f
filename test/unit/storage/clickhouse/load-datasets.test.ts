// The dataset loader (no chDB needed: a recording target): the rows and folded side columns it
// writes, batches, reuse per store version, reload with the union of fields.
import { describe, expect, it } from "vitest";
import { EventStore } from "../../../../src/store/event-store.js";
import { DatasetLoader } from "../../../../src/storage/clickhouse/load-datasets.js";
import { BATCH_ROWS, type LoadTarget } from "../../../../src/storage/clickhouse/load-target.js";
import type { TableNeed } from "../../../../src/sql/types.js";
import { MemoryCatalog } from "../../../../src/storage/clickhouse/load-catalog.js";

function recorder(): LoadTarget & { sql: string[]; rows: Record<string, unknown>[]; inserts: number } {
  const t = {
    engine: "Memory",
    catalog: new MemoryCatalog(),
    sql: [] as string[],
    rows: [] as Record<string, unknown>[],
    inserts: 0,
    exec: async (sql: string) => {
      t.sql.push(sql);
    },
    insert: async (_table: string, columns: readonly string[], rows: readonly (readonly unknown[])[]) => {
      t.inserts++;
      for (const r of rows) t.rows.push(Object.fromEntries(columns.map((c, i) => [c, r[i]])));
    },
  };
  return t;
}

const NT = ["network", "communicate"];
const need = (fields: string[]): TableNeed => ({ kind: "dataset", dataset: "Network_Traffic.All_Traffic", table: "dm_Network_Traffic_All_Traffic", fields });

function store(): EventStore {
  const s = new EventStore();
  s.append({ time: 10, fields: { tag: NT, app: ["Über", "x", "\u212a", "::ffff:10.0.0.1"], dest: "h1" } });
  s.append({ time: 11, fields: { tag: ["other"], app: "skip" } });
  s.append({ time: 12.5, fields: { tag: NT } });
  return s;
}

describe("DatasetLoader", () => {
  it("writes member rows in store order with values and the folded forms of non-ASCII ones", async () => {
    const t = recorder();
    await new DatasetLoader(t).prepare(store(), [need(["app", "dest"])]);
    expect(t.sql).toEqual([
      "DROP TABLE IF EXISTS dm_Network_Traffic_All_Traffic",
      "CREATE TABLE dm_Network_Traffic_All_Traffic (_row UInt32, _time Float64, v_app Array(String), l_app Array(String), u_app Array(String), p_app Array(String), v_dest Array(String), l_dest Array(String), u_dest Array(String), p_dest Array(String)) ENGINE = Memory",
    ]);
    expect(t.rows).toEqual([
      { _row: 0, _time: 10, v_app: ["Über", "x", "\u212a", "::ffff:10.0.0.1"], l_app: ["über", "k"], u_app: ["ÜBER", "\u212a"], p_app: ["6:00000000000000000000ffff0a000001"], v_dest: ["h1"], l_dest: [], u_dest: [], p_dest: [] },
      // dest is filled with "unknown" by the CIM model, exactly as in memory.
      { _row: 2, _time: 12.5, v_app: [], l_app: [], u_app: [], p_app: [], v_dest: ["unknown"], l_dest: [], u_dest: [], p_dest: [] },
    ]);
  });

  it("reuses a table for the same store version, adds new fields by a join, reloads after a change", async () => {
    const t = recorder();
    const loader = new DatasetLoader(t);
    const s = store();
    await loader.prepare(s, [need(["app"])]);
    await loader.prepare(s, [need(["app"])]);
    expect(t.inserts).toBe(1);
    t.sql.length = 0;
    await loader.prepare(s, [need(["dest", "app"])]);
    expect(t.inserts).toBe(2);
    expect(t.sql).toEqual([
      "DROP TABLE IF EXISTS dm_Network_Traffic_All_Traffic__add",
      "CREATE TABLE dm_Network_Traffic_All_Traffic__add (_row UInt32, v_dest Array(String), l_dest Array(String), u_dest Array(String), p_dest Array(String)) ENGINE = Memory",
      "DROP TABLE IF EXISTS dm_Network_Traffic_All_Traffic__wide",
      "CREATE TABLE dm_Network_Traffic_All_Traffic__wide ENGINE = Memory AS SELECT * FROM dm_Network_Traffic_All_Traffic INNER JOIN dm_Network_Traffic_All_Traffic__add USING (_row)",
      "DROP TABLE dm_Network_Traffic_All_Traffic",
      "RENAME TABLE dm_Network_Traffic_All_Traffic__wide TO dm_Network_Traffic_All_Traffic",
      "DROP TABLE dm_Network_Traffic_All_Traffic__add",
    ]);
    await loader.prepare(s, [need(["dest"])]);
    expect(t.inserts).toBe(2);
    await loader.prepare(s, [need(["app"])]);
    expect(t.inserts).toBe(2);
    s.append({ time: 13, fields: { tag: NT, app: "new" } });
    await loader.prepare(s, [need(["app"])]);
    expect(t.inserts).toBe(3);
    await loader.prepare(store(), [need(["app"])]);
    expect(t.inserts).toBe(4);
  });

  it("inserts in batches", async () => {
    const t = recorder();
    const s = new EventStore();
    for (let i = 0; i < BATCH_ROWS + 5; i++) s.append({ time: i, fields: { tag: NT, app: `a${i % 3}` } });
    await new DatasetLoader(t).prepare(s, [need(["app"])]);
    expect(t.inserts).toBe(2);
    expect(t.rows.length).toBe(BATCH_ROWS + 5);
  });

  it("refuses an event without a finite time rather than load something the memory engine reads differently", async () => {
    const s = new EventStore();
    s.append({ time: Number.NaN, fields: { tag: NT } });
    await expect(new DatasetLoader(recorder()).prepare(s, [need(["app"])])).rejects.toThrow(/finite _time/);
  });
});
