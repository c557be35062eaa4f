// `.help` wrapped to the terminal width at spaces, never inside a word (issue 11 item 8).
import { describe, expect, it } from "vitest";
import { wordWrap } from "../../../src/repl/word-wrap.js";
import { helpText } from "../../../src/repl/help.js";

describe("wordWrap", () => {
  it("wraps at spaces under the description column of a two-column row", () => {
    const row = "  .help [command|function]  this overview, or the docs and examples of an SPL command";
    expect(wordWrap(row, 60)).toBe([
      "  .help [command|function]  this overview, or the docs and",
      "                            examples of an SPL command",
    ].join("\n"));
    // A column past half the width: continued at the row's indentation instead.
    expect(wordWrap(row, 50).split("\n")[1]).toBe("  docs and examples of an SPL command");
  });

  it("continues a `label: ` line under its text and plain text at its indentation", () => {
    expect(wordWrap("commands: abc def ghi jkl mno pqr stu vwx", 24)).toBe("commands: abc def ghi\n          jkl mno pqr\n          stu vwx");
    expect(wordWrap("    one two three four five six seven eight", 22)).toBe("    one two three four\n    five six seven\n    eight");
  });

  it("never cuts a word, keeps short lines and leaves text alone without a width", () => {
    const long = `x ${"y".repeat(40)} z`;
    expect(wordWrap(long, 20).split("\n")).toEqual(["x", "y".repeat(40), "z"]);
    expect(wordWrap("short\n\nlines", 20)).toBe("short\n\nlines");
    expect(wordWrap(long, Number.POSITIVE_INFINITY)).toBe(long);
  });

  it("wraps .help to the width without breaking a word", () => {
    for (const topic of ["", "stats", "lower"]) {
      const text = helpText(topic, 60);
      const words = new Set(helpText(topic).split(/\s+/));
      for (const line of text.split("\n")) {
        const ws = line.trim().split(/\s+/).filter(Boolean);
        if (ws.length > 1) expect(line.length, line).toBeLessThanOrEqual(60);
        for (const w of ws) expect(words.has(w), `${w} in ${line}`).toBe(true);
      }
    }
  });
});
