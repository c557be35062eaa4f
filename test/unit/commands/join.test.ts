/**
 * join, append, appendpipe, appendcols: behaviour the golden cases do not pin (usetime, the
 * implicit field list, argument diagnostics, the bracket-command check).
 */
import { describe, expect, it } from "vitest";
import { EventStore, runSearch } from "../../../src/index.js";
import { joinTables } from "../../../src/commands/join.js";
import { Table } from "../../../src/table/table.js";

const run = (q: string) => runSearch(q, new EventStore(), { now: 1_700_000_000 });
const rows = (q: string) => {
  const r = run(q);
  expect(r.diagnostics.filter((d) => d.severity === "error").map((d) => d.message)).toEqual([]);
  return r.table?.rows() ?? [];
};
const firstError = (q: string) => run(q).diagnostics.find((d) => d.severity === "error");

const spec = { type: "inner" as const, max: 1, fields: [] as string[], overwrite: true, usetime: false, earlier: true };

describe("joinTables", () => {
  it("joins on every shared field when no field list is given", () => {
    const main = Table.fromRows([{ a: "1", b: "x" }, { a: "1", b: "y" }]);
    const sub = Table.fromRows([{ a: "1", b: "y", c: "hit" }]);
    expect(joinTables(main, sub, spec).rows()).toEqual([{ a: "1", b: "y", c: "hit" }]);
  });

  it("never matches a result that lacks a join field", () => {
    const main = Table.fromRows([{ a: null, n: 1 }, { a: "1", n: 2 }]);
    const sub = Table.fromRows([{ a: "1", c: "hit" }]);
    expect(joinTables(main, sub, { ...spec, fields: ["a"], type: "left" }).rows()).toEqual([{ n: 1 }, { a: "1", n: 2, c: "hit" }]);
  });

  it("with usetime joins only subsearch results earlier (or later) than the main result", () => {
    const main = Table.fromRows([{ k: "1", _time: 100 }]);
    const sub = Table.fromRows([{ k: "1", _time: 150, v: "later" }, { k: "1", _time: 50, v: "earlier" }]);
    const s = { ...spec, fields: ["k"], overwrite: false, usetime: true };
    expect(joinTables(main, sub, s).rows()).toEqual([{ k: "1", _time: 100, v: "earlier" }]);
    expect(joinTables(main, sub, { ...s, earlier: false }).rows()).toEqual([{ k: "1", _time: 100, v: "later" }]);
  });

  it("compares values as exact text", () => {
    const main = Table.fromRows([{ u: "Bob" }]);
    const sub = Table.fromRows([{ u: "bob", x: 1 }]);
    expect(joinTables(main, sub, { ...spec, fields: ["u"] }).length).toBe(0);
  });
});

describe("argument checks", () => {
  it("reports a bad join type at its value", () => {
    const q = '| makeresults | join type=sideways x [| makeresults]';
    const d = firstError(q);
    expect(d?.message).toContain("type must be inner, outer or left");
    expect(q.slice(d?.span?.start, d?.span?.end)).toBe("sideways");
  });

  it("reports the SPL2 left=/right= form", () => {
    expect(firstError('| makeresults | join left=L right=R x [| makeresults]')?.message).toContain("left=/right=");
  });

  it("reads a bracket that starts with a command name as that command (appendpipe [stats …])", () => {
    expect(firstError("| makeresults | append [stats count]")).toBeUndefined();
  });

  it("reports errors inside the subsearch", () => {
    expect(firstError("| makeresults | append [| makeresults | eval x=nosuchfn(1)]")?.code).toBe("unknown-function");
  });
});

describe("append family", () => {
  it("appendpipe gives the subpipeline the current results, not the store", () => {
    expect(rows("| makeresults count=2 | appendpipe [| stats count as n]")).toEqual([{ _time: 1_700_000_000 }, { _time: 1_700_000_000 }, { n: 2 }]);
  });

  it("appendcols adds subsearch results beyond the main ones as new results", () => {
    expect(rows('| makeresults | eval a=1 | appendcols [| makeresults | eval b=1 | append [| makeresults | eval b=2]] | table a b')).toEqual([{ a: 1, b: 1 }, { b: 2 }]);
  });
});
