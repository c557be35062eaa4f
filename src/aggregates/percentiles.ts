/**
 * median and the percentile family: perc<X>/p<X>, exactperc<X>, upperperc<X> (X from 0 to 100,
 * decimals allowed: p99.9). Splunk computes exact percentiles with the nearest-rank method below
 * 1000 distinct values and an approximation above (Splunk Answers 44336, limits.conf
 * `perc_method = nearest-rank`: 0-based rank floor(X/100 × count)). minispl keeps every value and
 * always uses that rank, so perc, exactperc and upperperc agree; Splunk's approximation can differ
 * above 1000 distinct values. median is perc50, which picks the higher middle value of an even
 * count ("approximated to the higher of the two values"). Non-numeric values are skipped.
 */
import type { Atom } from "../values/value.js";
import { numberOf } from "./numeric.js";
import type { AggregateDef } from "./types.js";

interface Sample { readonly p: number; readonly xs: number[] }

/** The value at 0-based rank floor(p/100 × n) of the sorted numbers, clamped to the last. */
export function nearestRank(xs: readonly number[], p: number): number | null {
  if (xs.length === 0) return null;
  const sorted = [...xs].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.floor((p / 100) * sorted.length)));
  return sorted[rank] ?? null;
}

function add(s: Sample, v: Atom): void {
  const n = numberOf(v);
  if (n !== null) s.xs.push(n);
}

function percentile(name: string, aliases: readonly string[], summary: string): AggregateDef<Sample> {
  return {
    name, aliases, parameterised: true, signature: `${name}<X>(<field>)`, summary,
    examples: [{ input: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], param: 95, result: 10 }, { input: [4, 1, 3, 2], param: 25, result: 2 }],
    init: (p = 50) => ({ p, xs: [] }),
    add,
    result: (s) => nearestRank(s.xs, s.p),
  };
}

/** The percentile aggregates. */
export const PERCENTILE_AGGREGATES: readonly AggregateDef[] = [
  {
    name: "median", signature: "median(<field>)", summary: "The middle value (the higher one for an even count).",
    examples: [{ input: [4, 1, 3, 2], result: 3 }, { input: [5, 1, 3], result: 3 }],
    init: () => ({ p: 50, xs: [] }), add, result: (s) => nearestRank(s.xs, 50),
  } satisfies AggregateDef<Sample>,
  percentile("perc", ["p"], "The X-th percentile (nearest rank), e.g. perc95 or p95."),
  percentile("exactperc", [], "The exact X-th percentile, e.g. exactperc99."),
  percentile("upperperc", [], "Upper bound of the approximate X-th percentile (minispl: exact), e.g. upperperc90."),
];
