/** Multivalue functions: indexes, ranges, lexicographic mvsort, split edge cases. */
import { describe, expect, it } from "vitest";
import type { EvalValue } from "../../../src/values/value.js";
import { call } from "./call.js";

type Row = [string, EvalValue[], EvalValue];
const abc = ["a", "b", "c"];

describe("multivalue functions", () => {
  it.each<Row>([
    ["mvcount", [abc], 3],
    ["mvcount", ["x"], 1],
    ["mvcount", [""], 1],
    ["mvcount", [null], null],
    ["mvindex", [abc, 0], "a"],
    ["mvindex", [abc, 2], "c"],
    ["mvindex", [abc, 3], null],
    ["mvindex", [abc, -1], "c"],
    ["mvindex", [abc, -3], "a"],
    ["mvindex", [abc, -4], null],
    ["mvindex", [abc, 0, 1], ["a", "b"]],
    ["mvindex", [abc, 1, -1], ["b", "c"]],
    ["mvindex", [abc, 1, 1], "b"],
    ["mvindex", [abc, 1, 99], ["b", "c"]],
    ["mvindex", [abc, 2, 1], null],
    ["mvindex", ["solo", 0], "solo"],
    ["mvindex", ["solo", -1], "solo"],
    ["mvindex", [null, 0], null],
    ["mvjoin", [abc, ", "], "a, b, c"],
    ["mvjoin", ["x", ","], "x"],
    ["mvjoin", [[1, 2], "+"], "1+2"],
    ["mvjoin", [null, ","], null],
    ["mvappend", ["a", null, ["b", "c"], "d"], ["a", "b", "c", "d"]],
    ["mvappend", [null, "a"], "a"],
    ["mvappend", [null, null], null],
    ["mvdedup", [["b", "a", "b", "a", "c"]], ["b", "a", "c"]],
    ["mvdedup", [["x", "x"]], "x"],
    ["mvdedup", [null], null],
    ["mvfind", [["ab", "cd", "ce"], "^c"], 1],
    ["mvfind", [abc, "z"], null],
    ["mvfind", [["Role.TemplateId", "Role.DisplayName"], "Role\\.DisplayName"], 1],
    ["mvfind", [null, "x"], null],
    ["mvsort", [["b", "B", "a", "10", "9"]], ["10", "9", "B", "a", "b"]],
    ["mvsort", [[3, 20, 100]], [100, 20, 3]],
    ["mvsort", [null], null],
    ["mvzip", [["a", "b", "c"], ["1", "2"]], ["a,1", "b,2"]],
    ["mvzip", [abc, ["1", "2", "3"], "="], ["a=1", "b=2", "c=3"]],
    ["mvzip", ["x", "y"], "x,y"],
    ["mvzip", [null, "y"], null],
    ["mvrange", [1, 5], [1, 2, 3, 4]],
    ["mvrange", [1, 11, 2], [1, 3, 5, 7, 9]],
    ["mvrange", [0, 1.5, 0.5], [0, 0.5, 1]],
    ["mvrange", [0, 172800, "1d"], [0, 86400]],
    ["mvrange", [5, 1], null],
    ["mvrange", [1, 5, 0], null],
    ["mvrange", [1, 5, -1], null],
    ["mvrange", [0, 100000], Array.from({ length: 100000 }, (_, i) => i)],
    ["split", ["a,b,c", ","], ["a", "b", "c"]],
    ["split", ["a,,b,", ","], ["a", "", "b", ""]],
    ["split", ["abc", ","], "abc"],
    ["split", ["abc", ""], ["a", "b", "c"]],
    ["split", ["a::b", "::"], ["a", "b"]],
    ["split", ["C:\\Windows\\cmd.exe", "\\"], ["C:", "Windows", "cmd.exe"]],
    ["split", [["a,b", "c"], ","], ["a", "b", "c"]],
    ["split", [null, ","], null],
  ])("%s(%j) → %j", (name, args, expected) => {
    expect(call(name, ...args)).toEqual(expected);
  });

  it("mvrange past 100,000 values is a value-too-large error (the evaluator makes it a warning and null)", () => {
    expect(() => call("mvrange", 0, 100001)).toThrow("the range of 100,001 values would be larger than 100,000 values");
  });
});
