/**
 * The multi-set commands (union, multisearch, set, selfjoin, gentimes, return, format, cluster)
 * beyond their golden cases: the helpers' edge cases, the `search`/`query` subsearch fields, and
 * bounded work on hostile arguments.
 */
import { describe, expect, it } from "vitest";
import { EventStore, runSearch, savedSearchList, Table } from "../../../src/index.js";
import { signature, similarity, terms } from "../../../src/commands/cluster-similarity.js";
import { formatSearch, quoteValue, DEFAULT_FRAME } from "../../../src/commands/format.js";
import { interleaveByTime } from "../../../src/commands/multi-streaming.js";
import { setOperation } from "../../../src/commands/set.js";

const store = new EventStore();
const run = (q: string, extra: Parameters<typeof runSearch>[2] = {}) => runSearch(q, store, { now: 1_700_000_000, tz: "UTC", ...extra });
const rows = (q: string, extra: Parameters<typeof runSearch>[2] = {}) => {
  const r = run(q, extra);
  expect(r.diagnostics.filter((d) => d.severity === "error").map((d) => d.message), q).toEqual([]);
  return r.table?.rows();
};
const firstError = (q: string) => run(q).diagnostics.find((d) => d.severity === "error");

describe("format", () => {
  it("escapes quotes and backslashes, and the outer search reads them back", () => {
    expect(quoteValue('a"b\\c')).toBe('"a\\"b\\\\c"');
    const q = '| makeresults | eval p="C:\\\\Windows\\\\x \\"y\\"" | search [| makeresults | eval p="C:\\\\Windows\\\\x \\"y\\"" | fields p | format] | eval ok=1 | table ok';
    expect(rows(q)).toEqual([{ ok: 1 }]);
  });

  it("writes a search field as it is and a query field as a quoted term", () => {
    const t = Table.fromRows([{ search: "a OR b", query: "x y", _time: 1 }]);
    expect(formatSearch(t, { frame: DEFAULT_FRAME, mvsep: "OR", maxresults: 0, emptystr: "NOT( )" })).toBe('( ( "x y" AND a OR b ) )');
  });
});

describe("subsearch search and query fields", () => {
  it("uses a query value as a term, not as field=value", () => {
    expect(rows('| makeresults | eval _raw="user bob logged in" | search [| makeresults | eval query="bob" | fields query] | eval hit=1 | table hit')).toEqual([{ hit: 1 }]);
  });

  it("reports a search value that is not a search as a runtime error, not a crash", () => {
    const r = run('| makeresults | search [| makeresults | eval search="a | stats count" | fields search]');
    expect(r.diagnostics.find((d) => d.severity === "error")?.message).toContain("not a search");
  });

  it("does not follow a subsearch inside a search value", () => {
    const r = run('| makeresults | search [| makeresults | eval search="[search x]" | fields search]');
    expect(r.diagnostics.find((d) => d.severity === "error")?.message).toContain("another subsearch");
  });
});

describe("return", () => {
  it("writes field=\"value\", alias=\"value\" and bare values, rows as OR clauses", () => {
    expect(rows('| makeresults count=2 | streamstats count AS n | eval user="u".n, ip="10.0.0.".n | return 2 user addr=ip $n')).toEqual([
      { search: '(user="u1" addr="10.0.0.1" 1) OR (user="u2" addr="10.0.0.2" 2)' },
    ]);
  });

  it("returns one empty search when no row has the fields", () => {
    expect(rows("| makeresults | return nosuchfield")).toEqual([{ search: "" }]);
  });
});

describe("union", () => {
  it("reads a saved search dataset", () => {
    const savedSearches = savedSearchList([{ name: "Five", search: "| makeresults | eval n=5" }]);
    expect(rows('| union savedsearch:"Five" [| makeresults | eval n=6] | table n', { savedSearches })).toEqual([{ n: 5 }, { n: 6 }]);
  });

  it("rejects a word that is not a dataset, at the word", () => {
    expect(firstError("| union foo [| makeresults]")?.span).toMatchObject({ start: 8, end: 11 });
  });
});

describe("gentimes", () => {
  it("stops at the row budget instead of generating billions of ranges", () => {
    const r = run("| gentimes start=01/01/1971 end=01/01/2030 increment=1s", { budget: { maxRows: 10_000 } });
    expect(r.diagnostics.find((d) => d.severity === "error")?.code).toBe("budget");
  });

  it("rejects an impossible date and a zero increment", () => {
    expect(firstError("| gentimes start=13/01/2020")?.code).toBe("bad-argument");
    expect(firstError("| gentimes start=-3 increment=0")?.code).toBe("bad-argument");
  });
});

describe("helpers", () => {
  it("interleaves newest first, keeps each table's order on ties, and puts untimed rows last", () => {
    const a = Table.fromRows([{ _time: 5, s: "a1" }, { _time: 3, s: "a2" }, { s: "a3" }]);
    const b = Table.fromRows([{ _time: 5, s: "b1" }, { _time: 4, s: "b2" }]);
    expect(interleaveByTime([a, b]).rows().map((r) => r["s"])).toEqual(["a1", "b1", "b2", "a2", "a3"]);
  });

  it("compares results by every field, multivalue and missing fields included", () => {
    const a = Table.fromRows([{ x: ["1", "2"] }, { x: "1" }, { x: "1", y: "z" }]);
    const b = Table.fromRows([{ x: ["1", "2"] }, { x: 1 }]);
    expect(setOperation("intersect", a, b).rows()).toEqual([{ x: ["1", "2"] }, { x: "1" }]);
    expect(setOperation("diff", a, b).rows()).toEqual([{ x: "1", y: "z" }]);
  });

  it("measures similarity as the cosine of the term vectors", () => {
    expect(terms("a-b c_d", null)).toEqual(["a", "b", "c_d"]);
    expect(similarity(signature("a b c d", "termlist", null), signature("a b x d", "termlist", null))).toBe(0.75);
    expect(similarity(signature("a b", "termlist", null), signature("b a", "termlist", null))).toBe(0);
    expect(similarity(signature("a b", "termset", null), signature("b a", "termset", null))).toBe(1);
    expect(similarity(signature("", "termset", null), signature("", "termset", null))).toBe(1);
    expect(similarity(signature("abcd", "ngramset", null), signature("abce", "ngramset", null))).toBe(0.5);
  });
});

describe("selfjoin and multisearch errors", () => {
  it("selfjoin max=0 over many equal keys is held to the row budget", () => {
    const r = run('| makeresults count=3000 | eval k=1 | selfjoin max=0 k', { budget: { maxRows: 100_000 } });
    expect(r.diagnostics.find((d) => d.severity === "error")?.code).toBe("budget");
  });

  it("selfjoin joins only the first 100,000 results as main results", () => {
    const q = '| makeresults count=100002 | streamstats count AS n | eval k=if(n>100000, "late", n) | selfjoin k | stats count';
    const r = run(q);
    expect(r.table?.rows()).toEqual([{ count: 0 }]);
    expect(r.diagnostics.map((d) => d.message).join("\n")).toContain("only the first 100000");
  });

  it("multisearch names the subsearch that is not streaming", () => {
    expect(firstError("| multisearch [search a] [search b | sort x]")?.message).toContain("subsearch 2 contains a non-streaming command");
  });
});
