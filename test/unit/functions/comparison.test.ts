/** Conditional and comparison functions: truth of conditions, null subjects, multivalue subjects, PCRE and LIKE matching, CIDR. */
import { describe, expect, it } from "vitest";
import type { EvalValue } from "../../../src/values/value.js";
import { call } from "./call.js";

type Row = [string, EvalValue[], EvalValue];

describe("conditional functions", () => {
  it.each<Row>([
    ["if", [true, "a", "b"], "a"],
    ["if", [false, "a", "b"], "b"],
    ["if", [null, "a", "b"], "b"],
    ["if", [1, "a", "b"], "a"],
    ["if", [0, "a", "b"], "b"],
    ["if", [true, ["x", "y"], "b"], ["x", "y"]],
    ["if", [true, null, "b"], null],
    ["case", [false, 1, true, 2, true, 3], 2],
    ["case", [false, 1, false, 2], null],
    ["case", [false, 1, true], null],
    ["coalesce", [null, null, "c"], "c"],
    ["coalesce", [null, "", "c"], ""],
    ["coalesce", [null, null], null],
    ["coalesce", [null, ["a", "b"]], ["a", "b"]],
    ["null", [], null],
    ["nullif", ["a", "a"], null],
    ["nullif", ["1", 1], null],
    ["nullif", ["a", "b"], "a"],
    ["nullif", [null, "b"], null],
    ["nullif", ["a", null], "a"],
    ["true", [], true],
    ["false", [], false],
    ["validate", [true, "a", false, "b", false, "c"], "b"],
    ["validate", [true, "a"], null],
    ["validate", [null, "was null"], "was null"],
  ])("%s(%j) → %j", (name, args, expected) => {
    expect(call(name, ...args)).toEqual(expected);
  });
});

describe("in", () => {
  it.each<Row>([
    ["in", ["b", "a", "b"], true],
    ["in", ["B", "a", "b"], false],
    ["in", ["200", 200, 404], true],
    ["in", [200, "200.0"], true],
    ["in", ["x*", "x*"], true],
    ["in", ["xyz", "x*"], false],
    ["in", [["a", "z"], "z"], true],
    ["in", [null, "a"], false],
  ])("%s(%j) → %j", (name, args, expected) => {
    expect(call(name, ...args)).toBe(expected);
  });
});

describe("like", () => {
  it.each<[EvalValue, string, boolean | null]>([
    ["cmd.exe", "%.exe", true],
    ["cmd.exe", "cmd%", true],
    ["cmd.exe", "c_d.exe", true],
    ["cmd.exe", "c_.exe", false],
    ["CMD.EXE", "%.exe", false],
    ["a.b", "a.b", true],
    ["axb", "a.b", false],
    ["line1\nline2", "%line2", true],
    ["(x)", "(%)", true],
    ["é", "_", true],
    [["a.txt", "b.exe"], "%.exe", true],
    [null, "%", null],
  ])("like(%j, %j) → %j", (s, p, expected) => {
    expect(call("like", s, p)).toBe(expected);
  });
});

describe("match", () => {
  it.each<[EvalValue, string, boolean | null]>([
    ["powershell.exe", "power", true],
    ["xpowershell.exe", "^power", false],
    ["ABC", "abc", false],
    ["ABC", "(?i)abc", true],
    ["c:\\windows\\system32", "\\\\system32$", true],
    ["cmd.exe /Q /c dir", "(?i)cmd\\.exe\\s+\\/Q\\s+\\/c", true],
    ["user=bob", "(?P<u>b.b)", true],
    [["a", "b"], "^b$", true],
    [12345, "^\\d+$", true],
    [null, "x", null],
  ])("match(%j, %j) → %j", (s, p, expected) => {
    expect(call("match", s, p)).toBe(expected);
  });

  it("reports a pattern that does not compile", () => {
    expect(() => call("match", "x", "(unclosed")).toThrow(/invalid regular expression/);
  });
});

describe("cidrmatch", () => {
  it.each<[string, EvalValue, boolean | null]>([
    ["10.0.0.0/8", "10.255.0.1", true],
    ["10.0.0.0/8", "11.0.0.1", false],
    ["192.168.1.0/24", "192.168.1.77", true],
    ["192.168.1.0/25", "192.168.1.200", false],
    ["192.168.1.5", "192.168.1.5", true],
    ["0.0.0.0/0", "8.8.8.8", true],
    ["2001:db8::/32", "2001:db8:1::5", true],
    ["2001:db8::/32", "2001:db9::1", false],
    ["10.0.0.0/8", "not-an-ip", false],
    ["10.0.0.0/8", "2001:db8::1", false],
    ["10.0.0.0/33", "10.0.0.1", false],
    ["10.0.0.0/8", ["1.1.1.1", "10.1.1.1"], true],
    ["10.0.0.0/8", null, null],
  ])("cidrmatch(%j, %j) → %j", (cidr, ip, expected) => {
    expect(call("cidrmatch", cidr, ip)).toBe(expected);
  });
});
