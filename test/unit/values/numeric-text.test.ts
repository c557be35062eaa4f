/**
 * numeric-text.ts: the numeric-looking test accepts exactly what the regex it replaces accepted
 * (kept here as the oracle), in linear time.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EventStore, runSearch } from "../../../src/index.js";
import { isNumericText, isSpace } from "../../../src/values/numeric-text.js";
import { parseNumber } from "../../../src/values/value.js";

const OLD = /^\s*[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?\s*$/;

describe("isNumericText", () => {
  it.each<[string, boolean]>([
    ["42", true], [" -4.5e+3 ", true], ["5.", true], [".5", true], [".", false], ["", false], ["+", false],
    ["1e", false], ["1e+", false], ["e5", false], ["0x1f", false], ["1 2", false], ["\u00a01\u3000", true],
    ["Infinity", false], ["1_000", false], ["١٢", false],
  ])("%j → %j", (s, want) => {
    expect(isNumericText(s)).toBe(want);
    expect(OLD.test(s)).toBe(want);
  });

  it("treats as white space exactly the code units JavaScript's \\s matches", () => {
    const wrong: number[] = [];
    for (let c = 0; c < 0x10000; c++) if (isSpace(c) !== /\s/.test(String.fromCharCode(c))) wrong.push(c);
    expect(wrong).toEqual([]);
  });

  it("agrees with the regex on random strings of number-ish characters", () => {
    const chars = ["0", "1", "9", ".", "e", "E", "+", "-", " ", "\t", "\n", "\u00a0", "\ufeff", "x", "٣"];
    const s = fc.array(fc.constantFrom(...chars), { maxLength: 12 }).map((xs) => xs.join(""));
    fc.assert(fc.property(s, (x) => isNumericText(x) === OLD.test(x)), { seed: 20_240_510, numRuns: 5000 });
  });

  it("answers a 100,000-digit value followed by a letter (quadratic for the regex)", () => {
    const digits = "7".repeat(100_000);
    expect(isNumericText(`${digits}x`)).toBe(false);
    expect(isNumericText(`${digits}.${digits}x`)).toBe(false);
    expect(parseNumber(digits)).toBe(Number(digits));
    const r = runSearch(`| makeresults | eval CommandLine="${digits}x" | where CommandLine="abc" OR CommandLine<5 | stats count`, new EventStore(), { now: 1_700_000_000 });
    expect(r.table?.rows()).toEqual([{ count: 0 }]);
  });
});
