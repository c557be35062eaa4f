/** Multi-line input: when an entry continues on the next line. */
import { describe, expect, it } from "vitest";
import { LineAccumulator, needsMore, openState } from "../../../src/repl/continuation.js";

describe("needsMore", () => {
  it.each([
    ["| makeresults", false],
    ["| makeresults |", true],
    ["| makeresults |  ", true],
    ["| eval x=if(a", true],
    ["| eval x=if(a, 1, 2)", false],
    ['| eval x="open', true],
    ['| eval x="a\\"b"', false],
    ["| makeresults | `security_content", true],
    ["| makeresults | `security_content_ctime(firstTime)`", false],
    ["index=main [ search index=other", true],
    ["index=main [ search index=other ]", false],
    ["| eval x=\"(\"", false],
    [".exit", false],
    [".format |", false],
    [".explain | makeresults |", true],
    [".explain | eval x=if(a,", true],
    [".explain | makeresults", false],
  ])("%j → %s", (text, more) => {
    expect(needsMore(text)).toBe(more);
  });

  it("reports what is open", () => {
    expect(openState("| eval x=if(a, [b")).toEqual({ stack: [")", "]"], quote: null });
    expect(openState("| eval x='a")).toEqual({ stack: [], quote: "'" });
  });
});

describe("LineAccumulator", () => {
  it("joins continued lines into one entry", () => {
    const acc = new LineAccumulator();
    expect(acc.push("| makeresults |")).toBeNull();
    expect(acc.pending).toBe(true);
    expect(acc.pendingText).toBe("| makeresults |");
    expect(acc.push("  eval x=1")).toBe("| makeresults |\n  eval x=1");
    expect(acc.pending).toBe(false);
  });

  it("skips blank lines between entries, resets and flushes", () => {
    const acc = new LineAccumulator();
    expect(acc.push("   ")).toBeNull();
    expect(acc.pending).toBe(false);
    acc.push("| eval x=(1");
    acc.reset();
    expect(acc.pending).toBe(false);
    acc.push("| makeresults |");
    expect(acc.flush()).toBe("| makeresults |");
    expect(acc.flush()).toBeNull();
  });
});
