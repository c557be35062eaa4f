/**
 * fieldformat: the format travels with the results and applies only when they are shown
 * (Table.rendered in runSearch); the printers show it, exports and later commands see the value.
 */
import { describe, expect, it } from "vitest";
import { EventStore, LookupStore, runSearch, toCsv } from "../../../src/index.js";

const run = (q: string) => runSearch(q, new EventStore(), { now: 1_700_000_000 });

describe("fieldformat", () => {
  it("is shown by the CSV printer, as the results render", () => {
    const r = run('| makeresults | eval n=1234567 | fieldformat n=tostring(n, "commas") | table n');
    expect(toCsv(r.table!)).toBe('n\n"1,234,567"\n');
  });
  it("leaves outputlookup the underlying value", () => {
    const lookups = new LookupStore();
    const q = '| makeresults | eval n=1234567 | fieldformat n=tostring(n, "commas") | table n | outputlookup nums.csv';
    const shown = runSearch(q, new EventStore(), { now: 1, lookups });
    expect(shown.table?.rows()).toEqual([{ n: "1,234,567" }]);
    const back = runSearch("| inputlookup nums.csv", new EventStore(), { now: 1, lookups });
    expect(back.table?.rows()).toEqual([{ n: "1234567" }]);
  });
  it("travels through the commands that keep the results (where, sort, dedup, head, fields, table)", () => {
    const r = run('| makeresults count=3 | streamstats count AS n | eval n=n*1000 | fieldformat n=tostring(n, "commas") | where n>1000 | sort - n | dedup n | head 5 | fields n | table n');
    expect(r.table?.rows()).toEqual([{ n: "3,000" }, { n: "2,000" }]);
  });
  it("is not kept by stats, which makes new results", () => {
    const r = run('| makeresults | eval n=1000 | fieldformat n=tostring(n, "commas") | stats max(n) AS n');
    expect(r.table?.rows()).toEqual([{ n: 1000 }]);
  });
  it("a later fieldformat of the same field replaces the earlier one", () => {
    const r = run('| makeresults | eval n=5 | fieldformat n="a" . n | fieldformat n="b" . n | table n');
    expect(r.table?.rows()).toEqual([{ n: "b5" }]);
  });
  it("may name a new field, which appears only in the results as shown", () => {
    const r = run('| makeresults | eval n=5 | table n | fieldformat m="x" . n | eval seen=if(isnull(m), "no", "yes")');
    expect(r.table?.rows()).toEqual([{ n: 5, seen: "no", m: "x5" }]);
  });
  it("takes one <field>=<expression>", () => {
    expect(run("| makeresults | fieldformat").diagnostics[0]?.code).toBe("bad-argument");
    expect(run("| makeresults | fieldformat a=1, b=2").diagnostics[0]?.code).toBe("bad-argument");
    expect(run("| makeresults | fieldformat a=1>2").diagnostics[0]?.code).toBe("bad-argument");
  });
});
