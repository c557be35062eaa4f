/** Edge cases of the series commands: delta, accum, autoregress, strcat, rangemap, filldown, addcoltotals. */
import { describe, expect, it } from "vitest";
import { EventStore, runSearch } from "../../../src/index.js";

const run = (q: string) => runSearch(q, new EventStore(), { now: 1_700_000_000 });
const rows = (q: string) => {
  const r = run(q);
  expect(r.diagnostics.filter((d) => d.severity === "error"), q).toEqual([]);
  return r.table?.rows();
};
const firstError = (q: string) => run(q).diagnostics.find((d) => d.severity === "error");

describe("delta", () => {
  it("p larger than the results gives no delta", () => {
    expect(rows('| makeresults count=2 | streamstats count AS n | delta n p=5 | table n "delta(n)"')).toEqual([{ n: 1 }, { n: 2 }]);
  });
  it("AS the field itself keeps the rows without a delta", () => {
    expect(rows('| makeresults format=csv data="n\\n1\\n4" | delta n AS n')).toEqual([{ n: "1" }, { n: 3 }]);
  });
  it("rejects p=0, a second field and a BY clause", () => {
    expect(firstError("| makeresults | delta n p=0")?.code).toBe("bad-argument");
    expect(firstError("| makeresults | delta n m")?.code).toBe("bad-argument");
    expect(firstError("| makeresults | delta n by x")?.code).toBe("bad-argument");
  });
});

describe("accum and autoregress", () => {
  it("accum of a missing field adds no field values", () => {
    expect(rows("| makeresults count=2 | accum nothing AS total | fields - _time")).toEqual([{}, {}]);
  });
  it("autoregress copies multivalue and text values as they are", () => {
    expect(rows('| makeresults count=2 | streamstats count AS n | eval v=if(n=1, split("a,b", ","), "c") | autoregress v | table v_p1')).toEqual([{}, { v_p1: ["a", "b"] }]);
  });
  it("rejects p ranges that do not ascend or start at 0", () => {
    expect(firstError("| makeresults | autoregress x p=3-1")?.code).toBe("bad-argument");
    expect(firstError("| makeresults | autoregress x p=0")?.code).toBe("bad-argument");
    expect(firstError("| makeresults | autoregress x p=a")?.code).toBe("bad-argument");
  });
});

describe("strcat, rangemap, filldown, addcoltotals", () => {
  it("strcat writes numbers as Splunk prints them", () => {
    // eval keeps 1.50's written precision ("5.0" on the sum() page, 1.650 in the eval page's rounding table).
    expect(rows('| makeresults | eval a=1.50, b=2 | strcat a "x" b out | table out')).toEqual([{ out: "1.50x2" }]);
  });
  it("strcat needs a destination that is a field", () => {
    expect(firstError('| makeresults | strcat a "x"')?.code).toBe("bad-argument");
    expect(firstError("| makeresults | strcat a")?.code).toBe("bad-argument");
  });
  it("rangemap gives a value in overlapping ranges every name, in the order written", () => {
    expect(rows("| makeresults | eval x=5 | rangemap field=x low=0-5 mid=5-10 | table range")).toEqual([{ range: ["low", "mid"] }]);
  });
  it("rangemap gives a missing or text value the default", () => {
    expect(rows('| makeresults | eval y="high" | rangemap field=x low=0-5 | rangemap field=y low=0-5 default=none | table range')).toEqual([{ range: "none" }]);
  });
  it("filldown of a field no result has adds nothing", () => {
    expect(rows("| makeresults count=2 | filldown nothing | fields - _time")).toEqual([{}, {}]);
  });
  it("addcoltotals leaves _time out unless listed", () => {
    expect(rows("| makeresults | eval a=2 | addcoltotals")).toEqual([{ _time: 1_700_000_000, a: 2 }, { a: 2 }]);
    expect(rows("| makeresults | eval a=2 | addcoltotals _time")).toEqual([{ _time: 1_700_000_000, a: 2 }, { _time: 1_700_000_000 }]);
  });
});

describe("autoregress budget", () => {
  it("refuses to copy more values than the row budget before making any", () => {
    const r = runSearch("| makeresults count=10000 | streamstats count AS n | autoregress n p=1-10000", new EventStore(), { now: 1, budget: { maxRows: 1_000_000 } });
    expect(r.diagnostics.find((d) => d.severity === "error")?.code).toBe("budget");
  });
});
