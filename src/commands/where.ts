/**
 * `where <expression>`: keeps results for which the eval expression is true. Unlike search,
 * string comparison is case-sensitive and `*` is a literal (spl-semantics.md §6). A `[subsearch]`
 * in the expression is replaced by its search text, as in eval (eval-subsearch.ts): "The where
 * command uses the same expression syntax as the eval command" (where reference, Usage).
 */
import { diag } from "../diagnostics/diagnostic.js";
import { compileExpr } from "../executor/compile-expr.js";
import { truthy } from "../executor/eval-ops.js";
import { argsOf } from "./args.js";
import { checkExprSubsearches, expandSubsearches } from "./eval-subsearch.js";
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
    const subsearches = checkExprSubsearches(e, ctx);
    if (!subsearches) return null;
    return { kind: "where", expr: e, ...(subsearches.size ? { subsearches } : {}), span: node.span };
  },
  plan(cmd) {
    return (input, ctx) => {
      const f = compileExpr(expandSubsearches(cmd.expr, cmd.subsearches, ctx), input, ctx.fn);
      const keep: number[] = [];
      for (let i = 0; i < input.length; i++) if (truthy(f(i))) keep.push(i);
      return keep.length === input.length ? input : input.select(keep);
    };
  },
};
