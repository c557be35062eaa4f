/**
 * min, max and range. Values are read as numbers when they can be ("1", "1.0" and "01" are the
 * same number), else as strings. Mixed values follow the order the Aggregate functions page gives
 * for max and min: "sorted in numeric and then lexicographical order with all numbers sorted
 * before non-numeric items" (1, c, a, 2, 100, b, 4, 9 → 1, 2, 4, 9, 100, a, b, c). So min is the
 * smallest number when there is one, and max is the lexicographically largest string when there
 * is one. range takes the numeric values only ("The values in the field must be numeric").
 * ESCU: stats min 597, max 575 (mostly _time).
 */
import { lsdOfText, lsdOfValue, settleNumber, storedNumber } from "../values/numeric-precision.js";
import { compareLexical, type Atom } from "../values/value.js";
import { numberOf } from "./numeric.js";
import type { AggregateDef } from "./types.js";

interface Extremes {
  lo: number; hi: number; numeric: boolean;
  /**
   * The values lo and hi were read from: min and max give the value as the event holds it ("7.70"),
   * range keeps their precision (2.0 - 1.6 is 0.4). Read only at the result: min(_time) over
   * newest-first events takes a new extreme on every row.
   */
  loAtom: Atom; hiAtom: Atom;
  loText: string | null; hiText: string | null;
}

function init(): Extremes {
  return { lo: Infinity, hi: -Infinity, numeric: false, loAtom: 0, hiAtom: 0, loText: null, hiText: null };
}

function add(s: Extremes, v: Atom): void {
  const n = numberOf(v);
  if (n !== null) {
    s.numeric = true;
    if (n < s.lo) {
      s.lo = n;
      s.loAtom = v;
    }
    if (n > s.hi) {
      s.hi = n;
      s.hiAtom = v;
    }
    return;
  }
  const t = String(v);
  if (s.loText === null || compareLexical(t, s.loText) < 0) s.loText = t;
  if (s.hiText === null || compareLexical(t, s.hiText) > 0) s.hiText = t;
}

/**
 * min/max give the value as the event holds it: a number, or its text where that ends on zeros a
 * number cannot show (the eval page's extended example 2 prints min(mag) -0.60 and max(mag) 7.70),
 * the form eval stores such numbers in (values/numeric-precision.ts storedNumber).
 */
function asHeld(n: number, atom: Atom): Atom {
  return typeof atom === "string" ? storedNumber(n, lsdOfText(atom.trim())) : n;
}

/** The extreme-value aggregates. */
export const EXTREME_AGGREGATES: readonly AggregateDef[] = [
  {
    name: "min", signature: "min(<field>)", summary: "Smallest value: numbers sort before strings, strings lexicographically.",
    examples: [{ input: [5, "3", 10, "abc"], result: 3 }, { input: ["b", "a", "c"], result: "a" }],
    init, add, result: (s: Extremes) => (s.numeric ? asHeld(s.lo, s.loAtom) : s.loText),
  } satisfies AggregateDef<Extremes>,
  {
    name: "max", signature: "max(<field>)", summary: "Largest value: numbers sort before strings, strings lexicographically.",
    examples: [{ input: [5, "30", 10], result: 30 }, { input: ["1", "c", "a", "2", "100", "b", "4", "9"], result: "c" }],
    init, add, result: (s: Extremes) => (s.hiText !== null ? s.hiText : s.numeric ? asHeld(s.hi, s.hiAtom) : null),
  } satisfies AggregateDef<Extremes>,
  {
    name: "range", signature: "range(<field>)", summary: "max - min of the numeric values.", numeric: true,
    examples: [{ input: [5, 1, 9], result: 8 }, { input: ["2.0", "1.6"], result: 0.4 }],
    init, add, result: (s: Extremes) => (s.numeric ? settleNumber(s.hi - s.lo, Math.max(lsdOfValue(s.loAtom), lsdOfValue(s.hiAtom))) : null),
  } satisfies AggregateDef<Extremes>,
];
