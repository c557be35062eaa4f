/**
 * Binds an aggregate spec to a row reader: bare `count` counts rows, `count(eval(…))` counts rows
 * where the expression is true, every other aggregate is fed each value of its field (a null
 * field adds nothing; a multivalue field adds each value).
 */
import type { AggregateSpec } from "../ast/commands.js";
import { lookupAggregate } from "../aggregates/registry.js";
import type { Atom } from "../values/value.js";
import type { BoundAggregate } from "./grouping.js";

/** Reads the values an aggregate consumes from one row. */
export type ValueReader = (row: number) => readonly Atom[];

export function bindAggregate(
  spec: AggregateSpec,
  read: ValueReader | null,
  time: (row: number) => number,
  evalTrue?: (row: number) => boolean,
): BoundAggregate {
  if (spec.fn === "count" && (read === null || evalTrue)) {
    const test = evalTrue;
    return {
      spec,
      init: () => ({ n: 0 }),
      add: (s, row) => {
        if (!test || test(row)) (s as { n: number }).n++;
      },
      result: (s) => (s as { n: number }).n,
    };
  }
  const found = lookupAggregate(spec.fn);
  if (!found) throw new Error(`internal: aggregate ${spec.fn} was not checked`);
  const { def, param } = found;
  const reader = read ?? (() => []);
  return {
    spec,
    init: () => def.init(param),
    add: (s, row) => {
      const vals = reader(row);
      if (vals.length === 0) return;
      const t = time(row);
      for (let i = 0; i < vals.length; i++) def.add(s, vals[i] as Atom, t);
    },
    result: (s) => def.result(s),
  };
}
