// rowsToTable: ClickHouse JSON rows → a Table in the in-memory grouper's order (compareAtoms per
// BY value, ties in first-met order), with values() sorted by UTF-16 code unit.
import { describe, expect, it } from "vitest";
import { rowsToTable } from "../../../../src/storage/clickhouse/rows-to-table.js";
import type { SqlColumn } from "../../../../src/sql/types.js";

const COLS: SqlColumn[] = [
  { name: "k", key: "k0", kind: "string", sort: 0 },
  { name: "count", key: "a0", kind: "number" },
  { name: "v", key: "a1", kind: "set" },
  { name: "t", key: "a2", kind: "number" },
  { name: "t_first", key: "t_first", kind: "tuple", hidden: true, sort: 1 },
];

describe("rowsToTable", () => {
  it("orders by compareAtoms, then by first meeting; decodes numbers and sets", () => {
    const rows = [
      { k0: "b", a0: "3", a1: ["\uffff", "😀", "a"], a2: "inf", t_first: [4, 1] },
      { k0: "10", a0: 1, a1: [], a2: "-0", t_first: [7, 1] },
      { k0: "010", a0: 2, a1: ["x"], a2: null, t_first: [2, 1] },
      { k0: "9", a0: 1, a1: ["b", "a"], a2: "1.5", t_first: [9, 1] },
    ];
    const t = rowsToTable(rows, COLS);
    expect(t.fields).toEqual(["k", "count", "v", "t"]);
    expect(t.get("t", 1)).toBeNull(); // rows() leaves nulls out
    expect(t.rows()).toEqual([
      { k: "9", count: 1, v: ["a", "b"], t: 1.5 },
      { k: "010", count: 2, v: "x" },
      { k: "10", count: 1, t: -0 },
      // A values() set in compareLexical's order, UTF-8 bytes: U+FFFF before U+1F600.
      { k: "b", count: 3, v: ["a", "\uffff", "😀"], t: Infinity },
    ]);
  });

  it("rejects a value of the wrong shape instead of guessing", () => {
    expect(() => rowsToTable([{ k0: "a", a0: "x", a1: [], a2: null, t_first: [0] }], COLS)).toThrow(/not a number/);
  });
});
