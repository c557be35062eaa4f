/**
 * Property (issue 10 item 6): print.ts is the basis of round trips, so a generated query that
 * parses without errors prints to SPL that parses again and prints to the same text. Queries of
 * ordinary size only: see the known failure below for the hostile chains. FUZZ_SEED/FUZZ_RUNS
 * override the fixed seed for a longer local run (`npm run fuzz` runs it over ESCU too).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { roundTripProblem } from "../../../src/fuzz/fuzz-job.js";
import { plainQuery } from "../../../src/fuzz/spl-arbitraries.js";

describe("parse → print → parse", () => {
  it("gives back the printed text for generated queries", () => {
    fc.assert(
      fc.property(plainQuery, (q) => {
        const problem = roundTripProblem(q);
        if (problem) throw new Error(`${JSON.stringify(q)}: ${problem}`);
      }),
      { seed: Number(process.env.FUZZ_SEED ?? 20_251_010), numRuns: Number(process.env.FUZZ_RUNS ?? 1000) },
    );
  });

  // Found by `npm run fuzz`: the printer parenthesises every binary operator, so a flat chain of
  // 101+ operators (accepted: it nests nothing) prints as 101+ nested parentheses, which the
  // parser's nesting limit rejects. Flip to `it` when the printer leaves left-assoc chains flat.
  it.fails("survives a flat chain of 150 additions", () => {
    expect(roundTripProblem(`| eval x=${Array(150).fill("1").join("+")}`)).toBeUndefined();
  });
});
