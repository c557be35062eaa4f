/** The precision eval carries beside a number (values/numeric-precision.ts) and how numbers print. */
import { describe, expect, it } from "vitest";
import {
  combineLsd, decimalExponent, EXACT, FROM_VALUE, lsdOfText, lsdOfValue, roundToLsd, settleNumber, storedNumber,
} from "../../../src/values/numeric-precision.js";
import { roundDecimal } from "../../../src/values/numeric-round.js";
import { formatNumber } from "../../../src/values/value.js";

describe("lsdOfText: the last significant digit of a written number", () => {
  it.each<[string, number]>([
    ["8.250", -3], ["0.2", -1], ["0.20", -2], ["1.00", -2], ["123.0", -1], ["5.", 0],
    ["1.5e3", 2], ["2.5E-3", -4], ["-0.014", -3], [".5", -1],
    ["1111", EXACT], ["1e3", EXACT], ["-7", EXACT], ["1e-7", -7],
  ])("%s → %s", (s, lsd) => expect(lsdOfText(s)).toBe(lsd));
});

describe("lsdOfValue: a field's value, by its text", () => {
  it.each<[unknown, number]>([
    [0.014, -3], [3.990000000000215, -15], [1e-7, -7], [1.5e-7, -8], [0.1 + 0.2, -17], [1e21 + 0.5, EXACT], [42, EXACT], ["0.230", -3], ["17", EXACT],
    [["0.5", "1.25"], -1], [null, EXACT], [Number.POSITIVE_INFINITY, EXACT],
  ])("%j → %s", (v, lsd) => expect(lsdOfValue(v)).toBe(lsd));
});

describe("decimalExponent", () => {
  it.each<[number, number]>([[1000, 3], [999.999, 2], [0.001, -3], [0.00099, -4], [1, 0], [-25, 1], [1e-7, -7]])(
    "%s → %s", (x, e) => expect(decimalExponent(x)).toBe(e),
  );
});

describe("combineLsd: the precision of an arithmetic result", () => {
  it("* and / keep the fewer significant figures (8.250 × 0.20 has 2)", () => {
    expect(combineLsd("*", 8.25 * 0.2, 8.25, -3, 0.2, -2)).toBe(-1);
    expect(combineLsd("/", 1.65, 3.3, -1, 2, EXACT)).toBe(-1);
  });
  it("+ and - keep the coarser last digit (123.0 + 4.567 → one decimal)", () => {
    expect(combineLsd("+", 127.567, 123, -1, 4.567, -3)).toBe(-1);
    expect(combineLsd("-", 0.75, 1, EXACT, 0.25, -2)).toBe(-2);
  });
  it("integers do not limit precision; two integers are exact", () => {
    expect(combineLsd("*", 2 * 1111, 2, EXACT, 1111, EXACT)).toBe(EXACT);
    expect(combineLsd("*", 1111, 1.0, -2, 1111, EXACT)).toBe(1); // 1.00 × 1111: 3 significant figures
  });
  it("FROM_VALUE reads an operand's text", () => {
    expect(combineLsd("*", 0.014 * 0.23, 0.014, FROM_VALUE, "0.23", FROM_VALUE)).toBe(-4);
  });
});

describe("settleNumber: the value eval stores", () => {
  it.each<[number, number, number]>([
    [1.6500000000000001, 0, 2], [1.6500000000000001, -1, 1.7], [1.6500000000000001, -2, 1.65],
    [0.30000000000000004, -1, 0.3], [0.00322, -4, 0.0032],
    [1111, 1, 1111], // never into integer digits: the doc's 1.00*1111 → 1111
    [2150.4, 1, 2150], [3.3333333333333335, EXACT, 3.3333333333333335], [0.1, FROM_VALUE, 0.1],
  ])("%s at %s → %s", (v, lsd, out) => expect(settleNumber(v, lsd)).toBe(out));
});

describe("storedNumber: trailing zeros of the precision kept as text", () => {
  it.each<[number, number, number | string]>([
    [1.6500000000000001, -3, "1.650"], // the eval page's exact=1.650
    [1.6500000000000001, -2, 1.65], [1.6500000000000001, 0, 2], [5, -1, "5.0"], [21.98, -1, "22.0"],
    [-1.5, -2, "-1.50"], [-0.001, -2, "0.00"], [0, -1, "0.0"], [0.0032, -4, 0.0032], [0.003, -4, "0.0030"],
    [1111, 1, 1111], [2150.4, 1, 2150], [3.99, EXACT, 3.99], [0.1, FROM_VALUE, 0.1],
    [Number.NaN, -2, Number.NaN], [Number.POSITIVE_INFINITY, -1, Number.POSITIVE_INFINITY],
    [1e17, -2, 1e17], // no digits left below 2^53 units: the number itself
  ])("%s at %s → %j", (v, lsd, out) => expect(storedNumber(v, lsd)).toBe(out));
  it("reads back as the number it stands for, with its precision", () => {
    const t = storedNumber(8.25 * 0.2, -3) as string;
    expect([Number(t), lsdOfText(t)]).toEqual([1.65, -3]);
  });
});

describe("roundToLsd: sigfig()", () => {
  it.each<[number, number, number]>([
    [1111, 1, 1110], [127.567, -1, 127.6], [3.990000000000215, -2, 3.99], [1550, 2, 1600], [-1550, 2, -1600],
    [42.5, EXACT, 42.5],
  ])("%s at %s → %s", (v, lsd, out) => expect(roundToLsd(v, lsd)).toBe(out));
});

describe("roundDecimal: round() on the decimal digits", () => {
  it.each<[number, number, number]>([
    [3.5, 0, 4], [2.555, 2, 2.56], [1.005, 2, 1.01], [-4.5, 0, -4], [-4.51, 0, -5], [-2.555, 2, -2.55],
    [0.0004, 2, 0], [-0.004, 2, 0], [1e-7, 3, 0], [9.995, 2, 10], [123456.789, 1, 123456.8], [7, 3, 7],
    [1.23456789012345678, 17, 1.2345678901234568],
  ])("round(%s, %s) → %s", (v, d, out) => expect(roundDecimal(v, d)).toBe(out));
  it("never gives -0", () => expect(Object.is(roundDecimal(-0.4, 0), 0)).toBe(true));
});

describe("formatNumber: the shortest round-trip form", () => {
  it.each<[number, string]>([
    [3.9900000000000055, "3.9900000000000055"], [3.990000000000215, "3.990000000000215"],
    [9007199254740992, "9007199254740992"], [1.65, "1.65"], [-0, "0"],
    [Number.NaN, "nan"], [Number.POSITIVE_INFINITY, "inf"], [Number.NEGATIVE_INFINITY, "-inf"],
  ])("%s → %s", (n, s) => expect(formatNumber(n)).toBe(s));
});
