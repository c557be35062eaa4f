/** Informational functions: numeric-looking strings count as numbers (see informational.ts). */
import { describe, expect, it } from "vitest";
import type { EvalValue } from "../../../src/values/value.js";
import { call } from "./call.js";

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
  ])("%s(%j) → %j", (name, arg, expected) => {
    expect(call(name, arg)).toBe(expected);
  });
});
