/**
 * `[subsearch]` inside an eval expression (return reference, "Use return value in eval":
 * `... | eval nextid = 1 + [search user=* | return $id]`). Splunk runs the subsearch first and
 * pastes its text where the brackets were, so `return $id` with id=5 makes `1 + 5`. Here eval
 * checks each subsearch as a nested pipeline and, when it runs, replaces it by the subsearch's
 * `search` field (what return and format produce) parsed as an eval expression; the subsearch
 * runs once per eval, not per result. A subsearch that ends without return or format gets
 * format's text ("When you use a subsearch, the format command is implicitly applied to your
 * subsearch results", Search Manual, Change the format of subsearch results).
 *
 * where and the `eval(…)` of stats, eventstats and streamstats aggregates take them too: "The
 * where command uses the same expression syntax as the eval command" (where reference, Usage),
 * and stats lets "an eval expression" be "part of the statistical function" (stats reference,
 * Usage); checkExprSubsearches, checkAggregateEval and expandSubsearches serve them.
 */
import type { Command } from "../ast/commands.js";
import type { Expr, ExprSubsearch } from "../ast/nodes.js";
import { diag, SplRuntimeError } from "../diagnostics/diagnostic.js";
import { parseSearch } from "../frontend.js";
import type { AggregateSpec } from "../ast/commands.js";
import { SUBSEARCH_MAXOUT } from "../executor/subsearch.js";
import type { Table } from "../table/table.js";
import { toText } from "../values/value.js";
import { checkExpr } from "./check-expr.js";
import { DEFAULT_FRAME, formatSearch } from "./format.js";
import type { CheckContext, ExecContext } from "./types.js";

export type ExprSubsearchPlans = ReadonlyMap<ExprSubsearch, readonly Command[]>;

/**
 * Checks an expression, each `[subsearch]` in it as a nested pipeline: their plans (an empty map
 * when there is none), or null when a subsearch has an error (reported).
 */
export function checkExprSubsearches(e: Expr, ctx: CheckContext): ExprSubsearchPlans | null {
  const plans = new Map<ExprSubsearch, readonly Command[]>();
  let ok = true;
  checkExpr(e, ctx, (s) => {
    const checked = ctx.checkPipeline(s.pipeline);
    if (checked) plans.set(s, checked);
    else ok = false;
  });
  return ok ? plans : null;
}

/** An aggregate with its `eval(…)` expression checked, subsearches included; null on a subsearch error. */
export function checkAggregateEval(spec: AggregateSpec, ctx: CheckContext): AggregateSpec | null {
  if (!spec.evalExpr) return spec;
  const plans = checkExprSubsearches(spec.evalExpr, ctx);
  if (!plans) return null;
  return plans.size > 0 ? { ...spec, evalSubsearches: plans } : spec;
}

/** The expression with its checked subsearches, if any, run and replaced (once per command run). */
export function expandSubsearches(e: Expr, plans: ExprSubsearchPlans | undefined, ctx: ExecContext): Expr {
  return plans ? resolveExprSubsearches(e, plans, ctx) : e;
}

/** The expression with each subsearch run and replaced by its search text, parsed. */
export function resolveExprSubsearches(e: Expr, plans: ExprSubsearchPlans, ctx: ExecContext): Expr {
  switch (e.kind) {
    case "subsearch": {
      const commands = plans.get(e);
      if (!commands) throw new Error("internal: subsearch in an expression was not checked");
      return textExpr(searchText(ctx.run(commands), e), e);
    }
    case "binary": return { ...e, left: resolveExprSubsearches(e.left, plans, ctx), right: resolveExprSubsearches(e.right, plans, ctx) };
    case "unary": return { ...e, operand: resolveExprSubsearches(e.operand, plans, ctx) };
    case "in": return { ...e, subject: resolveExprSubsearches(e.subject, plans, ctx), values: e.values.map((v) => resolveExprSubsearches(v, plans, ctx)) };
    case "call": return { ...e, args: e.args.map((a) => resolveExprSubsearches(a, plans, ctx)) };
    default: return e;
  }
}

/** The `search` field that return and format make; else the results as format writes them. */
function searchText(t: Table, at: ExprSubsearch): string {
  if (!t.fields.includes("search")) return formatSearch(t, { frame: DEFAULT_FRAME, mvsep: "OR", maxresults: SUBSEARCH_MAXOUT, emptystr: "NOT( )" });
  const v = t.length > 0 ? t.get("search", 0) : null;
  const text = v === null ? null : toText((Array.isArray(v) ? v[0] : v) as string | number);
  if (text === null || text === undefined || text.trim() === "") {
    // return over no results gives "an empty string" (return reference), which no expression is.
    throw new SplRuntimeError(diag("runtime-error", { message: "a [subsearch] in an expression returned no search text (did its search find no results?)" }, at.span));
  }
  return text;
}

/** The text parsed as an eval expression, every position moved to the brackets (it indexes another text). */
function textExpr(text: string, at: ExprSubsearch): Expr {
  const parsed = parseSearch(`| eval __subsearch=(${text})`);
  const error = parsed.diagnostics.find((d) => d.severity === "error");
  const arg = parsed.pipeline?.commands[0]?.args[0];
  if (error || arg?.kind !== "assign") {
    throw new SplRuntimeError(diag("runtime-error", { message: `the subsearch's text is not an eval expression (${error?.message ?? "not one expression"}): ${text}` }, at.span));
  }
  return respan(arg.expr, at);
}

function respan(e: Expr, at: ExprSubsearch): Expr {
  const base = { span: at.span, ...(at.origin ? { origin: at.origin } : {}) };
  switch (e.kind) {
    case "binary": return { ...e, ...base, left: respan(e.left, at), right: respan(e.right, at) };
    case "unary": return { ...e, ...base, operand: respan(e.operand, at) };
    case "in": return { ...e, ...base, subject: respan(e.subject, at), values: e.values.map((v) => respan(v, at)) };
    case "call": return { ...e, ...base, nameSpan: at.span, args: e.args.map((a) => respan(a, at)) };
    default: return { ...e, ...base };
  }
}
