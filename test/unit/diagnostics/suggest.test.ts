import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { editDistance, suggest, MAX_SUGGEST_LENGTH } from "../../../src/diagnostics/suggest.js";

/** The textbook recurrence, to check the bounded walk against. */
function reference(a: string, b: string): number {
  const s = a.toLowerCase(), t = b.toLowerCase();
  const d = Array.from({ length: s.length + 1 }, (_, i) => Array.from({ length: t.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= s.length; i++) {
    for (let j = 1; j <= t.length; j++) d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (s[i - 1] === t[j - 1] ? 0 : 1));
  }
  return d[s.length]![t.length]!;
}

describe("editDistance", () => {
  it.each([
    ["kitten", "sitting", 3],
    ["host", "hots", 2],
    ["", "abc", 3],
    ["Endpoint", "endpoint", 0],
    ["Processes", "Procesess", 2],
  ])("%s → %s is %i", (a, b, d) => expect(editDistance(a, b)).toBe(d));

  it("agrees with the textbook recurrence", () => {
    fc.assert(fc.property(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }), (a, b) => editDistance(a, b) === reference(a, b)), { seed: 7, numRuns: 500 });
  });
});

describe("suggest", () => {
  const fields = ["host", "source", "sourcetype", "CommandLine", "Image", "EventCode"];
  it.each([
    ["hots", ["host"]],
    ["sourcetpye", ["sourcetype"]],
    ["commandline", ["CommandLine"]],
    ["zzzzzz", []],
  ])("%s suggests %j", (name, want) => expect(suggest(name, fields)).toEqual(want));

  it("keeps exactly the candidates the unbounded distance keeps", () => {
    const word = fc.string({ unit: fc.constantFrom("a", "b", "c"), maxLength: 9 });
    fc.assert(
      fc.property(word, fc.array(word, { maxLength: 6 }), (name, cands) => {
        const limit = Math.max(2, Math.floor(name.length / 3));
        const within = cands.map((c) => [c, reference(name, c)] as const).filter(([, d]) => d <= limit);
        const best = Math.min(...within.map(([, d]) => d));
        const want = [...new Set(within.filter(([, d]) => d === best).map(([c]) => c))].sort((x, y) => x.localeCompare(y));
        expect([...new Set(suggest(name, cands, 99))].sort((x, y) => x.localeCompare(y))).toEqual(want);
      }),
      { seed: 11, numRuns: 500 },
    );
  });

  it("gives nothing for a name longer than any real one (a 100k-character value is not compared)", () => {
    expect(suggest("a".repeat(MAX_SUGGEST_LENGTH + 1), ["a".repeat(MAX_SUGGEST_LENGTH + 1)])).toEqual([]);
    expect(suggest("a".repeat(100_000), fields)).toEqual([]);
  });
});
