/**
 * `head [<n>]`, `head limit=<n>`, `head (<eval-expression>) [keeplast=<bool>] [null=<bool>]`: the
 * first n results (default 10), or the results before the first one for which the expression is
 * false (Splunk head reference: "returns results until the expression evaluates to false").
 * A number and limit= together are an error ("Using both the numeric limit and limit=<int>
 * results in an error"); with an expression, limit= caps it ("the smaller of the two constraints").
 */
import type { Expr } from "../ast/nodes.js";
import type { FnContext } from "../functions/types.js";
import type { Table } from "../table/table.js";
import { diag } from "../diagnostics/diagnostic.js";
import { compileExpr } from "../executor/compile-expr.js";
import { truthy } from "../executor/eval-ops.js";
import { argsOf, boolOption, intValue, readOptions, rejectKinds } from "./args.js";
import { checkExpr } from "./check-expr.js";
import type { CommandDef } from "./types.js";

export const head: CommandDef<"head"> = {
  kind: "head",
  summary: "Keeps the first n results (default 10), or the results while an expression holds.",
  usage: "head [<n>] | head limit=<n> | head (<eval-expression>) [keeplast=<bool>] [null=<bool>]",
  examples: ["| makeresults count=5 | head 2", "| makeresults count=3 | eval n=1 | head (n < 2)"],
  options: {
    limit: { query: "| makeresults count=5 | head limit=2", baseline: "| makeresults count=5 | head" },
    keeplast: { query: "| makeresults count=3 | streamstats count AS n | head (n < 2) keeplast=true", baseline: "| makeresults count=3 | streamstats count AS n | head (n < 2)" },
    null: { query: "| makeresults count=3 | streamstats count AS n | eval m=if(n=1, null(), 1) | head (if(n=1, null(), n<3)) null=true", baseline: "| makeresults count=3 | streamstats count AS n | eval m=if(n=1, null(), 1) | head (if(n=1, null(), n<3))" },
  },
  check(node, ctx) {
    rejectKinds(node, ["by", "where"], ctx);
    const opts = readOptions(node, ["limit", "keeplast", "null"], ctx);
    const pos = argsOf(node, "positional");
    let count = 10;
    let expr: Expr | undefined;
    const limitOpt = opts.get("limit");
    if (limitOpt) count = intValue(limitOpt.value, node, ctx, "limit") ?? count;
    for (const p of pos.slice(1)) ctx.report(diag("bad-argument", { command: "head", message: "takes one count or one (expression)" }, p.span));
    const first = pos[0]?.value;
    if (first?.kind === "expr") {
      checkExpr(first.expr, ctx);
      expr = first.expr;
      count = limitOpt ? count : Number.POSITIVE_INFINITY;
    } else if (first) {
      if (limitOpt) ctx.report(diag("bad-argument", { command: "head", message: "give the count either as a number or as limit=, not both" }, first.span));
      count = intValue(first, node, ctx, "the count") ?? count;
    }
    return {
      kind: "head", count, ...(expr ? { while: expr } : {}),
      keeplast: boolOption(opts.get("keeplast"), node, ctx, false),
      nullTrue: boolOption(opts.get("null"), node, ctx, false),
      span: node.span,
    };
  },
  plan(cmd) {
    return (input, ctx) => {
      const limit = Math.min(input.length, cmd.count);
      if (!cmd.while) return input.length <= limit ? input : input.select(Array.from({ length: limit }, (_, i) => i));
      const f = compileExpr(cmd.while, input, ctx.fn);
      const isNull = nullComparison(cmd.while, input, ctx.fn);
      const keep: number[] = [];
      for (let i = 0; i < limit; i++) {
        const v = isNull?.(i) ? null : f(i);
        const ok = v === null ? cmd.nullTrue : truthy(v);
        if (!ok) {
          if (cmd.keeplast) keep.push(i);
          break;
        }
        keep.push(i);
      }
      return input.select(keep);
    };
  },
};

const COMPARISONS = new Set(["=", "==", "!=", "<", ">", "<=", ">="]);

/**
 * The head page's null rule: "if the <eval-expression> is (x > 10) and a value in field x does not
 * exist, the <eval-expression> evaluates to NULL instead of true or false" (its extended example
 * 1, `head count<5 keeplast=true null=true`, goes on past the result without count). minispl's
 * eval gives such a comparison false, so for an expression that is a comparison head tests its
 * operands: a null one makes the expression NULL. Null for any other expression.
 */
function nullComparison(expr: Expr, input: Table, fn: FnContext): ((row: number) => boolean) | null {
  if (expr.kind !== "binary" || !COMPARISONS.has(expr.op)) return null;
  const left = compileExpr(expr.left, input, fn);
  const right = compileExpr(expr.right, input, fn);
  return (row) => left(row) === null || right(row) === null;
}
