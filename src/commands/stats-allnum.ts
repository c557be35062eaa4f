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

/**
 * The aggregates with allnum applied (unchanged when `allnum` is false). With `emptyIsNonNumeric`
 * a result of the group that lacks the field also makes the result null: the eventstats page
 * says so ("The allnum=true argument applies to empty values as well as alphabetic character
 * values", its example's empty age being a null()); the stats page speaks only of values.
 */
export function applyAllnum(aggs: readonly BoundAggregate[], input: Table, allnum: boolean, emptyIsNonNumeric = false): BoundAggregate[] {
  if (!allnum) return [...aggs];
  return aggs.map((a) => guard(a, a.spec, input, emptyIsNonNumeric));
}

function guard(a: BoundAggregate, spec: AggregateSpec, input: Table, emptyIsNonNumeric: boolean): BoundAggregate {
  if (spec.field === null || spec.evalExpr || !lookupAggregate(spec.fn)?.def.numeric) return a;
  const col = input.column(spec.field);
  if (!col && !emptyIsNonNumeric) return a;
  return {
    spec,
    init: (): Guarded => ({ inner: a.init(), bad: false }),
    add: (s, row) => {
      const g = s as Guarded;
      const v = col?.[row] ?? null;
      if (!g.bad && ((v === null && emptyIsNonNumeric) || toList(v).some((x) => numberOf(x) === null))) g.bad = true;
      a.add(g.inner, row);
    },
    result: (s) => ((s as Guarded).bad ? null : a.result((s as Guarded).inner)),
  };
}
