/**
 * safe-regex.ts: which path each pattern takes, the PCRE → RE2 translation, agreement of the
 * linear path with the JavaScript engine, and the backtracking path's budget.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EventStore, runSearch } from "../../../src/index.js";
import { setBacktrackBudget } from "../../../src/functions/backtrack-runner.js";
import { pcreToRe2 } from "../../../src/functions/pcre-to-re2.js";
import { translatePcre } from "../../../src/functions/regex.js";
import { SafeRegex, safeRegex } from "../../../src/functions/safe-regex.js";

const run = (q: string) => runSearch(q, new EventStore(), { now: 1_700_000_000 });
const rows = (q: string) => {
  const r = run(q);
  expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return r.table?.rows() ?? [];
};

describe("the path each pattern takes", () => {
  it.each<[string, "linear" | "backtracking"]>([
    ["(a+)+$", "linear"],
    ["(?P<user>[^@]+)@(?<domain>.+)", "linear"],
    ["(?i)powershell.*-enc", "linear"],
    ["a(?i:b)c(?-i)d", "linear"],
    ["(?x) a b  # comment", "linear"],
    ["(?<!\\/)\\b\\w+", "linear"],
    ["\\x{202E}\\Qa.b\\E[[:alpha:]]\\h\\e\\012", "linear"],
    ["(?>ab|a)c*+", "linear"],
    ["(?P<x>a)(?P=x)", "backtracking"],
    ["(a)\\1", "backtracking"],
    ["foo(?=bar)", "backtracking"],
    ["(?!x)y", "backtracking"],
    ["ab\\Z", "backtracking"],
    ["(?<=(a))b", "backtracking"],
    ["a{1001}", "backtracking"],
  ])("%j → %s", (pattern, path) => {
    expect(SafeRegex.compile(pattern).path).toBe(path);
  });

  it("rejects a pattern neither engine accepts, with the reason", () => {
    expect(() => safeRegex("(?i)?")).toThrow(/invalid regular expression "\(\?i\)\?"/);
    expect(() => safeRegex("a(b")).toThrow(/invalid regular expression/);
  });
});

describe("pcreToRe2", () => {
  it.each<[string, string]>([
    ["(?P<user>\\w+)", "(?P<user>\\w+)"],
    ["(?<user>\\w+)", "(?P<user>\\w+)"],
    ["(?'user'\\w+)", "(?P<user>\\w+)"],
    ["(?i)abc", "(?i)abc"],
    ["(?ix) a b # c\n d", "(?i)abd"],
    ["(?x:a b)", "(?:ab)"],
    ["(?>ab|a)c", "(?:ab|a)c"],
    ["a*+b++c?+d{2}+", "a*b+c?d{2}"],
    ["a(?#comment)b", "ab"],
    ["[]a]", "[\\]a]"],
    ["[^]a][a[]", "[^\\]a][a\\[]"],
    ["\\x{41}\\x41\\u0041\\cA\\e", "\\x{41}\\x{41}\\x{41}\\x{1}\\x{1b}"],
    ["\\Qa.b*\\E+", "a\\.b\\*+"],
    ["\\h\\N", "[\\t \\x{a0}\\x{1680}\\x{180e}\\x{2000}-\\x{200a}\\x{202f}\\x{205f}\\x{3000}][^\\n]"],
    ["[\\h\\b]", "[\\t \\x{a0}\\x{1680}\\x{180e}\\x{2000}-\\x{200a}\\x{202f}\\x{205f}\\x{3000}\\x{8}]"],
    ["\\i\\/\\-\\ ", "i\\/\\- "],
    ["[[:digit:][:^alpha:]]", "[[:digit:][:^alpha:]]"],
    ["\\Aab\\z", "\\Aab\\z"],
  ])("%j → %j", (pcre, re2) => {
    expect(pcreToRe2(pcre)).toEqual({ ok: true, source: re2, lookbehind: false });
  });

  it("names what RE2 lacks", () => {
    expect(pcreToRe2("(a)\\1")).toEqual({ ok: false, reason: "the backreference \\1" });
    expect(pcreToRe2("a(?=b)")).toEqual({ ok: false, reason: "lookahead" });
    expect(pcreToRe2("(?<=a)b")).toEqual({ ok: true, source: "(?<=a)b", lookbehind: true });
  });
});

/** True when a pattern piece may match empty text (zero-width assertions count as such). */
const canBeEmpty = (x: string): boolean => /[\^$]|\\b/.test(x) || new RegExp(`(?:${x})`).test("");

