/**
 * `eval a=<expr>, b=<expr>`: computes fields left to right (a later assignment sees an earlier
 * one). A boolean result cannot be stored in a field, as in Splunk: wrap it in if().
 */
import { diag } from "../diagnostics/diagnostic.js";
import { compileExpr } from "../executor/compile-expr.js";
import type { Value } from "../values/value.js";
import { argsOf } from "./args.js";
import { checkExpr, isBooleanExpr } from "./check-expr.js";
import type { CommandDef } from "./types.js";

export const evalCommand: CommandDef<"eval"> = {
  kind: "eval",
  summary: "Computes fields from expressions.",
  usage: "eval <field>=<expression> [, <field>=<expression>]...",
  examples: ['| makeresults | eval x=1+2, y=x*2, s="a" . "b"', '| makeresults | eval kind=if(1>2, "big", "small")'],
  check(node, ctx) {
    const assignments = argsOf(node, "assign").map((a) => {
      checkExpr(a.expr, ctx);
      if (isBooleanExpr(a.expr)) {
        ctx.report(diag("bad-argument", { command: "eval", message: `the value of "${a.field}" would be a boolean; use if(<condition>, <then>, <else>)` }, a.expr.span));
      }
      return { field: a.field, expr: a.expr };
    });
    if (assignments.length === 0) {
      ctx.report(diag("bad-argument", { command: "eval", message: "needs <field>=<expression>" }, node.span));
      return null;
    }
    return { kind: "eval", assignments, span: node.span };
  },
  plan(cmd) {
    return (input, ctx) => {
      let t = input;
      for (const a of cmd.assignments) {
        const f = compileExpr(a.expr, t, ctx.fn);
        const out = new Array<Value>(t.length);
        for (let i = 0; i < t.length; i++) {
          const v = f(i);
          out[i] = typeof v === "boolean" ? null : v;
        }
        t = t.withColumn(a.field, out);
      }
      return t;
    };
  },
};
