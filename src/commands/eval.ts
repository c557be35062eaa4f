/**
 * `eval a=<expr>, b=<expr>`: computes fields left to right (a later assignment sees an earlier
 * one). A boolean result cannot be stored in a field, as in Splunk: wrap it in if().
 *
 * A target with braces names its field from data (Search Reference 10.0, eval: "{field}" on the
 * left side): `eval {name}=value` stores the value in the field whose name is the value of field
 * `name` in that result, and `eval {k}_count=1` writes `<k's value>_count`. A result where a named
 * field is null gets no assignment. "Searches that dynamically create field names generate errors
 * and do not complete if there are unbounded recursive replacements" (`eval p="{p}", v_{p}=p`):
 * a name whose replacement still holds a `{field}` part is that error.
 *
 * A `[subsearch]` in an expression is run and replaced by its search text (eval-subsearch.ts).
 */
import { diag, SplRuntimeError } from "../diagnostics/diagnostic.js";
import { compileExpr } from "../executor/compile-expr.js";
import type { Table } from "../table/table.js";
import { toText, type Value } from "../values/value.js";
import { argsOf } from "./args.js";
import type { Command } from "../ast/commands.js";
import type { ExprSubsearch } from "../ast/nodes.js";
import { checkExpr, isBooleanExpr } from "./check-expr.js";
import { resolveExprSubsearches } from "./eval-subsearch.js";
import type { CommandDef } from "./types.js";

const BRACED = /\{([^{}]+)\}/g;

/** True when the target's name comes from data (it has a `{field}` part). */
function isDynamic(field: string): boolean {
  return /\{[^{}]+\}/.test(field);
}

/** The field name a dynamic target gives for row `i`, or null when a named field is null there. */
function resolveName(t: Table, target: string, i: number): string | null {
  let missing = false;
  const name = target.replace(BRACED, (_whole, inner: string) => {
    const v = toText(t.get(inner, i));
    if (v === null) missing = true;
    return v ?? "";
  });
  if (missing || name === "") return null;
  if (isDynamic(name)) {
    throw new SplRuntimeError(diag("runtime-error", {
      message: `eval: the field name ${target} gives ${name}, which names a field from data again (unbounded recursive replacement)`,
    }));
  }
  return name;
}

/** Stores `values[i]` in the field named for row i (rows with no name keep everything as it was). */
function assignDynamic(t: Table, target: string, values: readonly Value[]): Table {
  const rowsByName = new Map<string, number[]>();
  for (let i = 0; i < t.length; i++) {
    const name = resolveName(t, target, i);
    if (name === null) continue;
    const rows = rowsByName.get(name);
    if (rows) rows.push(i);
    else rowsByName.set(name, [i]);
  }
  let out = t;
  for (const [name, rows] of rowsByName) {
    const existing = out.column(name);
    const col = existing ? [...existing] : new Array<Value>(t.length).fill(null);
    for (const i of rows) col[i] = values[i] ?? null;
    out = out.withColumn(name, col);
  }
  return out;
}

export const evalCommand: CommandDef<"eval"> = {
  kind: "eval",
  summary: "Computes fields from expressions.",
  usage: "eval <field>=<expression> [, <field>=<expression>]...",
  examples: [
    '| makeresults | eval x=1+2, y=x*2, s="a" . "b"', '| makeresults | eval kind=if(1>2, "big", "small")',
    '| makeresults | eval name="size", {name}=42',
  ],
  check(node, ctx) {
    const subsearches = new Map<ExprSubsearch, readonly Command[]>();
    let subsearchOk = true;
    const subsearch = (s: ExprSubsearch) => {
      const checked = ctx.checkPipeline(s.pipeline);
      if (checked) subsearches.set(s, checked);
      else subsearchOk = false;
    };
    const assignments = argsOf(node, "assign").map((a) => {
      checkExpr(a.expr, ctx, subsearch);
      if (isBooleanExpr(a.expr)) {
        ctx.report(diag("bad-argument", { command: "eval", message: `the value of "${a.field}" would be a boolean; use if(<condition>, <then>, <else>)` }, a.expr.span));
      }
      return { field: a.field, expr: a.expr };
    });
    if (assignments.length === 0) {
      ctx.report(diag("bad-argument", { command: "eval", message: "needs <field>=<expression>" }, node.span));
      return null;
    }
    if (!subsearchOk) return null;
    return { kind: "eval", assignments, ...(subsearches.size ? { subsearches } : {}), span: node.span };
  },
  plan(cmd) {
    const plans = cmd.subsearches;
    return (input, ctx) => {
      let t = input;
      for (const a of cmd.assignments) {
        const expr = plans ? resolveExprSubsearches(a.expr, plans, ctx) : a.expr;
        const f = compileExpr(expr, t, ctx.fn);
        const out = new Array<Value>(t.length);
        for (let i = 0; i < t.length; i++) {
          const v = f(i);
          out[i] = typeof v === "boolean" ? null : v;
        }
        t = isDynamic(a.field) ? assignDynamic(t, a.field, out) : t.withColumn(a.field, out);
      }
      return t;
    };
  },
};
