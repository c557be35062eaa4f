/** The REPL's table: fitted to the width, ellipsis, multivalue cells one value per line. */
import { describe, expect, it } from "vitest";
import { EventStore, MAX_CELL_WIDTH, runSearch, Table } from "../../../src/index.js";
import { fitWidths, footer, renderResult, renderTable, REPL_MAX_EVENTS, shownRows, writeTable } from "../../../src/repl/table-render.js";

describe("renderTable", () => {
  it("stacks multivalue values inside the cell", () => {
    const t = Table.fromRows([{ a: ["x", "yy"], b: "1" }]);
    expect(renderTable(t, { width: Infinity, color: false })).toBe(
      ["+----+---+", "| a  | b |", "+----+---+", "| x  | 1 |", "| yy |   |", "+----+---+"].join("\n"),
    );
  });

  it("never exceeds the width and cuts long cells with an ellipsis", () => {
    const t = Table.fromRows([{ short: "ok", long: "x".repeat(200) }]);
    const text = renderTable(t, { width: 40, color: false });
    for (const line of text.split("\n")) expect(line.length).toBeLessThanOrEqual(40);
    expect(text).toContain("x…");
    expect(text).toContain("| ok    |");
  });

  it("colors the header only when asked", () => {
    const t = Table.fromRows([{ a: 1 }]);
    expect(renderTable(t, { width: 80, color: true })).toContain("\u001b[1m");
    expect(renderTable(t, { width: 80, color: false })).not.toContain("\u001b[");
  });

  it("writes row by row in chunks of at most 64 KB, a huge cell cut at MAX_CELL_WIDTH", () => {
    const t = Table.fromRows([{ a: ["x".repeat(1 << 20), "y"], b: "1" }, { a: "z", b: "2" }]);
    const chunks: string[] = [];
    writeTable(t, { width: Infinity, color: false }, (c) => void chunks.push(c));
    for (const c of chunks) expect(Buffer.byteLength(c)).toBeLessThanOrEqual(64 * 1024);
    const w = MAX_CELL_WIDTH;
    const rule = `+${"-".repeat(w + 2)}+---+`;
    expect(chunks.join("")).toBe(`${[
      rule, `| ${"a".padEnd(w)} | b |`, rule,
      `| ${"x".repeat(w - 1)}… | 1 |`, `| ${"y".padEnd(w)} |   |`, `| ${"z".padEnd(w)} | 2 |`,
      rule,
    ].join("\n")}\n`);
  });

  it("shrinks the widest columns first", () => {
    expect(fitWidths([5, 50, 10], 30)).toEqual([5, 15, 10]);
    expect(fitWidths([5, 5], 100)).toEqual([5, 5]);
  });

  it("footer", () => {
    expect(footer(1, null)).toBe("1 result");
    expect(footer(3, 1234)).toBe("3 results (1.234 s)");
  });
});

describe("renderResult (issue 11)", () => {
  const store = new EventStore();
  for (let i = 0; i < 120; i++) store.append({ time: 1554315119 + i, fields: { _raw: `event ${i}`, host: "h", index: "main" } });
  store.compact();
  const run = (spl: string, limit?: number) => {
    const r = runSearch(spl, store, { name: "t", ...(limit !== undefined ? { eventsLimit: limit } : {}) });
    if (!r.table) throw new Error("search failed");
    return { table: r.table, commands: r.commands };
  };

  it("shows _time as Splunk Web does, in the session's zone", () => {
    const { table, commands } = run("index=* | head 1 | table _time host");
    expect(renderResult(table, commands, { format: "table", width: Infinity, color: false, tz: "Asia/Tokyo" })).toContain("| 2019-04-04 03:13:58.000 | h    |");
  });

  it("shows a search that ends in events as the events view, at most REPL_MAX_EVENTS", () => {
    const { table, commands } = run("index=*", REPL_MAX_EVENTS + 1);
    const text = renderResult(table, commands, { format: "table", width: 80, color: false, cut: true });
    expect(text.match(/^2019-04-03 \d\d:\d\d:\d\d\.000  host=h$/gm)).toHaveLength(REPL_MAX_EVENTS);
    expect(text).toContain(`${REPL_MAX_EVENTS} events shown; more events follow`);
    expect(shownRows(table, commands, "table")).toBe(REPL_MAX_EVENTS);
    expect(shownRows(table, commands, "json")).toBe(REPL_MAX_EVENTS + 1);
  });

  it("keeps JSON rows with _time as ISO", () => {
    const { table, commands } = run("index=* | head 1");
    expect(JSON.parse(renderResult(table, commands, { format: "json", width: 80, color: false }))[0]._time).toBe("2019-04-03T18:13:58.000+00:00");
  });
});
