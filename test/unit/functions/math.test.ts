/** Math, statistical and trig eval functions: NaN/Infinity become null, round() rounds its decimal text, a half up. */
import { describe, expect, it } from "vitest";
import type { EvalValue } from "../../../src/values/value.js";
import { call } from "./call.js";

type Row = [string, EvalValue[], EvalValue];

describe("math functions", () => {
  it.each<Row>([
    ["abs", [-3.5], 3.5],
    ["abs", ["-4"], 4],
    ["abs", ["abc"], null],
    ["abs", [null], null],
    ["abs", [["-1", "2", "x"]], [1, 2]],
    ["ceil", [1.01], 2],
    ["ceiling", [-1.5], -1],
    ["floor", [-1.5], -2],
    ["sqrt", [16], 4],
    ["sqrt", [-1], null],
    ["exp", [1], Math.E],
    ["ln", [Math.E], 1],
    ["ln", [0], null],
    ["log", [1000], 3],
    ["log", [8, 2], 3],
    ["log", [-1], null],
    ["log", [8, 1], null],
    ["pow", [2, 0.5], Math.SQRT2],
    ["pow", [10, 3], 1000],
    ["pow", [10, 400], null],
    ["pow", ["x", 2], null],
    ["pi", [], Math.PI],
    ["sigfig", [1.23456], 1.23456],
    ["exact", [0.1], 0.1],
  ])("%s(%j) → %j", (name, args, expected) => {
    expect(call(name, ...args)).toEqual(expected);
  });
});

describe("round", () => {
  it.each<[EvalValue, EvalValue, EvalValue]>([
    [3.14159, 2, 3.14],
    [3.5, undefined as unknown as EvalValue, 4],
    // A tie goes towards +∞, as Splunk 8.2.2 rounds -4.5 to -4 (values/numeric-round.ts).
    [-3.5, 0, -3],
    [-4.51, 0, -5],
    [2.675, 2, 2.68],
    // On the decimal text, as the doc's round(2.555, 2) → 2.56 (2.555 is 2.55499… in binary).
    [2.555, 2, 2.56],
    [1.005, 2, 1.01],
    // "You cannot specify a negative number for the decimal places."
    [1234.5678, -2, null],
    ["7.25", 1, 7.3],
    [null, 2, null],
    [5, "x", null],
    [[1.26, 2.24], 1, [1.3, 2.2]],
  ])("round(%j, %j) → %j", (n, d, expected) => {
    const args = d === undefined ? [n] : [n, d];
    expect(call("round", ...args)).toEqual(expected);
  });
});

describe("min, max, avg (eval)", () => {
  it.each<Row>([
    ["min", [3, 1, 2], 1],
    ["min", ["10", "9"], 9],
    ["min", [3, "abc"], 3],
    ["min", ["b", "a", "B"], "B"],
    ["min", [["5", "2"], 4], 2],
    ["min", [null, 4], 4],
    ["min", [null], null],
    ["max", [1, 3, 2], 3],
    ["max", [1, 3, 6, 7, "foo", "baz"], "foo"],
    ["max", [1, "zaz", "foo"], "zaz"],
    ["max", [["1", "6", "3"]], 6],
    ["max", [null], null],
    ["avg", [1, "2", "x", null], 1.5],
    ["avg", ["x"], null],
  ])("%s(%j) → %j", (name, args, expected) => {
    expect(call(name, ...args)).toEqual(expected);
  });
});

describe("random", () => {
  it("returns an integer in [0, 2^31)", () => {
    for (let i = 0; i < 50; i++) {
      const r = call("random") as number;
      expect(Number.isInteger(r) && r >= 0 && r < 2 ** 31).toBe(true);
    }
  });
});

describe("trig functions", () => {
  it.each<Row>([
    ["cos", [Math.PI], -1],
    ["sin", [Math.PI / 2], 1],
    ["atan2", [1, 1], Math.PI / 4],
    ["hypot", [5, 12], 13],
    ["acos", [2], null],
    ["atanh", [1], null],
    ["tan", [null], null],
  ])("%s(%j) → %j", (name, args, expected) => {
    expect(call(name, ...args)).toEqual(expected);
  });
});
