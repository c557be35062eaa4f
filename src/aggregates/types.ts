/**
 * Aggregate functions (stats, tstats, eventstats) as small state machines: init, add one value,
 * result. `add` is called once per value of the field in each event (multivalue fields add each
 * value); a null/missing field is not added, except for bare `count`, which counts events.
 */
import type { Atom, Value } from "../values/value.js";

export interface AggregateDef<S = unknown> {
  readonly name: string;
  /** Other spellings, e.g. `distinct_count` for `dc`. */
  readonly aliases?: readonly string[];
  readonly signature: string;
  readonly summary: string;
  /** A `| makeresults`-free example: input values and the expected result. */
  readonly examples: readonly AggregateExample[];
  /** Takes an optional numeric parameter in its name, e.g. perc95 / p95 / exactperc99. */
  readonly parameterised?: boolean;
  /**
   * Reads its values as numbers and ignores the rest (sum, avg, perc…): the aggregates that
   * `allnum=true` (stats, eventstats, streamstats) turns off for a field with a non-numeric value.
   */
  readonly numeric?: boolean;
  init(param?: number): S;
  add(state: S, v: Atom, time: number): void;
  result(state: S): Value;
}

/**
 * One example of an aggregate: `input` values are added in order (a multivalue entry adds each of
 * its values, null adds nothing); value i is added at time `times[i]`, or at time i when `times` is
 * absent; parameterised aggregates are initialised with `param` (e.g. 95 for perc95).
 */
export interface AggregateExample {
  readonly input: readonly Value[];
  readonly result: Value;
  readonly times?: readonly number[];
  readonly param?: number;
}
