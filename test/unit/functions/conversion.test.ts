/** tostring formats, tonumber bases, printf conversions and ipmask. */
import { describe, expect, it } from "vitest";
import type { EvalValue } from "../../../src/values/value.js";
import { call } from "./call.js";

type Row = [EvalValue[], EvalValue];

describe("tostring", () => {
  it.each<Row>([
    [[12], "12"],
    [[1.5], "1.5"],
    // A double prints in its shortest round-trip form (values/value.ts formatNumber); in a search,
    // `tostring(0.1 + 0.2)` is "0.3" because eval rounds the sum to one decimal first
    // (values/numeric-precision.ts, test/cases/numbers).
    [[0.1 + 0.2], "0.30000000000000004"],
    [["abc"], "abc"],
    [[true], "True"],
    [[false], "False"],
    [[null], null],
    [[[1, 2]], ["1", "2"]],
    [[15, "hex"], "0xF"],
    [[255.9, "hex"], "0xFF"],
    [["16", "hex"], "0x10"],
    [[-1, "hex"], "-0x1"],
    [[12345.6789, "commas"], "12,345.68"],
    [[1234567, "commas"], "1,234,567"],
    [[1234.5, "commas"], "1,234.50"],
    [[-9876543.21, "commas"], "-9,876,543.21"],
    [[615, "duration"], "00:10:15"],
    [[86400 + 3661, "duration"], "1+01:01:01"],
    [[0, "duration"], "00:00:00"],
    [[1.5, "duration"], "00:00:01.5"],
    [["1.500", "duration"], "00:00:01.500"],
    [[12304.405999898911, "duration"], "03:25:04.406"],
    [["0.0000004", "duration"], "00:00:00.000000"],
    [[-0.0000001, "duration"], "00:00:00"],
    [["1e3", "duration"], "00:16:40"],
    [[-61, "duration"], "-00:01:01"],
    [["abc", "hex"], "abc"], // "the format argument … is only used when the value argument is a number"
    [[15, "bogus"], null],
  ])("tostring(%j) → %j", (args, expected) => {
    expect(call("tostring", ...args)).toEqual(expected);
  });
});

describe("tonumber", () => {
  it.each<Row>([
    [["42"], 42],
    // "if the value contains a leading and trailing space, the function returns NULL" (Conversion functions).
    [[" 42 "], null],
    [["-1.5e3"], -1500],
    [[7], 7],
    [["abc"], null],
    [["0x1F"], null],
    [["0A4", 16], 164],
    [["0x1F", 16], 31],
    [["-ff", 16], -255],
    [["1011", 2], 11],
    [["12", 2], null],
    [["zz", 36], 1295],
    [["1", 37], null],
    [[null], null],
    [[["1", "x", "3"]], [1, 3]],
  ])("tonumber(%j) → %j", (args, expected) => {
    expect(call("tonumber", ...args)).toEqual(expected);
  });
});

describe("printf", () => {
  it.each<Row>([
    [["%d items", 3], "3 items"],
    [["%5d|%-5d|%05d", 42, 42, 42], "   42|42   |00042"],
    [["%+d % d", 5, 5], "+5  5"],
    [["%.3f", 3.14159], "3.142"],
    [["%8.2f|", -3.14159], "   -3.14|"],
    [["%x %X %#x %o", 255, 255, 255, 8], "ff FF 0xff 10"],
    [["%e", 12345.678], "1.234568e+04"],
    [["%g %g", 0.0001, 123456789], "0.0001 1.23457e+08"],
    [["%s and %s", "a", "b"], "a and b"],
    [["%.2s", "abcdef"], "ab"],
    [["%c%c", 65, "bc"], "Ab"],
    [["100%%"], "100%"],
    [["%'d", 1234567], "1,234,567"],
    [["%*d", 4, 7], "   7"],
    [["%s|%s", "only"], "only|"],
    [["%d", "abc"], "0"],
    [["%d", 3.9], "3"],
    [[null, 1], null],
  ])("printf(%j) → %j", (args, expected) => {
    expect(call("printf", ...args)).toEqual(expected);
  });
});

describe("ipmask", () => {
  it.each<Row>([
    [["255.255.255.0", "10.20.30.120"], "10.20.30.0"],
    [["0.255.0.224", "10.20.30.120"], "0.20.0.96"],
    [["255.255.255.0", "::1"], null],
    [["255.255.255.0", null], null],
  ])("ipmask(%j) → %j", (args, expected) => {
    expect(call("ipmask", ...args)).toEqual(expected);
  });
});
