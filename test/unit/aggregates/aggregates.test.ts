/** Aggregate semantics: values() byte order (spl-semantics §2.2), min/max mixing, moments, interpolated percentiles, time order, rate. */
import { describe, expect, it } from "vitest";
import type { Value } from "../../../src/values/value.js";
import { agg } from "./run.js";

type Row = [string, Value[], Value];

describe("counting", () => {
  it.each<Row>([
    ["count", ["a", null, "b"], 2],
    ["count", [["a", "b"], "c"], 3],
    ["c", ["a"], 1],
    ["count", [], 0],
    ["dc", ["a", "b", "a", "A"], 3],
    ["dc", [1, "1", 1.0, "1.0"], 2],
    ["dc", [], 0],
    ["distinct_count", [["x", "y"], "x"], 2],
    ["estdc", ["a", "b", "a"], 2],
    ["mode", ["a", "b", "b"], "b"],
    ["mode", ["x", "y", "y", "x"], "x"],
    ["mode", [1, "1", 2], 1],
    ["mode", [], null],
  ])("%s(%j) → %j", (name, input, expected) => {
    expect(agg(name, input)).toEqual(expected);
  });
});

describe("values and list (spl-semantics §2.2)", () => {
  it.each<Row>([
    ["values", ["b", "B", "a", "10", "9"], ["10", "9", "B", "a", "b"]],
    ["values", ["10", "9", "70", "100"], ["10", "100", "70", "9"]],
    ["values", [3, "3", 20], ["20", "3"]],
    ["values", [["x", "y"], "x", null], ["x", "y"]],
    ["values", ["only", "only"], "only"],
    ["values", [], null],
    ["values", ["é", "z", "É", "Z"], ["Z", "z", "É", "é"]],
    ["list", ["b", "a", "b"], ["b", "a", "b"]],
    ["list", [1, null, "x"], [1, "x"]],
    ["list", ["one"], "one"],
    ["list", [], null],
  ])("%s(%j) → %j", (name, input, expected) => {
    expect(agg(name, input)).toEqual(expected);
  });

  it("list keeps only the first 100 values", () => {
    const input = Array.from({ length: 150 }, (_, i) => i);
    expect(agg("list", input)).toEqual(input.slice(0, 100));
  });
});

describe("min, max, range", () => {
  it.each<Row>([
    ["min", [5, "3", 10], 3],
    ["min", ["10", "9"], 9],
    ["min", ["b", "a", "c"], "a"],
    ["min", ["b", 7, "a"], 7],
    ["min", ["-1.5", "2e3"], -1.5],
    ["min", [], null],
    ["max", [5, "30", 10], 30],
    ["max", ["10", "9"], 10],
    ["max", ["b", "a", "c"], "c"],
    ["max", ["B", "a"], "a"],
    ["max", [["1", "99"], "5"], 99],
    ["max", [1602155026.615, 1602155020], 1602155026.615],
    ["range", [5, 1, 9], 8],
    ["range", ["x"], null],
    ["range", [4], 0],
  ])("%s(%j) → %j", (name, input, expected) => {
    expect(agg(name, input)).toEqual(expected);
  });
});

describe("sums and moments", () => {
  it.each<Row>([
    ["sum", [1, "2", 3.5, "x", null], 6.5],
    ["sum", ["x"], null],
    ["sum", [], null],
    ["sumsq", [1, 2, 3], 14],
    ["avg", [1, 2, 6], 3],
    ["mean", [1, 2], 1.5],
    ["avg", ["a"], null],
    ["avg", Array.from({ length: 100 }, () => 3.99), 3.9900000000000055],
    ["var", [2, 4, 4, 4, 5, 5, 7, 9], 32 / 7],
    ["varp", [2, 4, 4, 4, 5, 5, 7, 9], 4],
    ["stdevp", [2, 4, 4, 4, 5, 5, 7, 9], 2],
    ["stdev", [1, 3], Math.SQRT2],
    ["stdev", [5], 0],
    ["stdevp", [5], 0],
    ["stdev", [], null],
    ["stdev", [1e9 + 1, 1e9 + 3], Math.SQRT2],
  ])("%s(%j) → %j", (name, input, expected) => {
    const got = agg(name, input);
    if (typeof expected === "number") expect(got).toBeCloseTo(expected, 12);
    else expect(got).toEqual(expected);
  });
});

