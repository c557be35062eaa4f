/**
 * min, max and range. Values are read as numbers when they can be; when at least one value is
 * numeric, min/max are the numeric extremes and non-numeric values are ignored, otherwise they are
 * the lexicographic extremes of the strings (Aggregate functions: "If the values in the field are
 * non-numeric, the minimum value is found using lexicographical ordering"). How Splunk mixes the
 * two is not documented; numbers-first is a choice. ESCU: stats min 597, max 575 (mostly _time).
 */
import { compareLexical, type Atom } from "../values/value.js";
import { numberOf } from "./numeric.js";
import type { AggregateDef } from "./types.js";

interface Extremes {
  lo: number; hi: number; numeric: boolean;
  loText: string | null; hiText: string | null;
}

function init(): Extremes {
  return { lo: Infinity, hi: -Infinity, numeric: false, loText: null, hiText: null };
}

function add(s: Extremes, v: Atom): void {
  const n = numberOf(v);
  if (n !== null) {
    s.numeric = true;
    if (n < s.lo) s.lo = n;
    if (n > s.hi) s.hi = n;
    return;
  }
  const t = String(v);
  if (s.loText === null || compareLexical(t, s.loText) < 0) s.loText = t;
  if (s.hiText === null || compareLexical(t, s.hiText) > 0) s.hiText = t;
}

/** The extreme-value aggregates. */
export const EXTREME_AGGREGATES: readonly AggregateDef[] = [
  {
    name: "min", signature: "min(<field>)", summary: "Smallest value: numeric if any value is numeric, else lexicographic.",
    examples: [{ input: [5, "3", 10, "abc"], result: 3 }, { input: ["b", "a", "c"], result: "a" }],
    init, add, result: (s: Extremes) => (s.numeric ? s.lo : s.loText),
  } satisfies AggregateDef<Extremes>,
  {
    name: "max", signature: "max(<field>)", summary: "Largest value: numeric if any value is numeric, else lexicographic.",
    examples: [{ input: [5, "30", 10, "abc"], result: 30 }, { input: ["b", "a", "c"], result: "c" }],
    init, add, result: (s: Extremes) => (s.numeric ? s.hi : s.hiText),
  } satisfies AggregateDef<Extremes>,
  {
    name: "range", signature: "range(<field>)", summary: "max - min of the numeric values.",
    examples: [{ input: [5, 1, 9], result: 8 }],
    init, add, result: (s: Extremes) => (s.numeric ? s.hi - s.lo : null),
  } satisfies AggregateDef<Extremes>,
];
