/**
 * Numbers as the printers write them (values/value.ts formatNumber): the shortest round-trip form
 * everywhere, and NaN/±Infinity as eval's "Numeric calculations" says they are represented in
 * results: "nan", "inf", "-inf" (JSON has no such numbers, so they are written as that text).
 */
import { describe, expect, it } from "vitest";
import { cellText, jsonRow } from "../../../src/output/format.js";
import { Table } from "../../../src/table/table.js";

describe("numbers in output", () => {
  const t = Table.fromRows([{ a: 3.9900000000000055, b: Number.POSITIVE_INFINITY, c: [1.5, Number.NEGATIVE_INFINITY], d: Number.NaN }]);
  it("text and CSV cells print the shortest round-trip form and inf/-inf/nan", () => {
    expect(cellText(3.9900000000000055, "\n")).toBe("3.9900000000000055");
    expect(cellText(Number.POSITIVE_INFINITY, "\n")).toBe("inf");
    expect(cellText([1.5, Number.NEGATIVE_INFINITY], ",")).toBe("1.5,-inf");
    expect(cellText(Number.NaN, "\n")).toBe("nan");
  });
  it("JSON rows keep finite numbers and write the others as text", () => {
    expect(JSON.stringify(jsonRow(t, 0))).toBe('{"a":3.9900000000000055,"b":"inf","c":[1.5,"-inf"],"d":"nan"}');
  });
});
