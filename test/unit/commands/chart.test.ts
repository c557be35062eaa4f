/** chart and fieldsummary: shapes and diagnostics the golden cases do not pin. */
import { describe, expect, it } from "vitest";
import { EventStore, runSearch } from "../../../src/index.js";

const run = (q: string) => runSearch(q, new EventStore(), { now: 1_700_000_000, tz: "UTC" });
const rows = (q: string) => {
  const r = run(q);
  expect(r.diagnostics.filter((d) => d.severity === "error").map((d) => d.message)).toEqual([]);
  return r.table?.rows() ?? [];
};
const firstError = (q: string) => run(q).diagnostics.find((d) => d.severity === "error");
const SRC = '| makeresults count=4 | streamstats count AS n | eval host=if(n<3, "a", "b"), size=n*10';

describe("chart", () => {
  it("gives one row without a split field", () => {
    expect(rows(`${SRC} | chart count avg(size)`)).toEqual([{ count: 4, "avg(size)": 25 }]);
  });

  it("bins the column-split field with the options written after it", () => {
    expect(rows(`${SRC} | chart count over host by size span=20`)).toEqual([
      { host: "a", "0-20": 1, "20-40": 1 },
      { host: "b", "0-20": 0, "20-40": 1, "40-60": 1 },
    ].map((r) => ({ "40-60": 0, ...r })));
  });

  it("bins _time as the row split without options", () => {
    const out = rows("| makeresults count=2 | streamstats count AS n | eval _time=1700000000 + n*3600 | chart count by _time span=1h");
    expect(out).toEqual([{ _time: 1700002800, count: 1 }, { _time: 1700006400, count: 1 }]);
  });

  it("keeps values a numeric bin cannot place, after the bins, and fills nothing then", () => {
    expect(rows('| makeresults count=3 | streamstats count AS n | eval size=case(n=1, 5, n=2, 25, n=3, "big") | chart count by size span=10')).toEqual([
      { size: "0-10", count: 1 }, { size: "20-30", count: 1 }, { size: "big", count: 1 },
    ]);
  });

  it("leaves out results without a row-split value", () => {
    expect(rows(`${SRC} | eval host=if(n=1, null(), host) | chart count by host`)).toEqual([{ host: "a", count: 1 }, { host: "b", count: 2 }]);
  });

  it("reports a where-clause, extra fields and bad option values with their place", () => {
    expect(firstError(`${SRC} | chart count over host where count in top5`)?.message).toContain("where-clause");
    expect(firstError(`${SRC} | chart count over host size`)?.message).toContain("OVER takes one row-split field");
    expect(firstError(`${SRC} | chart count by host size n`)?.message).toContain("no more");
    expect(firstError(`${SRC} | chart agg=foo limit=1 count by host size`)?.message).toContain("agg=");
    expect(firstError(`${SRC} | chart limit=many count by host size`)?.message).toContain("limit");
    expect(firstError(`${SRC} | chart count by size span=3log2`)?.message).toContain("log span");
    expect(firstError(`${SRC} | chart count bins=3`)?.message).toContain("split field");
  });

  it("keeps the written name of an unrenamed eval expression", () => {
    expect(Object.keys(rows(`${SRC} | chart eval(max(size) - min(size)) by host`)[0] ?? {})).toEqual(["host", "eval((max(size) - min(size)))"]);
  });
});

describe("timechart eval expressions", () => {
  it("accepts a renamed expression without a split-by clause", () => {
    expect(rows("| makeresults | eval _time=0, x=4 | timechart span=1h eval(max(x) * 2) AS double")).toEqual([{ _time: 0, double: 8 }]);
  });
});

describe("fieldsummary", () => {
  it("summarises internal fields only when named", () => {
    expect(rows("| makeresults | eval x=1 | fieldsummary").map((r) => r["field"])).toEqual(["x"]);
    expect(rows("| makeresults | eval x=1 | fieldsummary _time").map((r) => r["field"])).toEqual(["_time"]);
  });

  it("gives no rows for no results", () => {
    expect(rows("| makeresults | where 1=2 | fieldsummary")).toEqual([]);
  });

  it("counts each value of a multivalue field", () => {
    expect(rows('| makeresults | eval t=split("a,a,b", ",") | fieldsummary t')[0]).toMatchObject({ count: 1, distinct_count: 2, values: '[{"value":"a","count":2},{"value":"b","count":1}]' });
  });
});
