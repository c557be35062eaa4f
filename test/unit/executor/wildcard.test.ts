/**
 * wildcard.ts: search-value wildcards and field-name patterns are matched without a backtracking
 * regex, and match exactly the strings the regexes they replace matched. Those regexes stay here
 * as the oracle (the term index relies on valueMatcher's case folding staying as it was).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EventStore, ingestText, runSearch } from "../../../src/index.js";
import { escapeRegex, fieldPattern, valueMatcher, wildcardTest } from "../../../src/executor/wildcard.js";

/** valueMatcher as it was, minus CIDR values (the generated patterns hold no `/`). */
function oldValueMatcher(pattern: string, caseSensitive: boolean): (s: string) => boolean {
  if (/^\*+$/.test(pattern)) return () => true;
  if (!pattern.includes("*")) {
    if (caseSensitive) return (s) => s === pattern;
    const p = pattern.toLowerCase();
    return (s) => s.length === p.length && s.toLowerCase() === p;
  }
  const re = new RegExp(`^${pattern.split("*").map(escapeRegex).join(".*")}$`, caseSensitive ? "s" : "is");
  return (s) => re.test(s);
}

const oldWildcard = (pattern: string, caseSensitive: boolean) =>
  new RegExp(`^${pattern.split("*").map(escapeRegex).join(".*")}$`, caseSensitive ? "s" : "is");

const oldFieldPattern = (pattern: string) => new RegExp(`^${pattern.split("*").map(escapeRegex).join("(.*)")}$`, "s");

// Letters whose case folding is irregular (ß ẞ ſ K ı İ σ ς ǅ), lone and paired surrogates, regex
// metacharacters and a newline, so that the property runs where a rewrite would most likely differ.
const CHARS = ["a", "A", "b", "B", "s", "S", "ß", "ẞ", "ſ", "k", "K", "\u212a", "i", "I", "ı", "İ", "é", "É", "σ", "Σ", "ς", "ǅ", "ǆ", "Ǆ", "\ud83d", "\ude00", "😀", "\n", ".", "(", "\\"];
const text = (max: number) => fc.array(fc.constantFrom(...CHARS), { maxLength: max }).map((xs) => xs.join(""));
const pattern = fc.array(fc.constantFrom(...CHARS, "*", "*", "*"), { maxLength: 8 }).map((xs) => xs.join(""));
const RUNS = { seed: 20_240_510, numRuns: 2500 };

describe("valueMatcher matches what the regex matched", () => {
  it.each<[string, string, boolean, boolean]>([
    ["*gem*open*-e*", "gem open -e x", false, true],
    ["*gem*open*-e*", "GEM OPEN -E", false, true],
    ["*gem*open*-e*", "gem open -e", true, true],
    ["*gem*open*-e*", "GEM OPEN -E", true, false],
    ["*gem*open*-e*", "open gem -e", false, false],
    ["a*a", "a", false, false],
    ["a*a", "aa", false, true],
    ["*.exe", "CMD.EXE", false, true],
    ["cmd*", "cmd", false, true],
    ["**", "", false, true],
    ["a**b", "ab", false, true],
    ["*ſ*", "S", false, false],
    ["*k*", "\u212a", false, false],
  ])("%j on %j (case-sensitive %j) → %j", (p, s, cs, want) => {
    expect(valueMatcher(p, cs)(s)).toBe(want);
    expect(oldValueMatcher(p, cs)(s)).toBe(want);
  });

  it("agrees with the regex on random patterns and values, both case modes", () => {
    fc.assert(fc.property(pattern, text(10), fc.boolean(), (p, s, cs) => valueMatcher(p, cs)(s) === oldValueMatcher(p, cs)(s)), RUNS);
  });

  it("agrees with the regex when the value is built from the pattern's own pieces", () => {
    // Random values rarely match; values spliced from the pattern's literals often do.
    const case_ = fc.constantFrom((x: string) => x, (x: string) => x.toUpperCase(), (x: string) => x.toLowerCase());
    fc.assert(fc.property(pattern, fc.array(text(3), { maxLength: 5 }), case_, fc.boolean(), (p, fillers, fold, cs) => {
      const s = fold(p.split("*").map((piece, k) => piece + (fillers[k] ?? "")).join(""));
      return valueMatcher(p, cs)(s) === oldValueMatcher(p, cs)(s) && wildcardTest(p, cs)(s) === oldWildcard(p, cs).test(s);
    }), RUNS);
  });

  it("folds long literals the regex way too (they are matched in chunks)", () => {
    const lit = "ab".repeat(5000);
    const m = valueMatcher(`*${lit}*`, false);
    expect(m(`x${lit.toUpperCase()}y`)).toBe(true);
    expect(m(`x${lit.slice(1)}y`)).toBe(false);
    expect(wildcardTest(`${lit}`, false)(lit.toUpperCase())).toBe(true);
  });
});

