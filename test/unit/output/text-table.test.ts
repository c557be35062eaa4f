/** The text table, streamed: the same text as before for normal results, a cap on huge cells. */
import { describe, expect, it } from "vitest";
import { Table } from "../../../src/index.js";
import { MAX_CELL_WIDTH } from "../../../src/output/cell-text.js";
import { toTextTable } from "../../../src/output/format.js";
import { writeTextTable } from "../../../src/output/text-table.js";
import { CHUNK_LIMIT_BYTES, recorder } from "./support.js";

const small = Table.fromRows([{ user: "alice", n: 3, tags: ["a", "b"] }, { user: "bob\n  smith", n: 12.5, note: 'say "hi", ok' }, {}]);

describe("writeTextTable", () => {
  // Issue 11: a multivalue cell is stacked, one value per line, as the REPL and Splunk Web show it
  // (joined by " | " it read as more columns).
  it("prints every row, a multivalue cell stacked (unlimited width)", () => {
    const r = recorder();
    writeTextTable(small, Infinity, r.out);
    expect(r.text()).toBe([
      "+-----------+------+------+--------------+",
      "| user      | n    | tags | note         |",
      "+-----------+------+------+--------------+",
      "| alice     | 3    | a    |              |",
      "|           |      | b    |              |",
      '| bob smith | 12.5 |      | say "hi", ok |',
      "|           |      |      |              |",
      "+-----------+------+------+--------------+",
      "",
    ].join("\n"));
  });

  it("fits a width (fitted to 30 columns)", () => {
    expect(toTextTable(small, 30)).toBe([
      "+-------+------+------+---------+",
      "| user  | n    | tags | note    |",
      "+-------+------+------+---------+",
      "| alice | 3    | a    |         |",
      "|       |      | b    |         |",
      '| bob … | 12.5 |      | say "h… |',
      "|       |      |      |         |",
      "+-------+------+------+---------+",
    ].join("\n"));
  });

  it("prints one empty line for a table without fields", () => {
    const r = recorder();
    writeTextTable(Table.fromRows([{}, {}]), Infinity, r.out);
    expect(r.text()).toBe("\n");
    expect(toTextTable(Table.fromRows([{}]))).toBe("");
  });

  it("caps a 1 MB cell at MAX_CELL_WIDTH with an ellipsis and keeps chunks small", () => {
    const big = "x".repeat(1 << 20);
    const r = recorder();
    writeTextTable(Table.fromRows([{ a: big, b: "short" }, { a: "y", b: "z" }]), Infinity, r.out);
    const w = MAX_CELL_WIDTH;
    const rule = `+${"-".repeat(w + 2)}+-------+`;
    expect(r.text()).toBe(`${[
      rule,
      `| ${"a".padEnd(w)} | b     |`,
      rule,
      `| ${"x".repeat(w - 1)}… | short |`,
      `| ${"y".padEnd(w)} | z     |`,
      rule,
    ].join("\n")}\n`);
    expect(r.maxBytes()).toBeLessThanOrEqual(CHUNK_LIMIT_BYTES);
  });

  it("still fits a terminal's width when a cell is huge", () => {
    const lines = toTextTable(Table.fromRows([{ a: "é".repeat(1 << 20), b: "short" }]), 40).split("\n");
    // 43, not 40: the proportional fit gives every column at least 4 (as it always has).
    expect(new Set(lines.map((l) => l.length))).toEqual(new Set([43]));
    expect(lines[3]).toBe(`| ${"é".repeat(31)}… | sho… |`);
  });
});
