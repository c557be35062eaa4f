/**
 * Static checks of eval/where expressions: every function exists (with a did-you-mean) and gets
 * an accepted number of arguments.
 */
import type { Expr } from "../ast/nodes.js";
import { diag } from "../diagnostics/diagnostic.js";
import { didYouMean } from "../diagnostics/suggest.js";
import { FUNCTIONS } from "../functions/registry.js";
import { resolveFunction } from "../functions/resolve.js";
import type { CheckContext } from "./types.js";

export function checkExpr(e: Expr, ctx: CheckContext): void {
  switch (e.kind) {
    case "call": {
      const def = resolveFunction(e.name);
      if (!def) {
        ctx.report(diag("unknown-function", { name: e.name }, e.nameSpan, { hints: didYouMean(e.name, FUNCTIONS.keys()) }));
      } else if (e.args.length < def.minArgs || e.args.length > def.maxArgs) {
        const expected = def.minArgs === def.maxArgs ? String(def.minArgs)
          : def.maxArgs === Number.POSITIVE_INFINITY ? `at least ${def.minArgs}` : `${def.minArgs} to ${def.maxArgs}`;
        ctx.report(diag("function-arity", { name: e.name, expected, got: e.args.length }, e.span, { hints: [def.signature] }));
      }
      e.args.forEach((a) => checkExpr(a, ctx));
      return;
    }
    case "binary": checkExpr(e.left, ctx); checkExpr(e.right, ctx); return;
    case "unary": checkExpr(e.operand, ctx); return;
    case "in": checkExpr(e.subject, ctx); e.values.forEach((v) => checkExpr(v, ctx)); return;
    case "literal": case "field": case "error": return;
  }
}

/** True when the expression's result is a boolean (a comparison or logical operator at the top). */
export function isBooleanExpr(e: Expr): boolean {
  if (e.kind === "unary") return e.op === "NOT";
  if (e.kind === "in") return true;
  if (e.kind !== "binary") return false;
  return !["+", "-", "*", "/", "%", "."].includes(e.op);
}