describe("percentiles (Aggregate functions: interpolated at rank X/100 × (n−1); median the higher middle)", () => {
  const ten = [10, 1, 9, 2, 8, 3, 7, 4, 6, 5];
  it.each<Row>([
    ["median", [4, 1, 3, 2], 3],
    ["median", [5, 1, 3], 3],
    ["median", [37, 58, 8, 34, 13, 74, 38], 37],
    ["median", ["2", "x", 1], 2],
    ["median", [], null],
    ["perc50", ten, 5.5],
    ["p50", ten, 5.5],
    ["percentile50", ten, 5.5],
    ["perc95", ten, 9.55],
    ["p90", ten, 9.1],
    ["p10", ten, 1.9],
    ["p0", ten, 1],
    ["p100", ten, 10],
    ["p99.9", ten, 9.991],
    ["perc50", [0, 212, 579, 1068, 1692, 2301, 2793, 3306, 3673, 4010], 1996.5],
    ["perc95", [0, 212, 579, 1068, 1692, 2301, 2793, 3306, 3673, 4010], 3858.35],
    ["exactperc25", [4, 1, 3, 2], 1.75],
    ["upperperc75", [4, 1, 3, 2], 3.25],
    ["perc50", [7], 7],
    ["perc95", ["x"], null],
  ])("%s(%j) → %j", (name, input, expected) => {
    expect(agg(name, input)).toEqual(expected);
  });
});

describe("estdc_error and rate", () => {
  it("estdc_error is 0: estdc is the exact count", () => {
    expect(agg("estdc_error", ["a", "b", "a"])).toBe(0);
    expect(agg("estdc_error", [])).toBeNull();
  });
  it("rate is (latest - earliest) / (latest_time - earliest_time), resets counted from 0", () => {
    expect(agg("rate", [250, 100, 700], [300, 0, 600])).toBe(1);
    expect(agg("rate", [100, 160, 40], [0, 10, 20])).toBe(5);
    expect(agg("rate", [100], [0])).toBeNull();
    expect(agg("rate", [100, 200], [5, 5])).toBeNull();
  });
});

describe("min and max of mixed values (numbers sort before strings)", () => {
  it.each<Row>([
    ["min", ["1", "c", "a", "2", "100", "b", "4", "9"], 1],
    ["max", ["1", "c", "a", "2", "100", "b", "4", "9"], "c"],
    ["max", ["10", "9", "70", "100"], 100],
  ])("%s(%j) → %j", (name, input, expected) => {
    expect(agg(name, input)).toEqual(expected);
  });
});

describe("first, last, earliest, latest", () => {
  const input: Value[] = ["late", "early", "middle", null];
  const times = [300, 100, 200, 50];
  it.each<[string, Value]>([
    ["first", "late"],
    ["last", "middle"],
    ["earliest", "early"],
    ["latest", "late"],
    ["earliest_time", 100],
    ["latest_time", 300],
  ])("%s → %j", (name, expected) => {
    expect(agg(name, input, times)).toEqual(expected);
  });

  it("keeps the first value seen on equal times", () => {
    expect(agg("earliest", ["a", "b"], [5, 5])).toBe("a");
    expect(agg("latest", ["a", "b"], [5, 5])).toBe("a");
  });

  it.each(["first", "last", "earliest", "latest", "earliest_time", "latest_time"])("%s of nothing is null", (name) => {
    expect(agg(name, [null, null])).toBeNull();
  });

  it("adds the values of a multivalue entry at the entry's time", () => {
    expect(agg("latest", [["a", "b"], "c"], [9, 1])).toBe("a");
    expect(agg("last", [["a", "b"]])).toBe("b");
  });
});
