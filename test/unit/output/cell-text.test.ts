/** Cell text: line breaks folded in linear time, exactly as the regex the printers used did. */
import { describe, expect, it } from "vitest";
import { cellText, clip, oneLine } from "../../../src/output/cell-text.js";

describe("oneLine", () => {
  it("folds every blank run holding a line break into one space and leaves the rest", () => {
    expect(oneLine("a\n  b")).toBe("a b");
    expect(oneLine("a \t\r\n \n b  c")).toBe("a b  c");
    expect(oneLine("no break\there")).toBe("no break\there");
    expect(oneLine("\nedge\n")).toBe(" edge ");
  });

  it("agrees with /\\s*[\\r\\n]+\\s*/g on random text", () => {
    const pieces = ["a", " ", "  ", "\t", "\n", "\r", "\r\n", "\u00a0", "\u2028", "x", "|"];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff);
    for (let k = 0; k < 5000; k++) {
      let s = "";
      for (let i = next() % 12; i > 0; i--) s += pieces[next() % pieces.length];
      expect(oneLine(s)).toBe(s.replace(/\s*[\r\n]+\s*/g, " "));
    }
  });

  // The timeout is the hang guard, not a speed target: the regex rescanned the blank run from each
  // of its positions (quadratic: ~1 s at 40,000 blanks, ~10 min at 1,000,000); oneLine is linear.
  it("takes linear time on a long blank run beside a line break", { timeout: 30_000 }, () => {
    const s = `${" ".repeat(1_000_000)}x\n`;
    expect(oneLine(s)).toBe(`${" ".repeat(1_000_000)}x `);
  });
});

describe("cellText and clip", () => {
  it("joins multivalue fields and shows null as nothing", () => {
    expect(cellText(["a", 2.5], " | ")).toBe("a | 2.5");
    expect(cellText(null, ",")).toBe("");
  });

  it("clips with an ellipsis", () => {
    expect(clip("abcdef", 4)).toBe("abc…");
    expect(clip("abc", 4)).toBe("abc");
  });
});
