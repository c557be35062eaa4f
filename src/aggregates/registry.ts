/**
 * The aggregate registry for stats/tstats/eventstats. Names and aliases are looked up exactly;
 * a parameterised aggregate takes its number from the name: `perc95`, `p95`, `p99.9`,
 * `exactperc99`, `upperperc90` (percent from 0 to 100). `register()` refuses a name or alias that
 * is already taken (style guide B18).
 */
import { COUNTING_AGGREGATES } from "./counting.js";
import { EXTREME_AGGREGATES } from "./extremes.js";
import { MOMENT_AGGREGATES } from "./moments.js";
import { ORDERING_AGGREGATES } from "./ordering.js";
import { PERCENTILE_AGGREGATES } from "./percentiles.js";
import { RATE_AGGREGATES } from "./rate.js";
import type { AggregateDef } from "./types.js";
import { VALUES_AGGREGATES } from "./values-list.js";

const byName = new Map<string, AggregateDef>();
const canonical = new Map<string, AggregateDef>();

/** Every aggregate by its canonical name (aliases are not repeated here). */
export const AGGREGATES: ReadonlyMap<string, AggregateDef> = canonical;

/** Adds an aggregate under its name and aliases; throws on a name that is already taken. */
export function register(def: AggregateDef): void {
  for (const n of [def.name, ...(def.aliases ?? [])]) {
    if (!/^[a-z_]+$/.test(n)) throw new Error(`internal: bad aggregate name "${n}"`);
    if (byName.has(n)) throw new Error(`internal: aggregate ${n}() registered twice`);
  }
  for (const n of [def.name, ...(def.aliases ?? [])]) byName.set(n, def);
  canonical.set(def.name, def);
}

/**
 * Resolves an aggregate name as written in the query: `dc`, `distinct_count`, `perc95`, `p99.9`…
 * Returns undefined for an unknown name, a parameterised name without its number (`perc`), a
 * number on a plain aggregate (`dc5`), or a percent outside 0–100.
 */
export function lookupAggregate(name: string): { def: AggregateDef; param?: number } | undefined {
  const plain = byName.get(name);
  if (plain) return plain.parameterised ? undefined : { def: plain };
  const m = /^([a-z_]+?)(\d+(?:\.\d+)?)$/.exec(name);
  if (!m) return undefined;
  const def = byName.get(m[1]!);
  const param = Number(m[2]);
  return def?.parameterised && param >= 0 && param <= 100 ? { def, param } : undefined;
}

for (const group of [
  COUNTING_AGGREGATES, VALUES_AGGREGATES, EXTREME_AGGREGATES, MOMENT_AGGREGATES, PERCENTILE_AGGREGATES, ORDERING_AGGREGATES, RATE_AGGREGATES,
]) {
  for (const def of group) register(def);
}
