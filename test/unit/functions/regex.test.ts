/** PCRE → JavaScript translation, the compile-once cache, and LIKE patterns. */
import { describe, expect, it } from "vitest";
import { likeRegex, splRegex, translatePcre } from "../../../src/functions/regex.js";

describe("translatePcre", () => {
  it.each<[string, string, string]>([
    ["(?P<user>\\w+)", "(?<user>\\w+)", ""],
    ["(?P<a>x)(?P=a)", "(?<a>x)\\k<a>", ""],
    ["(?i)abc", "abc", "i"],
    ["(?is)a.c", "a.c", "is"],
    ["a(?i)b", "ab", "i"],
    ["(?i:ab)c", "(?:ab)c", "i"],
    ["(?-i)ab", "ab", ""],
    ["(?>ab|a)c", "(?:ab|a)c", ""],
    ["a*+b++c?+d{2}+", "a*b+c?d{2}", ""],
    ["\\Aab\\z", "(?<![\\s\\S])ab(?![\\s\\S])", ""],
    ["ab\\Z", "ab(?=\\n?(?![\\s\\S]))", ""],
    ["\\Qa.b*\\E+", "a\\.b\\*+", ""],
    ["\\x{41}", "A", ""],
    ["[[:alpha:]_]+", "[a-zA-Z_]+", ""],
    ["[]a]", "[\\]a]", ""],
    ["[^]a]", "[^\\]a]", ""],
    ["a(?#comment)b", "ab", ""],
    ["(?x) a b # c\n d", "abd", ""],
    ["[\\-|\\/][Ss]{1}", "[\\-|\\/][Ss]{1}", ""],
    ["(?<name>x)(?=y)(?!z)(?<=w)(?:v)", "(?<name>x)(?=y)(?!z)(?<=w)(?:v)", ""],
  ])("%j → %j /%s", (pcre, source, flags) => {
    expect(translatePcre(pcre)).toEqual({ source, flags });
  });
});

describe("splRegex", () => {
  it("compiles each distinct pattern once", () => {
    expect(splRegex("ab+c")).toBe(splRegex("ab+c"));
    expect(splRegex("ab+c", true)).not.toBe(splRegex("ab+c"));
    expect(splRegex("ab+c", true).flags).toContain("g");
  });

  it.each<[string, string, boolean]>([
    ["(?i)POWERSHELL", "powershell.exe", true],
    ["^\\{[A-Z|\\d]+\\-[A-Z|\\d]+\\}", "{AB12-CD34}", true],
    ["\\\\127\\.0\\.0\\.1\\\\.*", "\\\\127.0.0.1\\c$", true],
    ["Device Paired*", "Device Paire", true],
    ["(?P<x>a)(?P=x)", "aa", true],
    ["^[[:digit:]]+$", "123", true],
  ])("%j tests %j → %j", (pattern, subject, expected) => {
    expect(splRegex(pattern).test(subject)).toBe(expected);
  });

  it("treats the pattern as data, never as code", () => {
    expect(splRegex("${process.exit(1)}").test("${process.exit(1)}")).toBe(false);
    expect(splRegex("\\$\\{x\\}").test("${x}")).toBe(true);
  });
});

describe("likeRegex", () => {
  it.each<[string, string, boolean]>([
    ["%", "", true],
    ["a%", "abc", true],
    ["%c", "abc", true],
    ["_b_", "abc", true],
    ["a.c", "abc", false],
    ["a+c", "a+c", true],
    ["[ab]", "a", false],
    ["[ab]", "[ab]", true],
  ])("like pattern %j on %j → %j", (pattern, subject, expected) => {
    expect(likeRegex(pattern).test(subject)).toBe(expected);
  });
});
