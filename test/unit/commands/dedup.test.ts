/** dedup: combinations of options the golden cases (test/cases/dedup) leave out. */
import { describe, expect, it } from "vitest";
import { EventStore, runSearch } from "../../../src/index.js";

const rows = (q: string) => {
  const r = runSearch(q, new EventStore(), { now: 1_700_000_000 });
  expect(r.diagnostics.filter((d) => d.severity === "error").map((d) => d.message)).toEqual([]);
  return r.table?.rows() ?? [];
};
const DATA = '| makeresults format=csv data="n,u\n1,a\n2,a\n3,a\n4,b\n5,a"';

describe("dedup", () => {
  it("keeps the first N of each run with consecutive=true", () => {
    expect(rows(`${DATA} | dedup 2 u consecutive=true | table n`)).toEqual([{ n: "1" }, { n: "2" }, { n: "4" }, { n: "5" }]);
  });

  it("strips the fields only after the first N with keepevents=true", () => {
    expect(rows(`${DATA} | dedup 2 u keepevents=true`)).toEqual([{ n: "1", u: "a" }, { n: "2", u: "a" }, { n: "3" }, { n: "4", u: "b" }, { n: "5" }]);
  });

  it("chooses the kept result by sortby before deduplicating", () => {
    expect(rows(`${DATA} | dedup u sortby -n | table n`)).toEqual([{ n: "5" }, { n: "4" }]);
  });

  it("takes a comma-separated field list", () => {
    expect(rows(`${DATA} | eval v=1 | dedup u, v | table n`)).toEqual([{ n: "1" }, { n: "4" }]);
  });

  it("reports sortby without a field", () => {
    const r = runSearch(`${DATA} | dedup u sortby`, new EventStore(), { now: 1_700_000_000 });
    expect(r.diagnostics.find((d) => d.severity === "error")?.message).toContain("sortby needs at least one field");
  });
});
