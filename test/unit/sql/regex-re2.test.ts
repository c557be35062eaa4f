// src/sql/regex-re2.ts: the RE2 text an SPL regex is pushed to ClickHouse as, or why it stays
// local; and, run through re2js (RE2's semantics), the written pattern matches and captures what
// the in-memory engine does on every hostile value (on ASCII values only, for a pattern marked
// asciiOnly). The ClickHouse side of the same claim is regex-differential.test.ts.
import { describe, expect, it } from "vitest";
import { RE2JS } from "re2js";
import { safeRegex } from "../../../src/functions/safe-regex.js";
import { NotPushable } from "../../../src/sql/compile-where.js";
import { re2Pattern } from "../../../src/sql/regex-re2.js";

const ACCEPTED: readonly [string, string, boolean?][] = [
  ["foo", "foo"],
  ["^a.b$", "\\Aa[^\\x{a}]b\\z"],
  ["(?s)a.b", "a[\\x{0}-\\x{10ffff}]b"],
  ["(?m)^x$", "(?m:^)x(?m:$)"],
  ["\\d+\\.\\w*\\s?", "[0-9]+\\.[0-9A-Z_a-z]*[\\x{9}-\\x{a}\\x{c}-\\x{d}\\x{20}]?"],
  ["\\S\\D\\W", "[^\\x{9}-\\x{a}\\x{c}-\\x{d}\\x{20}][^0-9][^0-9A-Z_a-z]"],
  ["[^,]+", "[^\\x{2c}]+"],
  ["[a-]x{2,}y{1,3}?z{4}", "[\\x{2d}a]x{2,}y{1,3}?z{4}"],
  ["(?<user>[^@]+)@(?P<domain>.+)", "([^\\x{40}]+)@([^\\x{a}]+)"],
  ["(?:a|b)(c)", "(a|b)(c)"],
  ["\\bkey\\B", "\\bkey\\B"],
  ["\\x{202E}é😀", "\u202eé😀"],
  ["a b;c\\tn\\x00", "a b;c[\\x{9}]n[\\x{0}]"],
  ["[\\]\\[\\\\^-]\\]", "[\\x{2d}\\x{5b}-\\x{5e}]\\]"],
  ["[[:alpha:]][[:^digit:]]", "[A-Za-z][^0-9]"],
  ["\\Q.*\\E", "\\.\\*"],
  ["(?<json>{.+})", "(\\{[^\\x{a}]+\\})"],
  ["", "(?:)"],
  ["(?i)ab", "[Aa][Bb]", true],
  ["(?i)k", "[Kk]", true],
  ["(?i)\\x{212a}", "[Kk]", true],
  ["(?i)[^k]", "[\\x{0}-JL-jl-\\x{7f}]", true],
  ["a(?i)b|c", "a[Bb]|[Cc]", true],
  ["(?i:x)y", "([Xx])y", true],
];

const REFUSED: readonly [string, string][] = [
  ["(a)\\1", "needs backtracking (the backreference \\1)"],
  ["a(?=b)", "needs backtracking (lookahead)"],
  ["a(?!b)", "needs backtracking (lookahead)"],
  ["(?<=a)b", "lookbehind"],
  ["\\p{L}", "the escape \\p"],
  ["\\pL", "the escape \\p"],
  ["(?U)a+", "the flags (?U)"],
  ["a{1001}", "needs backtracking"],
  ["(a{100}){100}", "needs backtracking"],
  ["(", "does not compile"],
  ["\\Ga", "needs backtracking (\\G)"],
  ["(?<n>a)(?P=n)", "needs backtracking"],
];

describe("re2Pattern", () => {
  it.each(ACCEPTED)("%s → %s", (p, source, asciiOnly = false) => {
    const rx = re2Pattern(p);
    expect(rx.source).toBe(source);
    expect(rx.asciiOnly).toBe(asciiOnly);
  });

  it.each(REFUSED)("%s stays local: %s", (p, reason) => {
    expect(() => re2Pattern(p)).toThrow(NotPushable);
    expect(() => re2Pattern(p)).toThrow(reason);
  });

  it("names groups by their place among all groups, and says which empty captures read", () => {
    const rx = re2Pattern("(?:x)(?<a>y*)(?<b>z)?(?<c>w?)|(?<d>v)");
    expect([...rx.names]).toEqual([["a", 2], ["b", 3], ["c", 4], ["d", 5]]);
    // a and c: may be empty and may take no part (an alternative); b, d: never empty.
    expect([...rx.empty].sort()).toEqual([[3, "unset"], [5, "unset"]]);
    expect([...re2Pattern("x(?<a>y*)").empty]).toEqual([[1, "empty"]]);
  });
});

const VALUES = [
  "foo", "Foo", "\u0130x", "i\u0307x", "\u212aey", "key", "K", "\u017f", "s", "über", "😀x", "\ufffd", "a\r\nb", "a\u2028b", "line\n", "\n", "",
  "a b", "a\tb", "a\u000bb", "a\u00a0b", "10.1.2.3", "C:\\Windows\\cmd.exe", "LDAP://cn=a;1]", "x{y}", "user@example.com", "word_1", "é", "ab", "abc",
];

const SAME: readonly string[] = [
  ...ACCEPTED.map(([p]) => p),
  "^\\{[A-Z|\\d]+\\}", ".*\\\\(?<process_name>.*)$", "(?P<x>.*?);", "(?i)ldap://(?P<dn>cn.*?);(?P<flag>\\d)\\]", "[^\\x{80}-\\x{10ffff}]+$",
  "(?i)[\\-|\\/|–|—][Ee]", "(?i)\\W", "(?i)[a-z]+$", "(a*)+$", "(a|ab)(c|bcd)?", "x*?y", "(?s).+?$",
];

describe("the written pattern means what the in-memory one does (under RE2's rules, via re2js)", () => {
  it.each(SAME)("%s", (p) => {
    const rx = re2Pattern(p);
    const mem = safeRegex(p);
    const out = RE2JS.compile(rx.source);
    for (const v of VALUES) {
      if (rx.asciiOnly && /[^\x00-\x7f]/.test(v)) continue;
      expect(out.test(v), JSON.stringify(v)).toBe(mem.test(v));
      const m = out.matcher(v);
      const first = mem.matches(v, 1)?.[0];
      expect(m.find()).toBe(first !== undefined);
      if (!first) continue;
      for (const [name, slot] of rx.names) expect(m.group(slot) ?? undefined, `${name} in ${JSON.stringify(v)}`).toBe(mem.group(first, name));
    }
  });
});