/** Random patterns from constructs that PCRE, RE2 and JavaScript read alike. */
const regexArb: fc.Arbitrary<string> = fc.letrec<{ alt: string; seq: string; item: string; atom: string }>((tie) => ({
  atom: fc.oneof(
    { maxDepth: 3, depthIdentifier: "regex" },
    { weight: 4, arbitrary: fc.constantFrom("a", "b", "-", "1", ".", "[ab]", "[^a]", "\\d", "\\w", "\\W", "\\b", "^", "$") },
    { weight: 1, arbitrary: tie("alt").map((x) => `(${x})`) },
    { weight: 1, arbitrary: tie("alt").map((x) => `(?:${x})`) },
  ),
  // A quantifier on a group that can match the empty string captures differently in each engine
  // (JavaScript, PCRE and RE2 all disagree there), so only groups that cannot are quantified.
  item: fc.tuple(tie("atom"), fc.constantFrom("", "", "", "*", "+", "?", "*?", "+?", "??", "{1,2}")).map(([a, q]) => (canBeEmpty(a) ? a : a + q)),
  seq: fc.array(tie("item"), { minLength: 1, maxLength: 3 }).map((xs) => xs.join("")),
  alt: fc.array(tie("seq"), { minLength: 1, maxLength: 2 }).map((xs) => xs.join("|")),
})).alt;

const subject = fc.array(fc.constantFrom("a", "b", "1", "-", " ", "\n"), { maxLength: 8 }).map((xs) => xs.join(""));

describe("the linear path agrees with the JavaScript engine", () => {
  it("on random patterns and values: every match, with its groups", () => {
    fc.assert(fc.property(regexArb, subject, (pattern, s) => {
      const re = SafeRegex.compile(pattern);
      const t = translatePcre(pattern);
      const js = new RegExp(t.source, `${t.flags}g`);
      const want = [...s.matchAll(js)].map((m) => [m.index, ...m]);
      const got = (re.matches(s) ?? []).map((m) => [m.index, ...m.groups]);
      return re.path === "linear" && JSON.stringify(got) === JSON.stringify(want) && re.test(s) === js.test(s);
    }), { seed: 20_240_510, numRuns: 1500 });
  });
});

describe("hostile patterns finish, in every command and function", () => {
  const a32 = `${"a".repeat(32)}!`;
  it.each<[string, Record<string, unknown>[]]>([
    [`| makeresults | eval s="${a32}" | rex field=s "(?<g>(a+)+$)" | table g`, [{}]],
    [`| makeresults | eval s="${a32}" | rex field=s "(?<g>(a+)+!)" | eval n=len(g) | table n`, [{ n: 33 }]],
    [`| makeresults | eval s="${a32}" | regex s="(a+)+$" | table s`, []],
    [`| makeresults | eval s="${a32}" | eval m=if(match(s, "(a+)+$"), "y", "n") | table m`, [{ m: "n" }]],
    [`| makeresults | eval s="${a32}" | eval r=replace(s, "(a+)+$", "X") | eval same=if(r=s, "y", "n") | table same`, [{ same: "y" }]],
    [`| makeresults | eval s="${a32}" | rex field=s mode=sed "s/(a+)+$/X/" | eval same=if(s="${a32}", "y", "n") | table same`, [{ same: "y" }]],
    [`| makeresults | eval s="${a32}" | eval i=mvfind(s, "(a+)+$") | eval f=if(isnull(i), "y", "n") | table f`, [{ f: "y" }]],
    [`| makeresults | eval s="${a32}" | eval l=if(like(s, "%a%a%a%a%a%a%a%b"), "y", "n"), o=if(s LIKE "%a%a%a%a%a%a%a%b", "y", "n") | table l o`, [{ l: "n", o: "n" }]],
    [`| makeresults | eval s="${a32}" | eval l=if(like(s, "(a+)+$"), "y", "n") | table l`, [{ l: "n" }]],
  ])("%s", (q, want) => {
    expect(rows(q)).toEqual(want);
  });
});

