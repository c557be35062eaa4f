// Splunk's lexicographic order is UTF-8 byte order (SPL2 Search Manual, "Lexicographical order":
// "sorts items based on the values used to encode the items in computer memory. In Splunk
// software, this is almost always UTF-8 encoding"). compareLexical against the bytes themselves.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compareLexical } from "../../../src/values/value.js";

const sign = (n: number): number => Math.sign(n);
const utf8Order = (a: string, b: string): number => sign(Buffer.compare(Buffer.from(a, "utf8"), Buffer.from(b, "utf8")));

describe("compareLexical", () => {
  it("orders well-formed strings as their UTF-8 bytes", () => {
    // Mixed ASCII, U+E000–U+FFFF and characters above U+FFFF: where UTF-16 units disagree with bytes.
    const unit = fc.constantFrom("a", "z", "é", "中", "\ue000", "\uf8ff", "\uffef", "😀", "𝄞", "\u{10ffff}");
    const text = fc.array(unit, { maxLength: 6 }).map((xs) => xs.join(""));
    fc.assert(fc.property(text, text, (a, b) => {
      expect(sign(compareLexical(a, b))).toBe(utf8Order(a, b));
    }), { numRuns: 2000 });
    fc.assert(fc.property(fc.string({ unit: "grapheme" }), fc.string({ unit: "grapheme" }), (a, b) => {
      expect(sign(compareLexical(a, b))).toBe(utf8Order(a, b));
    }));
  });

  it.each([
    // [a, b, expected]: what UTF-16 unit order gets wrong, then lone surrogates as their own code points.
    ["😀", "\uffff", 1],
    ["x😀", "x\ue000", 1],
    ["\ue000", "𝄞", -1],
    ["😀", "😁", -1],
    ["\ud800", "\ue000", -1],
    ["\ud83dx", "😀", -1],
    ["\ud83d", "😀", -1],
    ["abc", "abd", -1],
    ["ab", "abc", -1],
    ["", "", 0],
    ["\uffff", "\uffff", 0],
  ] as const)("%j vs %j is %i", (a, b, want) => {
    expect(sign(compareLexical(a, b))).toBe(want);
    expect(sign(compareLexical(b, a))).toBe(-want || 0);
  });
});
