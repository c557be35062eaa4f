/** makecontinuous's limits: a span that would add more bins than the row budget stops before allocating. */
import { describe, expect, it } from "vitest";
import { EventStore, runSearch } from "../../../src/index.js";

const run = (q: string) => runSearch(q, new EventStore(), { now: 0, tz: "UTC" });

describe("makecontinuous", () => {
  it("a tiny span over a wide range is a budget error, not a hang", () => {
    const r = run('| makeresults format=csv data="x\\n0\\n1000000000000" | makecontinuous x span=0.001');
    expect(r.diagnostics.find((d) => d.severity === "error")?.code).toBe("budget");
  });

  it("day and month spans are refused with a reason at the span", () => {
    const q = "| makeresults | makecontinuous _time span=1d";
    const e = run(q).diagnostics.find((d) => d.severity === "error");
    expect(e?.code).toBe("bad-argument");
    expect(e?.message).toContain("not supported");
    expect(q.slice(e?.span?.start, e?.span?.end)).toBe("1d");
  });

  it("results whose field is not a number follow the binned ones", () => {
    const r = run('| makeresults format=csv data="x\\nabc\\n3\\n0" | makecontinuous x span=1');
    expect(r.table?.rows()).toEqual([{ x: 0 }, { x: 1 }, { x: 2 }, { x: 3 }, { x: "abc" }]);
  });
});
