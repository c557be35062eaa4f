/**
 * Aggregates for eventstats and streamstats, read and bound exactly as stats does (stats.ts): the
 * same functions, `count(eval(<expr>))`, `AS` names, and the same per-row value readers. Also the
 * BY key of a row: null when a BY field is missing (such a result gets no statistics).
 */
import type { AggregateSpec } from "../ast/commands.js";
import type { CommandNode } from "../ast/nodes.js";
import { diag } from "../diagnostics/diagnostic.js";
import { bindAggregate } from "../executor/bind-aggregate.js";
import { compileExpr } from "../executor/compile-expr.js";
import { truthy } from "../executor/eval-ops.js";
import type { BoundAggregate } from "../executor/grouping.js";
import type { Table } from "../table/table.js";
import { toList, toNumber, toText, type Atom, type EvalValue, type Value } from "../values/value.js";
import { aggregateSpec, argsOf } from "./args.js";
import { checkAggregateEval, expandSubsearches } from "./eval-subsearch.js";
import type { CheckContext, ExecContext } from "./types.js";

/** Reads the aggregate positionals of a stats-like command; reports a command without any. */
export function readAggregates(node: CommandNode, ctx: CheckContext): AggregateSpec[] | null {
  const out: AggregateSpec[] = [];
  for (const p of argsOf(node, "positional")) {
    const spec = aggregateSpec(p, node, ctx, true);
    const checked = spec && checkAggregateEval(spec, ctx);
    if (checked) out.push(checked);
  }
  if (out.length === 0) {
    ctx.report(diag("bad-argument", { command: node.name, message: "needs at least one aggregate, e.g. count or avg(<field>)" }, node.span));
    return null;
  }
  return out;
}

/** Binds each aggregate to the columns of `input` (as stats does). */
export function bindAggregates(specs: readonly AggregateSpec[], input: Table, ctx: ExecContext): BoundAggregate[] {
  const timeCol = input.column("_time");
  const time = (r: number) => toNumber(timeCol?.[r] ?? null);
  return specs.map((a) => {
    if (a.evalExpr) {
      const f = compileExpr(expandSubsearches(a.evalExpr, a.evalSubsearches, ctx), input, ctx.fn);
      return bindAggregate(a, (r) => atoms(f(r)), time, (r) => truthy(f(r)));
    }
    const col = a.field === null ? undefined : input.column(a.field);
    return bindAggregate(a, a.field === null ? null : (r) => (col ? toList(col[r] ?? null) : []), time);
  });
}

/** Runs the aggregates over the given rows and returns one result per aggregate. */
export function aggregateRows(aggs: readonly BoundAggregate[], rows: Iterable<number>): Value[] {
  const states = aggs.map((a) => a.init());
  for (const r of rows) aggs.forEach((a, i) => a.add(states[i], r));
  return aggs.map((a, i) => a.result(states[i]));
}

/**
 * The BY key of each row: the BY values joined (a multivalue value counts as one value, a choice
 * where the docs are silent), or null when a BY field is missing.
 */
export function byKeys(input: Table, by: readonly string[]): (string | null)[] {
  const cols = by.map((b) => input.column(b));
  return Array.from({ length: input.length }, (_, r) => {
    const parts: string[] = [];
    for (const c of cols) {
      const v = c?.[r] ?? null;
      if (v === null) return null;
      parts.push(toList(v).map((a) => toText(a)).join("\u0001"));
    }
    return parts.join("\u0000");
  });
}

function atoms(v: EvalValue): Atom[] {
  return typeof v === "boolean" ? [] : toList(v);
}
