/** streamstats window options and eventstats edge cases. */
import { describe, expect, it } from "vitest";
import { EventStore, runSearch } from "../../../src/index.js";

const run = (q: string) => runSearch(q, new EventStore(), { now: 1_700_000_000 });
const SEQ = '| makeresults count=5 | streamstats count AS n | eval g=if(n%2=1, "odd", "even")';

describe("streamstats", () => {
  it("global=false gives each group its own window", () => {
    const r = run(`${SEQ} | streamstats window=2 global=f sum(n) AS s by g | table n s`);
    expect(r.table?.rows()).toEqual([{ n: 1, s: 1 }, { n: 2, s: 2 }, { n: 3, s: 4 }, { n: 4, s: 6 }, { n: 5, s: 8 }]);
  });
  it("global=true (default) takes the group's results among the last N overall", () => {
    const r = run(`${SEQ} | streamstats window=2 sum(n) AS s by g | table n s`);
    expect(r.table?.rows()).toEqual([{ n: 1, s: 1 }, { n: 2, s: 2 }, { n: 3, s: 3 }, { n: 4, s: 4 }, { n: 5, s: 5 }]);
  });
  it("time_window keeps results less than the span away", () => {
    const r = run(`${SEQ} | eval _time=n*60 | streamstats time_window=2m count AS c | table n c`);
    expect(r.table?.rows()).toEqual([{ n: 1, c: 1 }, { n: 2, c: 2 }, { n: 3, c: 2 }, { n: 4, c: 2 }, { n: 5, c: 2 }]);
  });
  it("skips results without the BY field", () => {
    const r = run('| makeresults count=3 | streamstats count AS n | eval g=if(n=2, null(), "a") | streamstats count AS c by g | table n c');
    expect(r.table?.rows()).toEqual([{ n: 1, c: 1 }, { n: 2 }, { n: 3, c: 2 }]);
  });
  it("supports count(eval()) and dc", () => {
    const r = run(`${SEQ} | streamstats count(eval(n>2)) AS big dc(g) AS kinds | table big kinds`);
    expect(r.table?.rows()).toEqual([{ big: 0, kinds: 1 }, { big: 0, kinds: 2 }, { big: 1, kinds: 2 }, { big: 2, kinds: 2 }, { big: 3, kinds: 2 }]);
  });
  it("names an eval() aggregate without AS by its text as written", () => {
    const r = run(`${SEQ} | stats count(eval(n>2)) sum(eval(n * 2))`);
    expect(r.table?.rows()).toEqual([{ "count(eval(n>2))": 3, "sum(eval(n * 2))": 30 }]);
  });
  it("reports unsupported and bad options", () => {
    expect("| makeresults | streamstats reset_after=5 count").toLog("bad-argument");
    expect("| makeresults | streamstats window=-1 count").toLog("bad-argument");
    expect("| makeresults | streamstats time_window=abc count").toLog("bad-argument");
    expect("| makeresults | streamstats current=f").toLog("bad-argument");
    expect("| makeresults | streamstats nosuch(x)").toLog("unknown-aggregate");
  });
});

describe("eventstats", () => {
  it("adds nothing when there are no results", () => {
    const r = run("| makeresults | where 1=2 | eventstats count");
    expect(r.table?.rows()).toEqual([]);
  });
  it("needs an aggregate", () => {
    expect("| makeresults | eventstats by host").toLog("bad-argument");
  });
});
