/** timechart, top and rare: defaults and naming the golden cases do not pin. */
import { describe, expect, it } from "vitest";
import { EventStore, runSearch } from "../../../src/index.js";

const run = (q: string) => runSearch(q, new EventStore(), { now: 1_700_000_000 });
const rows = (q: string) => {
  const r = run(q);
  expect(r.diagnostics.filter((d) => d.severity === "error").map((d) => d.message)).toEqual([]);
  return r.table?.rows() ?? [];
};
const AT = (t: number, extra: string) => `| makeresults | eval _time=${t}, ${extra}`;
const DATA = `${AT(0, 'host="a", x=1')} | append [${AT(30, 'host="b", x=3')}] | append [${AT(3600, 'x=5')}]`;

describe("timechart", () => {
  it("chooses a span giving at most 100 buckets when span= is absent", () => {
    // 3600 s of data: 1 min buckets would give 61, so 1m is chosen.
    expect(rows(`${DATA} | timechart count`).length).toBe(61);
  });

  it("leaves empty buckets without a value for aggregates other than count", () => {
    expect(rows(`${DATA} | timechart span=30m avg(x)`)).toEqual([{ _time: 0, "avg(x)": 2 }, { _time: 1800 }, { _time: 3600, "avg(x)": 5 }]);
  });

  it("names columns <aggregate>: <value> with several aggregates and a split field", () => {
    expect(rows(`${DATA} | where isnotnull(host) | timechart span=1h count max(x) by host`)).toEqual([
      { _time: 0, "count: a": 1, "count: b": 1, "max(x): a": 1, "max(x): b": 3 },
    ]);
  });

  it("puts results without a split value in a NULL series unless usenull=false", () => {
    expect(rows(`${DATA} | timechart span=2h count by host`)).toEqual([{ _time: 0, NULL: 1, a: 1, b: 1 }]);
    expect(rows(`${DATA} | timechart span=2h usenull=f count by host`)).toEqual([{ _time: 0, a: 1, b: 1 }]);
  });

  it("cont=false keeps only buckets with results", () => {
    expect(rows(`${DATA} | timechart span=30m cont=false count`)).toEqual([{ _time: 0, count: 2 }, { _time: 3600, count: 1 }]);
  });

  it("puts the NULL series after the values and before OTHER", () => {
    const r = run(`${DATA} | eval host=if(x=3, "c", host) | timechart span=2h limit=2 count by host`);
    expect(r.table?.fields).toEqual(["_time", "a", "NULL", "OTHER"]);
  });

  it("scales per_* rates by the span; chart does not take them", () => {
    expect(rows(`${DATA} | timechart span=2h per_hour(x)`)).toEqual([{ _time: 0, "per_hour(x)": 4.5 }]);
    expect(run("| makeresults | eval x=1 | chart per_hour(x)").diagnostics.find((d) => d.severity === "error")?.code).toBe("unsupported-function");
  });

  it("needs an aggregate", () => {
    expect(run("| makeresults | timechart span=1h").diagnostics.find((d) => d.severity === "error")?.message).toContain("needs an aggregate");
  });
});

describe("top and rare", () => {
  it("counts each value of a multivalue field", () => {
    expect(rows('| makeresults | eval t=split("x,y", ",") | append [| makeresults | eval t="x"] | top t')).toEqual([
      { t: "x", count: 2, percent: "100.000000" },
      { t: "y", count: 1, percent: "50.000000" },
    ]);
  });

  it("counts combinations of several fields and skips results missing one", () => {
    expect(rows('| makeresults | eval a="1", b="2" | append [| makeresults | eval a="1"] | top a b')).toEqual([{ a: "1", b: "2", count: 1, percent: "100.000000" }]);
  });

  it("keeps first-seen order among equal counts", () => {
    expect(rows('| makeresults | eval u="z" | append [| makeresults | eval u="m"] | rare u | table u')).toEqual([{ u: "z" }, { u: "m" }]);
  });

  it("needs a field", () => {
    expect(run("| makeresults | top limit=3").diagnostics.find((d) => d.severity === "error")?.message).toContain("needs at least one field");
  });
});
