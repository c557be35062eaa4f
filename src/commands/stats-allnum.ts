/**
 * `allnum=true` for stats, eventstats and streamstats (stats reference: "If true, computes
 * numerical statistics on each field if and only if all of the values of that field are
 * numerical"). Each numeric aggregate over a field (sum, avg, perc… — AggregateDef.numeric) is
 * wrapped so that one non-numeric value of the field in the group makes its result null; count,
 * dc, values, min/max and the rest are left alone, as are eval() arguments.
 */
import type { AggregateSpec } from "../ast/commands.js";
import { lookupAggregate } from "../aggregates/registry.js";
import { numberOf } from "../aggregates/numeric.js";
import type { BoundAggregate } from "../executor/grouping.js";
import type { Table } from "../table/table.js";
import { toList } from "../values/value.js";

interface Guarded { readonly inner: unknown; bad: boolean }

/** The aggregates with allnum applied (unchanged when `allnum` is false). */
export function applyAllnum(aggs: readonly BoundAggregate[], input: Table, allnum: boolean): BoundAggregate[] {
  if (!allnum) return [...aggs];
  return aggs.map((a) => guard(a, a.spec, input));
}

function guard(a: BoundAggregate, spec: AggregateSpec, input: Table): BoundAggregate {
  if (spec.field === null || spec.evalExpr || !lookupAggregate(spec.fn)?.def.numeric) return a;
  const col = input.column(spec.field);
  if (!col) return a;
  return {
    spec,
    init: (): Guarded => ({ inner: a.init(), bad: false }),
    add: (s, row) => {
      const g = s as Guarded;
      if (!g.bad && toList(col[row] ?? null).some((v) => numberOf(v) === null)) g.bad = true;
      a.add(g.inner, row);
    },
    result: (s) => ((s as Guarded).bad ? null : a.result((s as Guarded).inner)),
  };
}
