/**
 * Edge cases of the functions added for the 10.0 quick reference that the golden cases (which
 * follow the doc's examples) do not reach: bit ranges, %a rounding, JSON edits that do not fit
 * the document, dynamic eval targets, and the unsupported-function path.
 */
import { describe, expect, it } from "vitest";
import { EventStore, runSearch } from "../../../src/index.js";
import { FUNCTIONS } from "../../../src/functions/registry.js";
import { unsupportedFunctions } from "../../../src/functions/unsupported.js";
import { commandNames } from "../../../src/functions/multivalue-more.js";
import { call as f } from "./call.js";

function rows(q: string): unknown {
  const r = runSearch(q, new EventStore(), { now: 1_700_000_000, tz: "UTC" });
  const errors = r.diagnostics.filter((d) => d.severity === "error");
  return errors.length > 0 ? errors.map((d) => d.code) : r.table?.rows();
}

describe("bitwise", () => {
  it.each([
    ["bit_and", [7, -1], null], ["bit_or", [1.5, 1], null], ["bit_xor", [2 ** 53, 1], null],
    ["bit_and", [15, 9, 3], 1], ["bit_or", [1, 2, 4, "8"], 15], ["bit_xor", [1, 1, 1], 1],
    ["bit_not", [0], 2 ** 53 - 1], ["bit_not", [0, -1], null],
    ["bit_shift_left", [2 ** 52, 1], 0], ["bit_shift_right", [1, 53], 0], ["bit_shift_right", [8, 0], 8],
  ] as const)("%s(%j) → %j", (name, args, want) => {
    expect(f(name, ...args)).toEqual(want);
  });
});

describe("printf %a", () => {
  it.each([
    ["%a", 1, "0x1p+0"], ["%a", 0.5, "0x1p-1"], ["%A", 255, "0X1.FEP+7"], ["%a", 0, "0x0p+0"],
    ["%.0a", 1.9, "0x2p+0"], ["%.1a", 1.96875, "0x2.0p+0"], ["%a", -2, "-0x1p+1"], ["%.2a", 1, "0x1.00p+0"],
    ["%a", 5e-324, "0x0.0000000000001p-1022"],
  ] as const)("printf(%j, %j) → %j", (format, n, want) => {
    expect(f("printf", format, n)).toBe(want);
  });
});

describe("JSON edits", () => {
  it("json_append/json_extend ignore a path that selects nothing and give null for a non-document", () => {
    expect(f("json_append", '{"a":[1]}', "b", 2)).toBe('{"a":[1]}');
    expect(f("json_extend", '{"a":[1]}', "a", "not an array")).toBe('{"a":[1]}');
    expect(f("json_append", "plain text", "a", 1)).toBeNull();
  });
  it("json_set creates the chain of keys but not array elements", () => {
    expect(f("json_set", "{}", "a.b.c", "x")).toBe('{"a":{"b":{"c":"x"}}}');
    expect(f("json_set", '{"l":[1]}', "l{5}", 2)).toBe('{"l":[1]}');
  });
  it("json_delete on something that is not an object is null; a missing key changes nothing", () => {
    expect(f("json_delete", "[1,2]", "a")).toBeNull();
    expect(f("json_delete", '{"a":1}', "b.c")).toBe('{"a":1}');
  });
});

describe("commands()", () => {
  it("lists top-level commands, ignoring pipes in quotes and subsearches", () => {
    expect(commandNames('index=main "a|b" | eval x="|" | append [search y | head 1] | stats count')).toEqual(["search", "eval", "append", "stats"]);
  });
});

describe("eval {field}", () => {
  it("names the target per result, and a multi-part name joins the values", () => {
    expect(rows('| makeresults count=2 | streamstats count AS i | eval k=if(i==1, "a", "b") | eval {k}_{i}=i*10 | table a_1 b_2')).toEqual([{ a_1: 10 }, { b_2: 20 }]);
  });
  it("overwrites an existing field only in the results that name it", () => {
    expect(rows('| makeresults count=2 | streamstats count AS i | eval x="old", k=if(i==1, "x", "y") | eval {k}="new" | table x y')).toEqual([{ x: "new" }, { x: "old", y: "new" }]);
  });
});

describe("unsupported functions", () => {
  it("every listed function has a reason and is not also registered", () => {
    for (const [name, reason] of unsupportedFunctions()) {
      expect(reason.length, name).toBeGreaterThan(0);
      expect(FUNCTIONS.has(name), name).toBe(false);
    }
  });
  it("an unknown name is still 'unknown-function' (with a did-you-mean), not unsupported", () => {
    expect(rows("| makeresults | eval x=bit_nand(1, 2)")).toEqual(["unknown-function"]);
  });
});
