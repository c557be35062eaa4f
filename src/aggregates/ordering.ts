/**
 * Order-dependent aggregates. first/last: the first and last value in input order (the executor
 * feeds events in search order). earliest/latest: the value of the event with the smallest/largest
 * `_time` (the `time` argument of add); earliest_time/latest_time: that time itself. On equal times
 * the value seen first wins (docs silent; a choice). ESCU: stats latest 57, earliest 48.
 */
import type { Atom } from "../values/value.js";
import type { AggregateDef } from "./types.js";

interface Slot { value: Atom | null; time: number }

const empty = (time: number) => (): Slot => ({ value: null, time });

function byTime(
  name: string, summary: string, better: (t: number, current: number) => boolean, pick: (s: Slot) => Atom | null,
  result: Atom,
): AggregateDef<Slot> {
  return {
    name, signature: `${name}(<field>)`, summary,
    examples: [{ input: ["a", "b", "c"], times: [30, 10, 20], result }],
    init: empty(Number.NaN),
    add: (s, v, t) => {
      if (s.value === null || better(t, s.time)) {
        s.value = v;
        s.time = t;
      }
    },
    result: (s) => (s.value === null ? null : pick(s)),
  };
}

/** The order-dependent aggregates. */
export const ORDERING_AGGREGATES: readonly AggregateDef[] = [
  {
    name: "first", signature: "first(<field>)", summary: "The first value in input order.",
    examples: [{ input: ["a", "b"], result: "a" }],
    init: empty(0), add: (s: Slot, v: Atom) => { if (s.value === null) s.value = v; }, result: (s: Slot) => s.value,
  } satisfies AggregateDef<Slot>,
  {
    name: "last", signature: "last(<field>)", summary: "The last value in input order.",
    examples: [{ input: ["a", "b"], result: "b" }],
    init: empty(0), add: (s: Slot, v: Atom) => { s.value = v; }, result: (s: Slot) => s.value,
  } satisfies AggregateDef<Slot>,
  byTime("earliest", "The value of the event with the earliest _time.", (t, c) => t < c, (s) => s.value, "b"),
  byTime("latest", "The value of the event with the latest _time.", (t, c) => t > c, (s) => s.value, "a"),
  byTime("earliest_time", "The earliest _time at which the field has a value.", (t, c) => t < c, (s) => s.time, 10),
  byTime("latest_time", "The latest _time at which the field has a value.", (t, c) => t > c, (s) => s.time, 30),
];
