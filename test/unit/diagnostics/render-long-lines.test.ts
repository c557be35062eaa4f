/** A source line past 240 characters is shown as a window around the caret (hostile or generated searches). */
import { describe, expect, it } from "vitest";
import { compile, renderDiagnostic } from "../../../src/index.js";

describe("rendering a long line", () => {
  it.each([
    ["near the start", `| makeresults | statz ${"x".repeat(10_000)}`],
    ["in the middle", `| makeresults | eval a="${"x".repeat(5_000)}" | statz ${"y".repeat(5_000)}`],
    ["at the end", `| makeresults | eval a="${"x".repeat(5_000)}" | statz`],
  ])("%s: the caret stays under the span", (_name, q) => {
    const r = compile(q);
    const lines = renderDiagnostic(r.diagnostics[0]!, r.sources).split("\n");
    const text = lines[3]!;
    const caret = lines[4]!;
    expect(text.length).toBeLessThan(260);
    expect(r.diagnostics[0]?.span?.start).toBe(q.indexOf("statz"));
    // The caret's column in the excerpt points at the same characters.
    const col = caret.indexOf("^");
    expect(text.slice(col, col + 5)).toBe("statz");
    expect(caret.slice(col)).toBe("^^^^^");
  });
});
