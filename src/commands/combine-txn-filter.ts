/**
 * transaction's startswith=/endswith= values (transaction reference,
 * help.splunk.com/splunk-enterprise/spl-search-reference/9.4/search-commands/transaction:
 * `<filter-string>` is "<search-expression> | (<quoted-search-expression>) | eval(<eval-expression>)").
 *  - `eval(<expr>)`: an eval expression, true when it evaluates to true.
 *  - `"<search>"` or a bare word: a search expression (search semantics: case-insensitive values,
 *    wildcards, free text against _raw).
 *  - `(<search terms>)`: the parser reads a parenthesised option value as a search expression
 *    (`startswith=(EventCode=5136 OperationType="%%14674")`). An eval expression in parentheses (an
 *    older parse of the same text) is turned back into the search expression it spells, a bare
 *    word on the right being a value as in search; a shape with no search equivalent stays eval.
 */
import type { TxnFilter } from "../ast/commands-combine.js";
import type { ArgValue, CommandNode, Expr, SearchExpr, SearchValue } from "../ast/nodes.js";
import { diag } from "../diagnostics/diagnostic.js";
import { compileExpr } from "../executor/compile-expr.js";
import { truthy } from "../executor/eval-ops.js";
import { tableSource } from "../executor/field-source.js";
import { compileSearch } from "../executor/search-predicate.js";
import type { Table } from "../table/table.js";
import { parseSearch } from "../frontend.js";
import type { FnContext } from "../functions/types.js";
import { argsOf } from "./args.js";
import { checkExpr } from "./check-expr.js";
import type { CheckContext } from "./types.js";

export function readTxnFilter(v: ArgValue, node: CommandNode, ctx: CheckContext): TxnFilter | null {
  if (v.kind === "call" && v.name.toLowerCase() === "eval" && v.args[0]?.kind === "expr") {
    checkExpr(v.args[0].expr, ctx);
    return { kind: "eval", expr: v.args[0].expr };
  }
  if (v.kind === "search") return { kind: "search", expr: v.expr };
  if (v.kind === "expr") {
    const s = toSearch(v.expr);
    if (s) return { kind: "search", expr: s };
    checkExpr(v.expr, ctx);
    return { kind: "eval", expr: v.expr };
  }
  if (v.kind === "string" || v.kind === "word") {
    const front = parseSearch(`search ${v.text}`, { name: `${node.name} filter` });
    const first = front.pipeline?.commands[0];
    const expr = first && front.pipeline?.commands.length === 1 ? argsOf(first, "search")[0]?.expr ?? null : null;
    if (expr && !front.diagnostics.some((d) => d.severity === "error")) return { kind: "search", expr: respan(expr, v.span) };
  }
  ctx.report(diag("bad-argument", { command: node.name, message: 'expected a search expression: "…", (…) or eval(…)' }, v.span));
  return null;
}

/** A row predicate over a table. */
export function compileTxnFilter(f: TxnFilter, t: Table, fn: FnContext): (row: number) => boolean {
  if (f.kind === "search") return compileSearch(f.expr, tableSource(t));
  const e = compileExpr(f.expr, t, fn);
  return (r) => truthy(e(r));
}

const COMPARE_OPS = new Set(["=", "==", "!=", "<", ">", "<=", ">="]);

/** The search expression an eval expression spells, or null. */
function toSearch(e: Expr): SearchExpr | null {
  const base = { span: e.span, ...(e.origin ? { origin: e.origin } : {}) };
  switch (e.kind) {
    case "binary": {
      if (e.op === "AND" || e.op === "OR") {
        const l = toSearch(e.left);
        const r = toSearch(e.right);
        return l && r ? { kind: e.op === "AND" ? "and" : "or", items: [l, r], ...base } : null;
      }
      if (!COMPARE_OPS.has(e.op) || e.left.kind !== "field") return null;
      const value = valueOf(e.right);
      if (!value) return null;
      const op = e.op === "==" ? "=" : (e.op as "=" | "!=" | "<" | ">" | "<=" | ">=");
      return { kind: "compare", field: e.left.name, fieldSpan: e.left.span, op, value, ...base };
    }
    case "unary": {
      if (e.op !== "NOT") return null;
      const inner = toSearch(e.operand);
      return inner ? { kind: "not", operand: inner, ...base } : null;
    }
    case "in": {
      if (e.subject.kind !== "field") return null;
      const values = e.values.map(valueOf);
      if (values.some((v) => v === null)) return null;
      return { kind: "in", field: e.subject.name, fieldSpan: e.subject.span, values: values as SearchValue[], ...base };
    }
    case "field":
    case "literal": {
      const value = valueOf(e);
      return value ? { kind: "term", value, ...base } : null;
    }
    default:
      return null;
  }
}

function valueOf(e: Expr): SearchValue | null {
  const base = { span: e.span, ...(e.origin ? { origin: e.origin } : {}) };
  if (e.kind === "literal") return { text: String(e.value), quoted: typeof e.value === "string", ...base };
  if (e.kind === "field") return { text: e.name, quoted: false, ...base };
  return null;
}

/** Points every node of a search parsed from an option's text at the option (its own source is gone). */
function respan(e: SearchExpr, span: SearchExpr["span"]): SearchExpr {
  switch (e.kind) {
    case "and": case "or": return { ...e, span, items: e.items.map((i) => respan(i, span)) };
    case "not": return { ...e, span, operand: respan(e.operand, span) };
    case "compare": return { ...e, span, fieldSpan: span, value: { ...e.value, span } };
    case "in": return { ...e, span, fieldSpan: span, values: e.values.map((v) => ({ ...v, span })) };
    case "term": return { ...e, span, value: { ...e.value, span } };
    case "subsearch": return { ...e, span };
  }
}