describe("other value regexes that were quadratic", () => {
  it("IPv6 zone stripping on a hostile value", () => {
    expect(rows(`| makeresults | eval ok=if(cidrmatch("fe80::/10", "${"%".repeat(500_000)}"), "y", "n") | table ok`)).toEqual([{ ok: "n" }]);
    expect(rows(`| makeresults | eval ok=if(cidrmatch("fe80::/10", "fe80::1%eth0"), "y", "n") | table ok`)).toEqual([{ ok: "y" }]);
  });
});

describe("the backtracking path", () => {
  let old = 0;
  beforeAll(() => {
    old = setBacktrackBudget(300);
  });
  afterAll(() => {
    setBacktrackBudget(old);
  });

  it("runs what RE2 cannot: backreferences and lookahead", () => {
    expect(rows('| makeresults | eval m=if(match("abab", "(?P<x>ab)(?P=x)"), "y", "n") | table m')).toEqual([{ m: "y" }]);
    // ESCU's "(.*\\\\)(?=.*(\\.\\w*)$|(\\w+)$)": the folder part of a path.
    expect(rows('| makeresults | eval p="C:\\\\Windows\\\\cmd.exe" | eval f=replace(p, "(.*\\\\\\\\)(?=.*(\\\\.\\\\w*)$|(\\\\w+)$)", "") | table f')).toEqual([{ f: "cmd.exe" }]);
    expect(rows('| makeresults | eval s="k=v; k2=v2" | rex field=s max_match=0 offset_field=o "(?<k>\\\\w+)=(?=v)" | table k o')).toEqual([{ k: ["k", "k2"], o: "k=0-0&k=5-6" }]);
  });

  it("ends a call over budget with null and one warning, and the search goes on", () => {
    const s = `${"a".repeat(40)}!`;
    const r = run(`| makeresults count=3 | eval s="${s}" | eval m=match(s, "(?=(a+)+$)"), r=replace(s, "(?=(a+)+$)", "x"), ok=1 | table m r ok`);
    expect(r.table?.rows()).toEqual([{ ok: 1 }, { ok: 1 }, { ok: 1 }]);
    // One warning per pattern and search (function calls have no span: the bag keeps one of them).
    const warnings = r.diagnostics.filter((d) => d.severity === "warning").map((d) => d.message);
    expect(warnings.length).toBeGreaterThanOrEqual(1);
    expect(warnings[0]).toMatch(/^match\(\): the regular expression "\(\?=\(a\+\)\+\$\)" needs backtracking \(lookahead\) and ran past its 300 ms budget/);
  }, 60_000);

  it("keeps a row over budget out of | regex and extracts nothing with rex", () => {
    const s = `${"a".repeat(40)}!`;
    const r = run(`| makeresults | eval s="${s}" | rex field=s "(?<g>(?=(a+)+$)a)" | regex s="(?=(a+)+$)" | table s g`);
    expect(r.table?.rows()).toEqual([]);
    expect(r.diagnostics.filter((d) => d.severity === "warning").map((d) => d.message.split(":")[0])).toEqual(["rex", "regex"]);
  }, 60_000);
});
