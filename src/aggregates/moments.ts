/**
 * Sums and moments: sum, sumsq, avg (mean), var, varp, stdev, stdevp over the numeric values.
 * avg is the plain running sum divided by the count, which reproduces the documented
 * `avg` of a hundred 3.99 values = 3.9900000000000055 (Aggregate functions, extended example).
 * The variances are (sumsq − n·mean²) / (n−1) (or / n for varp), from the running sum and sum of
 * squares: that is the form that reproduces the page's sumsq example to the last digit (stdev of
 * the week of temperatures = 12.615183595289349; Welford's update gives …333, a two-pass sum
 * …334), clamped at 0 against rounding. Where that subtraction cancels most digits (values far
 * from 0 and close together, such as _time), the same sums taken about the first value are used
 * instead. A sample variance of one value is 0 (the mean() extended
 * example's one-event MbLg row shows 0.000000). No numeric value at all gives null.
 * ESCU: eventstats avg 40, stdev 40.
 */
import type { Atom } from "../values/value.js";
import { numberOf } from "./numeric.js";
import type { AggregateDef } from "./types.js";

/** Running sums; `k` is the first value, `dsum`/`dsumsq` the sums of x − k and (x − k)². */
interface Moments { n: number; sum: number; sumsq: number; k: number; dsum: number; dsumsq: number }

function init(): Moments {
  return { n: 0, sum: 0, sumsq: 0, k: 0, dsum: 0, dsumsq: 0 };
}

function add(s: Moments, v: Atom): void {
  const x = numberOf(v);
  if (x === null) return;
  if (s.n === 0) s.k = x;
  s.n += 1;
  s.sum += x;
  s.sumsq += x * x;
  const d = x - s.k;
  s.dsum += d;
  s.dsumsq += d * d;
}

/** Σ(x − mean)² as sumsq − n·mean², never below 0. */
function squares(s: Moments): number {
  const mean = s.sum / s.n;
  const direct = s.sumsq - s.n * mean * mean;
  if (direct > s.sumsq * 1e-9) return direct;
  const dmean = s.dsum / s.n;
  return Math.max(0, s.dsumsq - s.n * dmean * dmean);
}

function moment(
  name: string, summary: string, f: (s: Moments) => number, example: { input: readonly Atom[]; result: number },
  aliases: readonly string[] = [],
): AggregateDef<Moments> {
  return {
    name, aliases, signature: `${name}(<field>)`, summary, examples: [example], numeric: true,
    init, add, result: (s) => (s.n === 0 ? null : f(s)),
  };
}

const sampleVar = (s: Moments): number => (s.n < 2 ? 0 : squares(s) / (s.n - 1));
const popVar = (s: Moments): number => squares(s) / s.n;

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
