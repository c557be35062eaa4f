/**
 * rate(): the per-second rate of an accumulating counter (Time functions, Search Reference 10.0:
 * "(latest(<value>) - earliest(<value>)) / (latest_time(<value>) - earliest_time(<value>))",
 * "Requires the earliest and latest values of the field to be numerical, and the earliest_time and
 * latest_time values to be different", "Requires at least two … data points"). Otherwise null.
 * "The rate function also handles the largest value reset if there is at least one reset": the
 * page does not say how; minispl reads the points in time order and, where the counter drops,
 * counts the new value as the increase since the reset (the counter restarted from 0) — a choice.
 * Non-numeric values are skipped.
 */
import type { Atom } from "../values/value.js";
import { numberOf } from "./numeric.js";
import type { AggregateDef } from "./types.js";

interface Points { readonly t: number[]; readonly v: number[] }

/** The counter increase over the points in time order, resets counted from 0, per second. */
export function counterRate(times: readonly number[], values: readonly number[]): number | null {
  if (values.length < 2) return null;
  const order = times.map((_, i) => i).sort((a, b) => (times[a] as number) - (times[b] as number) || a - b);
  const first = order[0] as number;
  const last = order[order.length - 1] as number;
  const span = (times[last] as number) - (times[first] as number);
  if (!(span > 0)) return null;
  let increase = 0;
  for (let k = 1; k < order.length; k++) {
    const prev = values[order[k - 1] as number] as number;
    const cur = values[order[k] as number] as number;
    increase += cur >= prev ? cur - prev : cur;
  }
  return increase / span;
}

export const RATE_AGGREGATES: readonly AggregateDef[] = [
  {
    name: "rate", signature: "rate(<field>)", numeric: true,
    summary: "Per-second rate of an accumulating counter: (latest - earliest) / (latest_time - earliest_time).",
    examples: [
      { input: [100, 160, 400], times: [0, 10, 30], result: 10 },
      { input: [100, 160, 40], times: [0, 10, 20], result: 5 },
      { input: [5], result: null },
    ],
    init: (): Points => ({ t: [], v: [] }),
    add: (s: Points, v: Atom, time: number) => {
      const n = numberOf(v);
      if (n === null || !Number.isFinite(time)) return;
      s.t.push(time);
      s.v.push(n);
    },
    result: (s: Points) => counterRate(s.t, s.v),
  } satisfies AggregateDef<Points>,
];
