/** bin/bucket span parsing and binning rules beyond the golden cases. */
import { describe, expect, it } from "vitest";
import { EventStore, runSearch } from "../../../src/index.js";
import { parseBinSpan } from "../../../src/commands/bin.js";

const run = (q: string, tz = "UTC") => runSearch(q, new EventStore(), { now: 1_700_000_000, tz });

describe("parseBinSpan", () => {
  it("reads time units, calendar units and plain numbers", () => {
    expect(parseBinSpan("30s")).toEqual({ kind: "seconds", seconds: 30 });
    expect(parseBinSpan("2m")).toEqual({ kind: "seconds", seconds: 120 });
    expect(parseBinSpan("4h")).toEqual({ kind: "seconds", seconds: 14400 });
    expect(parseBinSpan("500ms")).toEqual({ kind: "seconds", seconds: 0.5 });
    expect(parseBinSpan("1w")).toEqual({ kind: "days", days: 7 });
    expect(parseBinSpan("mon")).toEqual({ kind: "months", months: 1 });
    expect(parseBinSpan("1q")).toEqual({ kind: "months", months: 3 });
    expect(parseBinSpan("2.5")).toEqual({ kind: "number", size: 2.5 });
  });
  it("rejects log spans, zero and unknown units", () => {
    for (const t of ["log10", "2log10", "0m", "5x", "", "1.5mon"]) expect(parseBinSpan(t), t).toBeNull();
  });
});

describe("bin", () => {
  it("bins a plain number span on _time as seconds and leaves non-numeric values", () => {
    const r = run('| makeresults | eval _time=1700000123, t="n/a" | bin span=60 _time | bin span=10 t | table _time t');
    expect(r.table?.rows()).toEqual([{ _time: 1700000100, t: "n/a" }]);
  });
  it("aligns seconds spans to aligntime", () => {
    const r = run("| makeresults | eval _time=1700000123 | bin span=1h aligntime=1800 _time | table _time");
    expect(r.table?.rows()).toEqual([{ _time: 1699997400 }]);
  });
  it("picks a power-of-ten span from bins= and start/end", () => {
    const r = run("| makeresults count=3 | streamstats count AS n | eval v=n*40 | bin bins=2 start=0 end=200 v | table v");
    expect(r.table?.rows()).toEqual([{ v: "0-100" }, { v: "0-100" }, { v: "100-200" }]);
  });
  it("bins a time-unit span on any field as time (ESCU: eval gtime=_time | bin span=1h gtime)", () => {
    const r = run("| makeresults | eval gtime=1700000123 | bin span=1h gtime | table gtime");
    expect(r.table?.rows()).toEqual([{ gtime: 1699999200 }]);
  });
  it("bins months in the search's time zone", () => {
    const r = run("| makeresults | eval _time=1698796800 | bin span=1mon _time | table _time", "America/New_York");
    // 2023-11-01 00:00 UTC is still October in New York.
    expect(r.table?.rows()).toEqual([{ _time: 1696132800 }]);
  });
  it("reports a missing field and extra fields", () => {
    expect("| makeresults | bin span=5m").toLog("bad-argument");
    expect("| makeresults | bin span=5m a b").toLog("bad-argument");
    expect("| makeresults | bin bins=x a").toLog("bad-argument");
  });
});
