/**
 * median and the percentile family: perc<X>/p<X>/percentile<X>, exactperc<X>, upperperc<X> (X from
 * 0 to 100, decimals allowed: p99.9). Non-numeric values are skipped.
 *
 * Which percentile: the Aggregate functions page (Search Reference 10.0, perc) says "nearest rank"
 * in prose, but every worked example it gives interpolates between the two closest ranks: for
 * Y = {10,9,…,1} "perc50(Y) returns 5.5" and "perc95(Y) returns 9.55", and for its visitor totals
 * perc50 = 1996.5 and perc95 = 3858.35. Those numbers are exactly the linear interpolation at
 * rank (X/100)·(n−1) of the sorted values, so minispl computes that (the examples win over the
 * prose; the golden cases quote both). exactperc is documented as "the exact value" with perc's
 * examples, and upperperc "returns the same percentile as the perc function" below 1000 values;
 * minispl keeps every value, so all three agree (Splunk's digest approximation above 1000
 * distinct values is not reproduced).
 *
 * median is not perc50: the page says "If you have an even number of events, by default the
 * median calculation is approximated to the higher of the two values", and its 7-value example
 * returns the middle value 37. So median is the value at 0-based rank floor(n/2).
 */
import type { Atom } from "../values/value.js";
import { numberOf } from "./numeric.js";
import type { AggregateDef } from "./types.js";

interface Sample { readonly p: number; readonly xs: number[] }

/**
 * The X-th percentile by linear interpolation between closest ranks, rank = X/100 · (n−1)
 * (0-based). Computed in hundredths, (lo·(100−f) + hi·f) / 100, so integer inputs and integer
 * percents give the correctly rounded decimal the docs print (9.55, not 9.549999999999999).
 */
export function interpolatedPercentile(xs: readonly number[], p: number): number | null {
  if (xs.length === 0) return null;
  const sorted = [...xs].sort((a, b) => a - b);
  const r = p * (sorted.length - 1); // the rank times 100
  const i = Math.min(sorted.length - 1, Math.max(0, Math.floor(r / 100)));
  const f = r - 100 * i;
  const lo = sorted[i] as number;
  if (f <= 0 || i + 1 >= sorted.length) return lo;
  const hi = sorted[i + 1] as number;
  return (lo * (100 - f) + hi * f) / 100;
}

/** The higher middle value of the sorted numbers (0-based rank floor(n/2)). */
export function upperMedian(xs: readonly number[]): number | null {
  if (xs.length === 0) return null;
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? null;
}

function add(s: Sample, v: Atom): void {
  const n = numberOf(v);
  if (n !== null) s.xs.push(n);
}

function percentile(name: string, aliases: readonly string[], summary: string): AggregateDef<Sample> {
  return {
    name, aliases, parameterised: true, signature: `${name}<X>(<field>)`, summary, numeric: true,
    examples: [
      { input: [10, 9, 8, 7, 6, 5, 4, 3, 2, 1], param: 50, result: 5.5 },
      { input: [10, 9, 8, 7, 6, 5, 4, 3, 2, 1], param: 95, result: 9.55 },
    ],
    init: (p = 50) => ({ p, xs: [] }),
    add,
    result: (s) => interpolatedPercentile(s.xs, s.p),
  };
}

/** The percentile aggregates. */
export const PERCENTILE_AGGREGATES: readonly AggregateDef[] = [
  {
    name: "median", signature: "median(<field>)", summary: "The middle value (the higher one for an even count).",
    numeric: true,
    examples: [{ input: [37, 58, 8, 34, 13, 74, 38], result: 37 }, { input: [4, 1, 3, 2], result: 3 }],
    init: () => ({ p: 50, xs: [] }), add, result: (s) => upperMedian(s.xs),
  } satisfies AggregateDef<Sample>,
  percentile("perc", ["p", "percentile"], "The X-th percentile, interpolated between the closest ranks, e.g. perc95 or p95."),
  percentile("exactperc", [], "The exact X-th percentile, e.g. exactperc99."),
  percentile("upperperc", [], "Upper bound of the approximate X-th percentile (the same as perc below 1000 values), e.g. upperperc90."),
];
