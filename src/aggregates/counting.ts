/**
 * Counting aggregates: count, dc (distinct_count), estdc, estdc_error and mode. `count(x)` counts the values
 * added (one per value of a multivalue field); bare `count` counts events and is handled by the
 * executor. estdc is Splunk's estimate of dc; the Aggregate functions page: "if the actual number
 * of distinct values returned by a search is below 1000, the Splunk software does not estimate …
 * It uses the actual distinct value count instead". minispl keeps every value and always returns
 * the actual count, so estdc_error ("the theoretical error of the estimated count … a ratio of
 * absolute_value(estimate_distinct_count - real_distinct_count)/real_distinct_count") is 0.
 * Values are compared as strings ("The string values 1.0 and 1 are considered distinct values").
 * mode breaks ties by first occurrence (docs silent; a choice).
 */
import type { Atom } from "../values/value.js";
import { keyOf } from "./numeric.js";
import type { AggregateDef } from "./types.js";

const count: AggregateDef<{ n: number }> = {
  name: "count", aliases: ["c"], signature: "count(<field>)",
  summary: "Number of values of the field (bare `count`: number of events).",
  examples: [{ input: ["a", null, "b", ["c", "d"]], result: 4 }],
  init: () => ({ n: 0 }),
  add: (s) => { s.n += 1; },
  result: (s) => s.n,
};

function distinct(name: string, aliases: readonly string[], summary: string): AggregateDef<Set<string>> {
  return {
    name, aliases, signature: `${name}(<field>)`, summary,
    examples: [{ input: ["a", "b", "a", 1, "1"], result: 3 }],
    init: () => new Set<string>(),
    add: (s, v) => { s.add(keyOf(v)); },
    result: (s) => s.size,
  };
}

interface ModeState { readonly counts: Map<string, { n: number; first: Atom }> }

const mode: AggregateDef<ModeState> = {
  name: "mode", signature: "mode(<field>)",
  summary: "The most frequent value; the first seen wins a tie.",
  examples: [{ input: ["a", "b", "b", "a", "c", "b"], result: "b" }, { input: ["x", "y"], result: "x" }],
  init: () => ({ counts: new Map() }),
  add: (s, v) => {
    const k = keyOf(v);
    const e = s.counts.get(k);
    if (e) e.n += 1;
    else s.counts.set(k, { n: 1, first: v });
  },
  result: (s) => {
    let best: { n: number; first: Atom } | null = null;
    for (const e of s.counts.values()) if (!best || e.n > best.n) best = e;
    return best ? best.first : null;
  },
};

/** The counting aggregates. */
export const COUNTING_AGGREGATES: readonly AggregateDef[] = [
  count,
  distinct("dc", ["distinct_count"], "Number of distinct values (compared as strings)."),
  distinct("estdc", [], "Estimated distinct count (minispl: exact)."),
  {
    name: "estdc_error", signature: "estdc_error(<field>)",
    summary: "Theoretical error ratio of estdc (0: minispl's estdc is the exact count).",
    examples: [{ input: ["a", "b", "a"], result: 0 }, { input: [], result: null }],
    init: () => ({ n: 0 }),
    add: (s: { n: number }) => { s.n += 1; },
    result: (s: { n: number }) => (s.n === 0 ? null : 0),
  } satisfies AggregateDef<{ n: number }>,
  mode,
];
