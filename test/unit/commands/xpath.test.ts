/** The XPath subset of `xpath` (xpath-eval.ts): what it runs, and what it refuses with a diagnostic. */
import { describe, expect, it } from "vitest";
import { compileXpath, runXpath } from "../../../src/commands/xpath-eval.js";
import { parseXml } from "../../../src/commands/stream-xml.js";
import { EventStore, runSearch } from "../../../src/index.js";

const DOC = parseXml('<lib><book id="1" lang="en"><title>A</title><p>x<b>y</b>z</p></book><book id="2"><title>B</title></book><n:x xmlns:n="u">ns</n:x></lib>');

function run(path: string): string[] {
  const p = compileXpath(path);
  if ("error" in p || !DOC) throw new Error(path);
  return runXpath(p, DOC);
}

describe("xpath subset", () => {
  it.each([
    ["/lib/book/title", ["A", "B"]],
    ["//title", ["A", "B"]],
    ["//book[2]/title", ["B"]],
    ["//book[last()]/@id", ["2"]],
    ["//book[@lang='en']/title", ["A"]],
    ["//book[@lang]/@id", ["1"]],
    ["//book[title='B']/@id", ["2"]],
    ["//book/@*", ["1", "en", "2"]],
    ["//p", ["xyz"]],
    ["//p/text()", ["xz"]],
    ["//title/../@id", ["1", "2"]],
    ["/lib/*/title", ["A", "B"]],
    ["//n:x", ["ns"]],
    ["/nothing", []],
  ])("%s", (path, want) => {
    expect(run(path)).toEqual(want);
  });

  it.each(["count(//a)", "//a | //b", "ancestor::a", "//a[position()>1]", "//@id/x", "", "//a["])("refuses %j", (path) => {
    expect("error" in compileXpath(path)).toBe(true);
  });

  it("a path outside the subset is a bad-argument error at the path", () => {
    const q = '| makeresults | xpath "sum(//a)"';
    const r = runSearch(q, new EventStore(), { now: 0, tz: "UTC" });
    const e = r.diagnostics.find((d) => d.severity === "error");
    expect(e?.code).toBe("bad-argument");
    expect(q.slice(e?.span?.start, e?.span?.end)).toBe('"sum(//a)"');
  });

  it("input that is not XML gives no value and no error", () => {
    const r = runSearch('| makeresults | eval _raw="<<<" | xpath "//a" | table xpath', new EventStore(), { now: 0, tz: "UTC" });
    expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(r.table?.rows()).toEqual([{}]);
  });
});
