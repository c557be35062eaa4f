/** BY-value tuples make distinct groups whatever characters the values hold (grouping.ts joinKey). */
import { describe, expect, it } from "vitest";
import { EventStore, runSearch } from "../../../src/index.js";

describe("stats groups", () => {
  it("keeps (a\\0b, c) and (a, b\\0c) apart, also when a BY field is multivalue", () => {
    const nul = 'urldecode("%00")';
    const q = `| makeresults count=2 | streamstats count AS n
      | eval x=if(n=1, "a".${nul}."b", "a"), y=if(n=1, mvappend("c", "d"), "b".${nul}."c")
      | stats count BY x y | eval x=replace(x, ${nul}, "0"), y=replace(y, ${nul}, "0")`;
    const r = runSearch(q, new EventStore(), { now: 1_700_000_000 });
    expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(r.table?.rows()).toEqual([
      { x: "a", y: "b0c", count: 1 },
      { x: "a0b", y: "c", count: 1 },
      { x: "a0b", y: "d", count: 1 },
    ]);
  });
});
