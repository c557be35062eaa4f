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
  readonly examples: readonly { readonly input: readonly Value[]; readonly result: Value }[];
  /** Takes an optional numeric parameter in its name, e.g. perc95 / p95 / exactperc99. */
  readonly parameterised?: boolean;
  init(param?: number): S;
  add(state: S, v: Atom, time: number): void;
  result(state: S): Value;
}
