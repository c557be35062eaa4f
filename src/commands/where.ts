/**
 * `where <expression>`: keeps results for which the eval expression is true. Unlike search,
 * string comparison is case-sensitive and `*` is a literal (spl-semantics.md §6).
 */
import { diag } from "../diagnostics/diagnostic.js";
import { compileExpr } from "../executor/compile-expr.js";
import { truthy } from "../executor/eval-ops.js";
import { argsOf } from "./args.js";
import { checkExpr } from "./check-expr.js";
import type { CommandDef } from "./types.js";

export const where: CommandDef<"where"> = {
  kind: "where",
  summary: "Keeps results where an eval expression is true.",
  usage: "where <expression>",
  examples: ['| makeresults | eval n=3 | where n > 1', '| makeresults | eval u="Admin" | where u="Admin"'],
  check(node, ctx) {
    const e = argsOf(node, "expr")[0]?.expr;
    if (!e) {
      ctx.report(diag("bad-argument", { command: "where", message: "needs an expression" }, node.span));
      return null;
    }
    checkExpr(e, ctx);
    return { kind: "where", expr: e, span: node.span };
  },
  plan(cmd) {
    return (input, ctx) => {
      const f = compileExpr(cmd.expr, input, ctx.fn);
      const keep: number[] = [];
      for (let i = 0; i < input.length; i++) if (truthy(f(i))) keep.push(i);
      return keep.length === input.length ? input : input.select(keep);
    };
  },
};
