/** trendline: large windows keep running sums (linear) and agree with the exact per-window sums. */
import { describe, expect, it } from "vitest";
import { EventStore, runSearch } from "../../../src/index.js";

const run = (q: string) => runSearch(q, new EventStore(), { now: 1_700_000_000 });

describe("trendline", () => {
  it("a window past the exact-sum size gives the same integer averages", () => {
    const q = (p: number) => `| makeresults count=3000 | streamstats count AS n | trendline sma${p}(n) AS s wma${p}(n) AS w | tail 1 | table s w`;
    // n = 1..3000: the last 1001 values average 2500; their weighted mean is (sum k*(1999+k))/(sum k).
    const r = run(q(1001));
    const weighted = Array.from({ length: 1001 }, (_, i) => (i + 1) * (2000 + i)).reduce((a, b) => a + b, 0) / ((1001 * 1002) / 2);
    expect(r.table?.rows()).toEqual([{ s: 2500, w: weighted }]);
  });
  it("skips values that are not numbers", () => {
    const r = run('| makeresults format=csv data="x\\n2\\nn/a\\n4" | trendline sma2(x) AS s');
    expect(r.table?.rows()).toEqual([{ x: "2" }, { x: "n/a" }, { x: "4", s: 3 }]);
  });
  it("a period of 10000 over more results finishes", () => {
    const r = run("| makeresults count=20000 | streamstats count AS n | trendline sma10000(n) AS s wma10000(n) AS w ema10000(n) AS e | stats count(s) AS c");
    expect(r.table?.rows()).toEqual([{ c: 10001 }]);
  });
  it("reports a trend it cannot read, with its position", () => {
    const r = run("| makeresults | trendline x");
    expect(r.diagnostics.map((d) => [d.code, d.span?.start, d.span?.end])).toEqual([["bad-argument", 26, 27]]);
    expect(run("| makeresults | trendline").diagnostics[0]?.code).toBe("bad-argument");
    expect(run("| makeresults | trendline sma20000(x)").diagnostics[0]?.code).toBe("bad-argument");
  });
});
