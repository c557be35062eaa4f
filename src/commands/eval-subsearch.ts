/**
 * `[subsearch]` inside an eval expression (return reference, "Use return value in eval":
 * `... | eval nextid = 1 + [search user=* | return $id]`). Splunk runs the subsearch first and
 * pastes its text where the brackets were, so `return $id` with id=5 makes `1 + 5`. Here eval
 * checks each subsearch as a nested pipeline and, when it runs, replaces it by the subsearch's
 * `search` field (what return and format produce) parsed as an eval expression; the subsearch
 * runs once per eval, not per result.
 */
import type { Command } from "../ast/commands.js";
import type { Expr, ExprSubsearch } from "../ast/nodes.js";
import { diag, SplRuntimeError } from "../diagnostics/diagnostic.js";
import { parseSearch } from "../frontend.js";
import { toText } from "../values/value.js";
import type { ExecContext } from "./types.js";

export type ExprSubsearchPlans = ReadonlyMap<ExprSubsearch, readonly Command[]>;

/** The expression with each subsearch run and replaced by its search text, parsed. */
export function resolveExprSubsearches(e: Expr, plans: ExprSubsearchPlans, ctx: ExecContext): Expr {
  switch (e.kind) {
    case "subsearch": {
      const commands = plans.get(e);
      if (!commands) throw new Error("internal: subsearch in an expression was not checked");
      return textExpr(searchText(ctx.run(commands).get("search", 0) ?? null, e), e);
    }
    case "binary": return { ...e, left: resolveExprSubsearches(e.left, plans, ctx), right: resolveExprSubsearches(e.right, plans, ctx) };
    case "unary": return { ...e, operand: resolveExprSubsearches(e.operand, plans, ctx) };
    case "in": return { ...e, subject: resolveExprSubsearches(e.subject, plans, ctx), values: e.values.map((v) => resolveExprSubsearches(v, plans, ctx)) };
    case "call": return { ...e, args: e.args.map((a) => resolveExprSubsearches(a, plans, ctx)) };
    default: return e;
  }
}

function searchText(v: unknown, at: ExprSubsearch): string {
  const text = v === null ? null : toText((Array.isArray(v) ? v[0] : v) as string | number);
  if (text === null || text === undefined) {
    throw new SplRuntimeError(diag("runtime-error", { message: "a [subsearch] in eval needs search text from the subsearch (end it with return or format): it returned no search field" }, at.span));
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
