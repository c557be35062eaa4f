/**
 * Sums and moments: sum, sumsq, avg (mean), var, varp, stdev, stdevp over the numeric values.
 * avg is the plain running sum divided by the count, which reproduces the documented
 * `avg` of a hundred 3.99 values = 3.9900000000000055 (Aggregate functions, extended example).
 * The variances use Welford's update (stable; never negative). A sample variance of one value is
 * 0 (a choice: undefined in statistics, docs silent). No numeric value at all gives null.
 * ESCU: eventstats avg 40, stdev 40.
 */
import type { Atom } from "../values/value.js";
import { numberOf } from "./numeric.js";
import type { AggregateDef } from "./types.js";

interface Moments { n: number; sum: number; sumsq: number; mean: number; m2: number }

function init(): Moments {
  return { n: 0, sum: 0, sumsq: 0, mean: 0, m2: 0 };
}

function add(s: Moments, v: Atom): void {
  const x = numberOf(v);
  if (x === null) return;
  s.n += 1;
  s.sum += x;
  s.sumsq += x * x;
  const d = x - s.mean;
  s.mean += d / s.n;
  s.m2 += d * (x - s.mean);
}

function moment(
  name: string, summary: string, f: (s: Moments) => number, example: { input: readonly Atom[]; result: number },
  aliases: readonly string[] = [],
): AggregateDef<Moments> {
  return {
    name, aliases, signature: `${name}(<field>)`, summary, examples: [example],
    init, add, result: (s) => (s.n === 0 ? null : f(s)),
  };
}

const sampleVar = (s: Moments): number => (s.n < 2 ? 0 : s.m2 / (s.n - 1));
const popVar = (s: Moments): number => s.m2 / s.n;

/** The sum and moment aggregates. */
export const MOMENT_AGGREGATES: readonly AggregateDef[] = [
  moment("sum", "Sum of the numeric values.", (s) => s.sum, { input: [1, "2", 3.5, "x"], result: 6.5 }),
  moment("sumsq", "Sum of the squares of the numeric values.", (s) => s.sumsq, { input: [1, 2, 3], result: 14 }),
  moment("avg", "Mean of the numeric values.", (s) => s.sum / s.n, { input: [1, 2, 6], result: 3 }, ["mean"]),
  moment("var", "Sample variance.", sampleVar, { input: [2, 4, 4, 4, 5, 5, 7, 9], result: 32 / 7 }),
  moment("varp", "Population variance.", popVar, { input: [2, 4, 4, 4, 5, 5, 7, 9], result: 4 }),
  moment("stdev", "Sample standard deviation.", (s) => Math.sqrt(sampleVar(s)), { input: [1, 3], result: Math.SQRT2 }),
  moment("stdevp", "Population standard deviation.", (s) => Math.sqrt(popVar(s)), { input: [2, 4, 4, 4, 5, 5, 7, 9], result: 2 }),
];
