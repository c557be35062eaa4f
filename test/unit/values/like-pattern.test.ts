/**
 * like-pattern.ts: LIKE matching without a regex gives what the regexes it replaces gave (kept
 * here as oracles): one code unit per `_` for the LIKE operator, one code point for like().
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { likeMatcher, type LikeUnit } from "../../../src/values/like-pattern.js";

const escape = (s: string) => s.replace(/[\\^$.*+?()[\]{}|/]/g, "\\$&");

/** The LIKE operator's regex (eval-ops.ts) and like()'s (functions/regex.ts), as they were. */
function oldLike(pattern: string, unit: LikeUnit): RegExp {
  if (unit === "code-unit") {
    return new RegExp(`^${pattern.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/%/g, ".*").replace(/_/g, ".")}$`, "s");
  }
  return new RegExp(`^${Array.from(pattern, (ch) => (ch === "%" ? "[\\s\\S]*" : ch === "_" ? "[\\s\\S]" : escape(ch))).join("")}$`, "u");
}

const CHARS = ["a", "b", "A", "\n", ".", "\ud83d", "\ude00", "😀", "\ud83d\ud83d"];
const text = (max: number) => fc.array(fc.constantFrom(...CHARS), { maxLength: max }).map((xs) => xs.join(""));
const pattern = fc.array(fc.constantFrom(...CHARS, "%", "%", "_", "_"), { maxLength: 8 }).map((xs) => xs.join(""));
const unit = fc.constantFrom<LikeUnit>("code-unit", "code-point");
const RUNS = { seed: 20_240_510, numRuns: 3000 };

describe("likeMatcher", () => {
  it.each<[string, string, LikeUnit, boolean]>([
    ["%", "", "code-unit", true],
    ["a%", "abc", "code-unit", true],
    ["%c", "abc", "code-point", true],
    ["_b_", "abc", "code-point", true],
    ["a.c", "abc", "code-unit", false],
    ["[ab]", "[ab]", "code-unit", true],
    ["_", "😀", "code-point", true],
    ["_", "😀", "code-unit", false],
    ["__", "😀", "code-unit", true],
    ["\ud83d%", "😀", "code-point", false],
    ["\ud83d%", "😀", "code-unit", true],
    ["%.EXE", "cmd.exe", "code-point", false],
  ])("%j on %j (%s) → %j", (p, s, u, want) => {
    expect(likeMatcher(p, u)(s)).toBe(want);
    expect(oldLike(p, u).test(s)).toBe(want);
  });

  it("agrees with the old regexes on random patterns and values", () => {
    fc.assert(fc.property(pattern, text(10), unit, (p, s, u) => likeMatcher(p, u)(s) === oldLike(p, u).test(s)), RUNS);
  });

  it("agrees with the old regexes on values spliced from the pattern's pieces", () => {
    const spliced = fc.tuple(pattern, fc.array(text(3), { maxLength: 5 })).map(([p, f]) => [p, p.split("%").map((x, k) => x.replace(/_/g, f[k] ? "b" : "😀") + (f[k] ?? "")).join("")] as const);
    fc.assert(fc.property(spliced, unit, ([p, s], u) => likeMatcher(p, u)(s) === oldLike(p, u).test(s)), RUNS);
  });

  it("finishes on hostile patterns and values", () => {
    const a = "a".repeat(20_000);
    expect(likeMatcher("%a%a%a%a%a%b", "code-unit")(a)).toBe(false);
    expect(likeMatcher("%a%a%a%a%a%b", "code-point")(`${a}b`)).toBe(true);
    // A 20,000-character pattern was a regex V8 refused ("Regular expression too large").
    const long = "%_".repeat(10_000);
    expect(likeMatcher(long, "code-point")("x")).toBe(false);
    expect(likeMatcher(long, "code-unit")(a)).toBe(true);
  });
});
