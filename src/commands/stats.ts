/**
 * `stats <aggregate>... [by <field>...]`: one row per distinct BY combination, sorted by the BY
 * values (spl-semantics.md §2.1); a result with a null BY value is dropped (UNVERIFIED there,
 * chosen to match tstats without fillnull_value).
 */
import type { AggregateSpec } from "../ast/commands.js";
import { diag } from "../diagnostics/diagnostic.js";
import { bindAggregate } from "../executor/bind-aggregate.js";
import { compileExpr } from "../executor/compile-expr.js";
import { truthy } from "../executor/eval-ops.js";
import { Grouper } from "../executor/grouping.js";
import { unknownFieldWarnings } from "../executor/field-hints.js";
import { toList, toNumber, type Atom, type EvalValue } from "../values/value.js";
import { aggregateSpec, argsOf, byFields, rejectKinds } from "./args.js";
import { checkExpr } from "./check-expr.js";
import type { CommandDef } from "./types.js";

export const stats: CommandDef<"stats"> = {
  kind: "stats",
  summary: "Aggregates results, optionally grouped by fields.",
  usage: "stats <aggregate>[(<field>)] [AS <name>]... [by <field>...]",
  examples: ['| makeresults count=4 | eval host="a" | stats count by host', "| makeresults count=2 | stats count"],
  check(node, ctx) {
    rejectKinds(node, ["option", "where"], ctx);
    const aggregates: AggregateSpec[] = [];
    for (const p of argsOf(node, "positional")) {
      const spec = aggregateSpec(p, node, ctx, true);
      if (spec) {
        if (spec.evalExpr) checkExpr(spec.evalExpr, ctx);
        aggregates.push(spec);
      }
    }
    if (aggregates.length === 0) {
      ctx.report(diag("bad-argument", { command: "stats", message: "needs at least one aggregate, e.g. count" }, node.span));
      return null;
    }
    return { kind: "stats", aggregates, by: byFields(node).map((b) => b.name), span: node.span };
  },
  plan(cmd) {
    return (input, ctx) => {
      const timeCol = input.column("_time");
      const time = (r: number) => toNumber(timeCol?.[r] ?? null);
      const aggs = cmd.aggregates.map((a) => {
        if (a.evalExpr) {
          const f = compileExpr(a.evalExpr, input, ctx.fn);
          const read = (r: number) => atoms(f(r));
          return bindAggregate(a, read, time, (r) => truthy(f(r)));
        }
        const col = a.field === null ? undefined : input.column(a.field);
        return bindAggregate(a, a.field === null ? null : (r) => (col ? toList(col[r] ?? null) : []), time);
      });
      if (input.length > 0) for (const w of unknownFieldWarnings("stats", cmd.by, input.fields, ctx.store, cmd.span)) ctx.warn(w);
      const byCols = cmd.by.map((b) => input.column(b));
      const grouper = new Grouper(cmd.by.length, aggs, undefined);
      const readKey = (r: number, f: number): readonly Atom[] => {
        const col = byCols[f];
        return col ? toList(col[r] ?? null) : [];
      };
      for (let r = 0; r < input.length; r++) grouper.add(r, readKey);
      return grouper.result(cmd.by);
    };
  },
};

function atoms(v: EvalValue): Atom[] {
  return typeof v === "boolean" ? [] : toList(v);
}
