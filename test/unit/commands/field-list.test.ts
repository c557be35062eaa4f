/** Field lists (table, fields, addtotals…): commas split names, except inside a call-shaped name. */
import { describe, expect, it } from "vitest";
import { EventStore, runSearch } from "../../../src/index.js";

const rows = (q: string) => {
  const r = runSearch(q, new EventStore(), { now: 1_700_000_000 });
  expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return r.table?.rows();
};

describe("field lists", () => {
  it("keep a comma inside parentheses as part of the name", () => {
    expect(rows('| makeresults | eval "f(a,b)"=1, c=2, d=3 | table f(a,b), c')).toEqual([{ "f(a,b)": 1, c: 2 }]);
    expect(rows('| makeresults | eval "f(a,b)"=1, c=2, d=3 | fields - f(a,b),d | fields - _time')).toEqual([{ c: 2 }]);
  });
  it("split other commas", () => {
    expect(rows("| makeresults | eval a=1, b=2, c=3 | table a,b")).toEqual([{ a: 1, b: 2 }]);
  });
});
