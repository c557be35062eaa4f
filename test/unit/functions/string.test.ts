/** Text functions: character (code point) counting, substr positions, PCRE replace with \1 groups. */
import { describe, expect, it } from "vitest";
import type { EvalValue } from "../../../src/values/value.js";
import { call } from "./call.js";

type Row = [string, EvalValue[], EvalValue];

describe("text functions", () => {
  it.each<Row>([
    ["len", ["abc"], 3],
    ["len", [""], 0],
    ["len", ["héllo"], 5],
    ["len", ["😀x"], 2],
    ["len", [12345], 5],
    ["len", [null], null],
    ["len", [["ab", "cde"]], [2, 3]],
    ["lower", ["MiXeD"], "mixed"],
    ["upper", ["MiXeD"], "MIXED"],
    ["lower", [["A", "B"]], ["a", "b"]],
    ["lower", [null], null],
    ["trim", ["  x y\t "], "x y"],
    ["trim", ["\nx\n"], "\nx\n"],
    ["trim", ["**x**", "*"], "x"],
    ["trim", ["host$", "$"], "host"],
    ["ltrim", ["  x  "], "x  "],
    ["rtrim", ["  x  "], "  x"],
    ["rtrim", ["abcba", "ab"], "abc"],
    ["trim", [null], null],
    ["urldecode", ["a%20b+c"], "a b c"],
    ["urldecode", ["%E2%82%AC"], "€"],
    ["urldecode", ["100%"], "100%"],
    ["urldecode", ["%zz"], "%zz"],
    ["urldecode", ["union%20select"], "union select"],
    ["urldecode", [null], null],
  ])("%s(%j) → %j", (name, args, expected) => {
    expect(call(name, ...args)).toEqual(expected);
  });
});

describe("substr", () => {
  it.each<[EvalValue, number, number | undefined, EvalValue]>([
    ["splunk", 1, 3, "spl"],
    ["splunk", 2, undefined, "plunk"],
    ["splunk", 0, 3, "spl"],
    ["splunk", -3, undefined, "unk"],
    ["splunk", -3, 2, "un"],
    ["splunk", -10, 2, "sp"],
    ["splunk", 10, 2, ""],
    ["splunk", 2, 0, ""],
    ["splunk", 2, -1, null],
    ["héllo", 2, 2, "él"],
    [null, 1, 2, null],
    [["abc", "def"], 2, 1, ["b", "e"]],
  ])("substr(%j, %j, %j) → %j", (s, start, len, expected) => {
    const args: EvalValue[] = len === undefined ? [s, start] : [s, start, len];
    expect(call("substr", ...args)).toEqual(expected);
  });
});

describe("replace", () => {
  it.each<[EvalValue, string, string, EvalValue]>([
    ["a-b-c", "-", "+", "a+b+c"],
    ["aaa", "a", "b", "bbb"],
    ["2020-10-08", "(\\d+)-(\\d+)-(\\d+)", "\\3/\\2/\\1", "08/10/2020"],
    ["user@corp", "(?P<u>\\w+)@.*", "\\1", "user"],
    ["price", "p", "$1", "$1rice"],
    ["a.b", "\\.", "\\\\", "a\\b"],
    ["abc", "b", "[\\0]", "a[b]c"],
    ["C:\\Temp\\x.exe", "(.*\\\\)", "", "x.exe"],
    ["WS01\\", "\\\\", "", "WS01"],
    ["ABC", "(?i)b", "-", "A-C"],
    ["a, b, ", ",\\s$", "", "a, b"],
    [["a1", "b2"], "\\d", "#", ["a#", "b#"]],
    [null, "a", "b", null],
  ])("replace(%j, %j, %j) → %j", (s, re, rep, expected) => {
    expect(call("replace", s, re, rep)).toEqual(expected);
  });

  it("gives null for a null pattern or replacement", () => {
    expect(call("replace", "abc", null, "x")).toBeNull();
    expect(call("replace", "abc", "a", null)).toBeNull();
  });
});
