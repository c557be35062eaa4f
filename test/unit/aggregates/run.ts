/**
 * Test helper: feeds values to an aggregate the way stats does — one add per value, each value of
 * a multivalue entry separately, nulls skipped — with entry i at time `times[i]` (default i).
 */
import { lookupAggregate } from "../../../src/aggregates/registry.js";
import type { AggregateDef } from "../../../src/aggregates/types.js";
import { toList, type Value } from "../../../src/values/value.js";

/** Runs `def` (initialised with `param`) over `input`. */
export function runDef(def: AggregateDef, input: readonly Value[], times?: readonly number[], param?: number): Value {
  const state = def.init(param);
  input.forEach((v, i) => {
    for (const a of toList(v)) def.add(state, a, times?.[i] ?? i);
  });
  return def.result(state);
}

/** Runs the aggregate written as `name` in a query (`dc`, `perc95`, `p50`…). */
export function agg(name: string, input: readonly Value[], times?: readonly number[]): Value {
  const found = lookupAggregate(name);
  if (!found) throw new Error(`no aggregate ${name}`);
  return runDef(found.def, input, times, found.param);
}
