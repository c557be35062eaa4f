// The catalog of loaded tables over a recording connection (no chDB needed): what it reads back
// from `minispl_loaded`, what it writes, and that a row of another load format is not trusted;
// and the INSERT that leaves out columns empty in every row.
import { describe, expect, it } from "vitest";
import { CATALOG_TABLE, LOAD_FORMAT, TableCatalog, type CatalogConnection } from "../../../../src/storage/clickhouse/load-catalog.js";
import { withoutEmptyColumns } from "../../../../src/storage/clickhouse/load-target.js";
import { VERSION } from "../../../../src/cli/version.js";

function connection(stored: Record<string, unknown>[]): CatalogConnection & { sql: string[]; written: unknown[][] } {
  const c = {
    sql: [] as string[],
    written: [] as unknown[][],
    exec: async (sql: string) => void c.sql.push(sql),
    query: async (sql: string) => (c.sql.push(sql), stored),
    insert: async (table: string, _columns: readonly string[], rows: readonly (readonly unknown[])[]) => {
      expect(table).toBe(CATALOG_TABLE);
      c.written.push(...rows.map((r) => [...r]));
    },
  };
  return c;
}

const FORMAT = `${LOAD_FORMAT}/${VERSION}`;

describe("TableCatalog", () => {
  it("reads the newest row per table once, and trusts only rows of this load format with a store", async () => {
    const conn = connection([
      { table: "events", store: "index:a", format: FORMAT, fields: [], seq: "20" },
      { table: "ev_host", store: "index:a", format: FORMAT, fields: ["host"], seq: "21" },
      { table: "ev_old", store: "index:a", format: "0/0.0.1", fields: ["old"], seq: "22" },
      { table: "ev_gone", store: "", format: FORMAT, fields: [], seq: "23" },
    ]);
    const cat = new TableCatalog(conn);
    expect(await cat.get("events")).toEqual({ store: "index:a", fields: new Set() });
    expect(await cat.get("ev_host")).toEqual({ store: "index:a", fields: new Set(["host"]) });
    expect(await cat.get("ev_old")).toBeUndefined();
    expect(await cat.get("ev_gone")).toBeUndefined();
    expect(conn.sql[0]).toMatch(/^CREATE TABLE IF NOT EXISTS minispl_loaded \(/);
    expect(conn.sql[1]).toContain("ORDER BY seq DESC LIMIT 1 BY table");
    expect(conn.sql).toHaveLength(2);
  });

  it("marks a table empty before it is rewritten, then records the load with a newer seq", async () => {
    // A row written by a process whose clock was ahead: later rows must still be newer.
    const ahead = Date.now() * 1000 + 5_000_000;
    const conn = connection([{ table: "ev_host", store: "index:a", format: FORMAT, fields: ["host"], seq: String(ahead) }]);
    const cat = new TableCatalog(conn);
    await cat.forget("ev_host");
    expect(await cat.get("ev_host")).toBeUndefined();
    await cat.set("ev_host", "index:b", ["host"], 7);
    await cat.forget("ev_never_loaded");
    expect(conn.written.map((r) => r.slice(0, 5))).toEqual([
      ["ev_host", "", FORMAT, [], 0],
      ["ev_host", "index:b", FORMAT, ["host"], 7],
    ]);
    const seqs = conn.written.map((r) => r[5] as number);
    expect(seqs[0]).toBeGreaterThan(ahead);
    expect(seqs[1]).toBeGreaterThan(seqs[0] as number);
    expect(await cat.get("ev_host")).toEqual({ store: "index:b", fields: new Set(["host"]) });
  });

  it("marks many tables empty in one INSERT, each row with its own seq, skipping tables it does not know", async () => {
    const conn = connection([
      { table: "ev_a", store: "index:a", format: FORMAT, fields: ["a"], seq: "1" },
      { table: "ev_b", store: "index:a", format: FORMAT, fields: ["b"], seq: "2" },
    ]);
    let inserts = 0;
    const counted = { ...conn, insert: async (...args: Parameters<typeof conn.insert>) => (inserts++, conn.insert(...args)) };
    const cat = new TableCatalog(counted);
    await cat.forget("ev_a", "ev_never_loaded", "ev_b", "ev_a");
    expect(inserts).toBe(1);
    expect(conn.written.map((r) => r.slice(0, 5))).toEqual([
      ["ev_a", "", FORMAT, [], 0],
      ["ev_b", "", FORMAT, [], 0],
    ]);
    expect(conn.written[1]![5] as number).toBeGreaterThan(conn.written[0]![5] as number);
    expect(await cat.tables()).toEqual(new Map());
    await cat.forget();
    expect(inserts).toBe(1);
  });
});

describe("withoutEmptyColumns", () => {
  it("drops array columns empty in every row, never _row or _time, and keeps the rest in order", () => {
    const r = withoutEmptyColumns(["_row", "_time", "v_a", "l_a", "v_b"], [
      [0, 1.5, ["x"], [], []],
      [1, 2.5, [], [], ["y"]],
    ]);
    expect(r).toEqual({ columns: ["_row", "_time", "v_a", "v_b"], rows: [[0, 1.5, ["x"], []], [1, 2.5, [], ["y"]]] });
    expect(withoutEmptyColumns(["_row", "v"], [[0, []]])).toEqual({ columns: ["_row"], rows: [[0]] });
    const full = withoutEmptyColumns(["_row", "v"], [[0, ["z"]]]);
    expect(full.columns).toEqual(["_row", "v"]);
  });
});
