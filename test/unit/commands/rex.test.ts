/** rex internals: sed expressions (stream-sed.ts), named-group discovery, and argument checks. */
import { describe, expect, it } from "vitest";
import { EventStore, runSearch } from "../../../src/index.js";
import { namedGroups } from "../../../src/commands/rex.js";
import { applySed, parseSed } from "../../../src/commands/stream-sed.js";

const run = (q: string) => runSearch(q, new EventStore(), { now: 1_700_000_000 });

describe("parseSed / applySed", () => {
  it("reads s/// with g, N and Ng flags", () => {
    expect(parseSed("s/a/b/")).toEqual({ op: "s", pattern: "a", replacement: "b", global: false, nth: 1 });
    expect(parseSed("s/a/b/g")).toMatchObject({ global: true, nth: 1 });
    expect(parseSed("s/a/b/3")).toMatchObject({ global: false, nth: 3 });
    expect(parseSed("s/a/b/2g")).toMatchObject({ global: true, nth: 2 });
  });
  it("honours escaped delimiters and other delimiter characters", () => {
    expect(applySed(parseSed("s/\\//-/g") as never, "a/b/c")).toBe("a-b-c");
    expect(applySed(parseSed("s#/#-#g") as never, "a/b")).toBe("a-b");
  });
  it("replaces only the nth match, or every match from the nth with g", () => {
    const nth = parseSed("s/x/Y/2");
    const from = parseSed("s/x/Y/2g");
    expect(applySed(nth as never, "xxxx")).toBe("xYxx");
    expect(applySed(from as never, "xxxx")).toBe("xYYY");
  });
  it("fills \\1 backreferences; an unset group gives nothing", () => {
    expect(applySed(parseSed("s/(\\w+)@(\\w+)/\\2 at \\1/") as never, "ann@corp")).toBe("corp at ann");
    expect(applySed(parseSed("s/a(z)?/[\\1]/") as never, "ab")).toBe("[]b");
  });
  it("transliterates with y///", () => {
    expect(applySed(parseSed("y/ab/ba/") as never, "abba")).toBe("baab");
  });
  it("reports malformed expressions as messages", () => {
    expect(typeof parseSed("x/a/b/")).toBe("string");
    expect(typeof parseSed("s/a/b")).toBe("string");
    expect(typeof parseSed("s/a/b/q")).toBe("string");
    expect(typeof parseSed("y/ab/c/")).toBe("string");
  });
});

describe("namedGroups", () => {
  it("finds (?<n>…) and (?P<n>…) groups but not lookbehinds or escaped parens", () => {
    expect(namedGroups("(?<a>x)(?P<b>y)(?<=z)(?<!w)\\(?<c>")).toEqual(["a", "b"]);
  });
});

describe("rex checks", () => {
  it("requires a quoted regex", () => {
    expect("| makeresults | rex field=x").toLog("bad-argument");
  });
  it("rejects an unknown mode and a bad sed expression", () => {
    expect('| makeresults | rex mode=perl "s/a/b/"').toLog("bad-argument");
    expect('| makeresults | rex mode=sed "q/a/b/"').toLog("bad-argument", { start: 29, end: 37 });
  });
  it("applies sed to every value of a multivalue field", () => {
    const r = run('| makeresults | eval x=split("a-1,b-2", ",") | rex field=x mode=sed "s/-/=/" | table x');
    expect(r.table?.rows()).toEqual([{ x: ["a=1", "b=2"] }]);
  });
  it("counts matches across the values of a multivalue field towards max_match", () => {
    const r = run('| makeresults | eval x=split("a1b2,c3", ",") | rex field=x max_match=2 "(?<d>\\d)" | table d');
    expect(r.table?.rows()).toEqual([{ d: ["1", "2"] }]);
  });
  it("does nothing when the field is missing", () => {
    const r = run('| makeresults | rex field=nope "(?<d>\\d)" | table d');
    expect(r.table?.rows()).toEqual([{}]);
  });
});