describe("fieldPattern captures what the regex captured", () => {
  it.each<[string, string, string[] | null]>([
    ["Processes.*", "Processes.dest", ["dest"]],
    ["*.*", "a.b.c", ["a.b", "c"]],
    ["*a*", "banana", ["banan", ""]],
    ["a*b*c", "abcbc", ["bc", ""]],
    ["x", "x", []],
    ["x*", "y", null],
  ])("%j on %j → %j", (p, s, caps) => {
    const m = fieldPattern(p).exec(s);
    expect(m === null ? null : m.slice(1)).toEqual(caps);
  });

  it("agrees with the regex on random patterns and values (exec, test, replace)", () => {
    const spliced = fc.tuple(pattern, fc.array(text(3), { maxLength: 5 })).map(([p, f]) => [p, p.split("*").map((x, k) => x + (f[k] ?? "")).join("")] as const);
    fc.assert(fc.property(fc.oneof(spliced, fc.tuple(pattern, text(10))), ([p, s]) => {
      const got = fieldPattern(p).exec(s);
      const want = oldFieldPattern(p).exec(s);
      return JSON.stringify(got && [...got]) === JSON.stringify(want && [...want])
        && fieldPattern(p).test(s) === (want !== null)
        && s.replace(fieldPattern(p), "<$1>") === s.replace(oldFieldPattern(p), "<$1>");
    }), RUNS);
  });

  it("is still a RegExp with the same source for callers that print it", () => {
    expect(fieldPattern("a*b")).toBeInstanceOf(RegExp);
    expect(fieldPattern("a*b").source).toBe(oldFieldPattern("a*b").source);
  });
});

describe("hostile values finish (they hung on backtracking regexes)", () => {
  it("search s=\"*a*a*c\" on a 6.9 KB field of a's", () => {
    const s = "a".repeat(6900);
    expect(valueMatcher("*a*a*c", false)(s)).toBe(false);
    expect(valueMatcher("*a*a*c", false)(`${s}c`)).toBe(true);
    expect(fieldPattern("*a*a*c").exec(s)).toBeNull();
  });

  it("a Sysmon command line of 2,000 \"gem open \" does not match *gem*open*-e*", () => {
    const sysmon1 = (cmd: string) =>
      `<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System><Provider Name='Microsoft-Windows-Sysmon' Guid='{5770385F-C22A-43E0-BF4C-06F5698FFBD9}'/><EventID>1</EventID><TimeCreated SystemTime='2024-05-01T10:00:00.0000000Z'/><EventRecordID>1</EventRecordID><Channel>Microsoft-Windows-Sysmon/Operational</Channel><Computer>HOST-A</Computer></System><EventData><Data Name='Image'>/usr/bin/gem</Data><Data Name='CommandLine'>${cmd}</Data></EventData></Event>`;
    const store = new EventStore();
    ingestText(store, [sysmon1("gem open ".repeat(2000)), sysmon1("gem open -e 'system(\"id\")' rdoc")].join("\n"), "gem.xml", {});
    const r = runSearch('search CommandLine="*gem*open*-e*" | table CommandLine', store, { now: 1_714_600_000 });
    expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(r.table?.rows()).toEqual([{ CommandLine: "gem open -e 'system(\"id\")' rdoc" }]);
  });
});
