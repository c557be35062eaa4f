/**
 * chart's `"(" <eval-expression> ")"` aggregate (chart reference, Syntax; example "Chart the ratio
 * of the average to the maximum "delay" for each distinct "host" and "user" pair":
 * `chart eval(avg(delay)/max(delay)) BY host user`). Each aggregate call inside the expression
 * (`avg(delay)`, `count`, `count(x)`) becomes a hidden aggregate computed per cell; the
 * expression is then evaluated over those results. The pages' rule (chart: "Unless you specify a
 * split-by clause, the eval expression must be renamed"; timechart: "If you use an eval
 * expression, the split-by clause is required") is checked by readColumns: without BY, an
 * expression needs AS.
 */
import type { AggregateSpec } from "../ast/commands.js";
import type { ChartAggregate } from "../ast/commands-report.js";
import type { CommandNode, Expr } from "../ast/nodes.js";
import { printExpr } from "../ast/print.js";
import { diag } from "../diagnostics/diagnostic.js";
import { lookupAggregate } from "../aggregates/registry.js";
import { compileExpr } from "../executor/compile-expr.js";
import type { BoundAggregate } from "../executor/grouping.js";
import type { FnContext } from "../functions/types.js";
import { Table } from "../table/table.js";
import type { Value } from "../values/value.js";
import type { Span } from "../source/source-text.js";
import { aggregateSpec, type argsOf } from "./args.js";
import { checkExpr } from "./check-expr.js";
import type { CheckContext } from "./types.js";

const PART = "\u0000chart-part-";

/**
 * timechart's rate functions (Time functions: `per_second`, `per_minute`, `per_hour`, `per_day`),
 * the seconds of their unit: the column is the bucket's sum scaled from the span to that unit.
 */
const RATE_UNITS: Readonly<Record<string, number>> = { per_second: 1, per_minute: 60, per_hour: 3600, per_day: 86400 };

/** Replaces aggregate calls by hidden fields; returns the rewritten expression and the parts. */
export function splitEvalAggregates(expr: Expr): { expr: Expr; parts: AggregateSpec[] } {
  const parts: AggregateSpec[] = [];
  const go = (e: Expr): Expr => {
    switch (e.kind) {
      case "call": {
        const name = e.name.toLowerCase();
        const arg = e.args[0];
        const isCount = name === "count" && (e.args.length === 0 || (e.args.length === 1 && arg?.kind === "field"));
        if (isCount || (e.args.length === 1 && arg?.kind === "field" && lookupAggregate(name))) {
          const as = `${PART}${parts.length}`;
          parts.push({ fn: name, field: arg?.kind === "field" ? arg.name : null, as, span: e.span });
          return { kind: "field", name: as, span: e.span };
        }
        return { ...e, args: e.args.map(go) };
      }
      case "binary": return { ...e, left: go(e.left), right: go(e.right) };
      case "unary": return { ...e, operand: go(e.operand) };
      case "in": return { ...e, subject: go(e.subject), values: e.values.map(go) };
      default: return e;
    }
  };
  return { expr: go(expr), parts };
}

/** A chart column as one aggregate: plain ones as bound, eval ones over their bound parts. */
export function columnAggregate(
  c: ChartAggregate, bound: ReadonlyMap<AggregateSpec, BoundAggregate>, fn: FnContext, spanSeconds = 1,
): BoundAggregate {
  if (c.kind === "agg") return bound.get(c.spec) as BoundAggregate;
  if (c.kind === "rate") {
    const sum = bound.get(c.spec) as BoundAggregate;
    const scale = c.unit / spanSeconds;
    return { ...sum, result: (s) => {
      const v = sum.result(s);
      return typeof v === "number" ? v * scale : v;
    } };
  }
  const parts = c.parts.map((p) => bound.get(p) as BoundAggregate);
  const names = c.parts.map((p) => p.as);
  return {
    spec: { fn: "eval", field: null, as: c.as, span: c.span as Span },
    init: () => parts.map((p) => p.init()),
    add: (s, r) => parts.forEach((p, i) => p.add((s as unknown[])[i], r)),
    result: (s) => {
      const cols = new Map<string, Value[]>(parts.map((p, i) => [names[i] as string, [p.result((s as unknown[])[i])]]));
      const v = compileExpr(c.expr, Table.fromColumns(names, cols, 1), fn)(0);
      return typeof v === "boolean" ? (v ? "true" : "false") : v;
    },
  };
}

/** A command's aggregate positionals: plain aggregates and eval expressions over aggregates. */
export function readColumns(
  node: CommandNode, args: ReturnType<typeof argsOf<"positional">>, ctx: CheckContext, hasBy: boolean, rates = false,
): ChartAggregate[] | null {
  const out: ChartAggregate[] = [];
  let failed = false;
  for (const p of args) {
    const v = p.value;
    const unit = rates && v.kind === "call" ? RATE_UNITS[v.name.toLowerCase()] : undefined;
    if (unit !== undefined && v.kind === "call") {
      const arg = v.args[0];
      const written = `${v.name}(${arg?.kind === "word" || arg?.kind === "string" ? arg.text : arg?.kind === "call" ? `${arg.name}(…)` : ""})`;
      const spec = aggregateSpec({ ...p, value: { ...v, name: "sum" }, alias: p.alias ?? { name: written, span: v.span } }, node, ctx, true);
      if (spec?.evalExpr) checkExpr(spec.evalExpr, ctx);
      if (spec) out.push({ kind: "rate", spec, unit });
      else failed = true;
      continue;
    }
    const inner = v.kind === "call" && v.name.toLowerCase() === "eval" ? v.args[0] : undefined;
    if (inner?.kind === "expr") {
      if (!p.alias && !hasBy) {
        ctx.report(diag("bad-argument", { command: node.name, message: "an eval expression must be renamed with AS unless there is a split-by clause" }, p.span));
        failed = true;
        continue;
      }
      const { expr, parts } = splitEvalAggregates(inner.expr);
      checkExpr(expr, ctx);
      out.push({ kind: "eval", as: p.alias?.name ?? `eval(${printExpr(inner.expr)})`, parts, expr, span: p.span });
      continue;
    }
    const spec = aggregateSpec(p, node, ctx, true);
    if (spec?.evalExpr) checkExpr(spec.evalExpr, ctx);
    if (spec) out.push({ kind: "agg", spec });
    else failed = true;
  }
  if (failed) return null;
  if (out.length === 0) {
    ctx.report(diag("bad-argument", { command: node.name, message: "needs an aggregate, e.g. count or avg(field)" }, node.nameSpan));
    return null;
  }
  return out;
}
