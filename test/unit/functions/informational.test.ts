/** Informational functions: numeric-looking strings count as numbers (see informational.ts). */
import { describe, expect, it } from "vitest";
import type { EvalValue } from "../../../src/values/value.js";
import { call, callWritten } from "./call.js";

describe("informational functions", () => {
  it.each<[string, EvalValue, EvalValue]>([
    ["isnull", null, true],
    ["isnull", "", false],
    ["isnull", ["a", "b"], false],
    ["isnotnull", "", true],
    ["isnotnull", 0, true],
    ["isnotnull", null, false],
    ["isnum", 1, true],
    ["isnum", "1.5", true],
    ["isnum", "-2e3", true],
    ["isnum", "0x1F", false],
    ["isnum", "abc", false],
    ["isnum", null, false],
    ["isnum", true, false],
    ["isnum", ["1", "a"], true],
    ["isint", 3, true],
    ["isint", "3", true],
    ["isint", 3.5, false],
    ["isint", "abc", false],
    ["isint", null, false],
    ["isstr", "abc", true],
    ["isstr", "12", false],
    ["isstr", 12, false],
    ["isstr", null, false],
    ["isbool", false, true],
    ["isbool", "false", false],
    ["isbool", null, false],
    ["typeof", 1, "Number"],
    ["typeof", "1", "Number"],
    ["typeof", "x", "String"],
    ["typeof", true, "Bool"],
    ["typeof", null, "Invalid"],
    ["typeof", ["a", "b"], "Multivalue"],
    // A field's "NaN" and a numeric NaN are numbers and strings at once (page: "Using isnum in
    // searches with NaN"); a quoted literal is typed by `specialize` (below).
    ["isnum", "NaN", true],
    ["isnum", " nan ", true],
    ["isnum", Number.NaN, true],
    ["isstr", "NaN", true],
    ["isstr", Number.NaN, true],
    ["isstr", 1.5, false],
    ["typeof", "NaN", "Number"],
    ["isint", "NaN", false],
  ])("%s(%j) → %j", (name, arg, expected) => {
    expect(call(name, arg)).toBe(expected);
  });
});

describe("a quoted literal argument is a String", () => {
  it.each<[string, string | number, EvalValue]>([
    ["typeof", "5", "String"], ["typeof", "NaN", "String"], ["typeof", 5, "Number"],
    ["isnum", "5", false], ["isnum", "NaN", false], ["isnum", 5, true],
    ["isstr", "5", true], ["isstr", 5, false],
    ["isint", "5", false], ["isint", 5, true],
    ["isdouble", "5.5", false], ["isdouble", 5.5, true],
  ])("%s(%j written) → %j", (name, arg, expected) => {
    expect(callWritten(name, arg)).toBe(expected);
  });
});
