/**
 * Static checks of eval/where expressions: every function exists (with a did-you-mean) and gets
 * an accepted number of arguments.
 */
import type { Expr, ExprSubsearch } from "../ast/nodes.js";
import { diag, SplRuntimeError } from "../diagnostics/diagnostic.js";
import { safeRegex } from "../functions/safe-regex.js";
import { didYouMean } from "../diagnostics/suggest.js";
import { FUNCTIONS } from "../functions/registry.js";
import { resolveFunction } from "../functions/resolve.js";
import { unsupportedFunctionReason } from "../functions/unsupported.js";
import type { CheckContext } from "./types.js";

/**
 * Reports the expression's problems. A `[subsearch]` inside it is handed to `subsearch` (eval,
 * where and stats-like eval() aggregates run them: eval-subsearch.ts); without one it is an error.
 */
export function checkExpr(e: Expr, ctx: CheckContext, subsearch?: (s: ExprSubsearch) => void): void {
  switch (e.kind) {
    case "call": {
      const def = resolveFunction(e.name);
      const unsupported = def ? undefined : unsupportedFunctionReason(e.name);
      if (unsupported !== undefined) {
        ctx.report(diag("unsupported-function", { name: e.name, reason: unsupported }, e.nameSpan));
      } else if (!def) {
        ctx.report(diag("unknown-function", { name: e.name }, e.nameSpan, { hints: didYouMean(e.name, FUNCTIONS.keys()) }));
      } else if (e.args.length < def.minArgs || e.args.length > def.maxArgs) {
        const expected = def.minArgs === def.maxArgs ? String(def.minArgs)
          : def.maxArgs === Number.POSITIVE_INFINITY ? `at least ${def.minArgs}` : `${def.minArgs} to ${def.maxArgs}`;
        ctx.report(diag("function-arity", { name: e.name, expected, got: e.args.length }, e.span, { hints: [def.signature] }));
      }
      const bad = def?.checkArgs?.(e.args);
      if (bad) ctx.report(diag("bad-argument", { command: `${e.name}()`, message: bad.message }, bad.at.span));
      checkLiteralRegex(e, ctx);
      e.args.forEach((a) => checkExpr(a, ctx, subsearch));
      return;
    }
    case "binary": checkExpr(e.left, ctx, subsearch); checkExpr(e.right, ctx, subsearch); return;
    case "unary": checkExpr(e.operand, ctx, subsearch); return;
    case "in": checkExpr(e.subject, ctx, subsearch); e.values.forEach((v) => checkExpr(v, ctx, subsearch)); return;
    case "literal": case "field": case "error": return;
    case "subsearch":
      if (subsearch) subsearch(e);
      else ctx.report(diag("bad-argument", { command: "expression", message: "a [subsearch] inside an expression is supported in eval, where and the eval() of stats, eventstats and streamstats aggregates only" }, e.span));
      return;
  }
}

/** Which argument of a function is a regular expression. */
const REGEX_ARG: Readonly<Record<string, number>> = { match: 1, replace: 1, mvfind: 1 };

/** A literal pattern that does not compile is an error here, with its position, not at run time. */
function checkLiteralRegex(e: Extract<Expr, { kind: "call" }>, ctx: CheckContext): void {
  const i = REGEX_ARG[e.name.toLowerCase()];
  const arg = i === undefined ? undefined : e.args[i];
  if (arg?.kind !== "literal" || typeof arg.value !== "string") return;
  try {
    safeRegex(arg.value);
  } catch (err) {
    if (!(err instanceof SplRuntimeError)) throw err;
    ctx.report(diag("bad-argument", { command: `${e.name}()`, message: err.message }, arg.span));
  }
}

/** True when the expression's result is a boolean (a comparison or logical operator at the top). */
export function isBooleanExpr(e: Expr): boolean {
  if (e.kind === "unary") return e.op === "NOT";
  if (e.kind === "in") return true;
  if (e.kind !== "binary") return false;
  return !["+", "-", "*", "/", "%", "."].includes(e.op);
}
