/**
 * Issue 10: a macros.conf whose fan-out expands to 262k tokens ended in a RangeError
 * (`out.push(...body)`). Expansion is bounded in tokens and in characters, with a `macro-size`
 * error at the call that crossed the budget, naming the macro, and its backtrace.
 */
import { describe, expect, it } from "vitest";
import { builtinMacros, compile, parseMacrosConf, renderDiagnostic } from "../../../src/index.js";
import { MAX_EXPANDED_TOKENS } from "../../../src/macros/expand.js";
import { substituteArgs } from "../../../src/macros/macro-call.js";

/** A macros.conf where each of `levels` macros calls the next `fanout` times. */
function fanOutConf(levels: number, fanout: number): string {
  const stanzas = Array.from({ length: levels }, (_, i) =>
    `[m${i}]\ndefinition = ${i === levels - 1 ? "a=1 b=2" : Array.from({ length: fanout }, () => `\`m${i + 1}\``).join(" ")}\n`);
  return stanzas.join("\n");
}

/** Each level passes its argument on twice: the text doubles while the tokens stay few. */
function doublingConf(levels: number): string {
  const stanzas = Array.from({ length: levels }, (_, i) =>
    `[d${i}(1)]\nargs = x\ndefinition = ${i === levels - 1 ? "a=$x$" : `\`d${i + 1}($x$$x$)\``}\n`);
  return stanzas.join("\n");
}

describe("macro expansion budget", () => {
  // The timeout on these two is the hang guard, not a speed target (speeds are `npm run bench`'s):
  // without the budget the fan-out ended in a RangeError and the doubling would build ~2^32
  // characters, which never returns.
  it.each([
    // 8^6 = 262,144 tokens: the issue's case.
    ["fan-out to 262k tokens", fanOutConf(7, 8), "search `m0`", "macro expansion passes 100,000 tokens in total at `m6`"],
    ["text doubled 31 times", doublingConf(32), "search `d0(ab)`", "macro expansion passes 10,000,000 characters in total at `d21(1)`"],
  ])("%s: one macro-size error, no exception", { timeout: 30_000 }, (_name, conf, query, message) => {
    const macros = builtinMacros().with(parseMacrosConf(conf, "test.conf").macros);
    const r = compile(query, { macros });
    expect(r.diagnostics.map((d) => [d.code, d.message])).toEqual([["macro-size", message]]);
    // The backtrace ends at the call in the query.
    let frame = r.diagnostics[0]?.origin;
    while (frame?.parent) frame = frame.parent;
    expect(frame?.callSpan).toEqual({ start: 7, end: query.length, source: 0 });
  });

  it("renders every level with a caret, long lines clipped", () => {
    const macros = builtinMacros().with(parseMacrosConf(doublingConf(32), "test.conf").macros);
    const r = compile("search `d0(ab)`", { macros });
    const text = renderDiagnostic(r.diagnostics[0]!, r.sources);
    expect(text.length).toBeLessThan(20_000);
    expect(text).toContain("= in macro d0(1), called at query:1:8");
    expect(text).toMatch(/\| `d\d+\(abab.*…\n/);
  });

  it("expands a fan-out under the budget in full", () => {
    const macros = builtinMacros().with(parseMacrosConf(fanOutConf(5, 8), "test.conf").macros);
    const r = compile("search `m0`", { macros });
    expect(r.diagnostics).toEqual([]);
    // `search` and 8^4 copies of `a = 1 b = 2`.
    expect(r.tokens.length).toBe(1 + 8 ** 4 * 6);
    expect(r.tokens.length).toBeLessThan(MAX_EXPANDED_TOKENS);
  });

  it("substituteArgs stops at its length budget", () => {
    expect(substituteArgs("$x$$x$$x$", ["x"], ["abcd"], 8)).toBeNull();
    expect(substituteArgs("$x$$x$", ["x"], ["abcd"], 8)).toBe("abcdabcd");
  });
});
