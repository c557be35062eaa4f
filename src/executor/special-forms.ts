/**
 * The evaluator side of mvfilter, mvmap and searchmatch (documented in functions/special-forms.ts):
 * they bind a field to one value at a time, or read search-language text, so they cannot be
 * ordinary functions over evaluated arguments.
 */
import type { Expr, ExprCall } from "../ast/nodes.js";
import { diag, SplRuntimeError } from "../diagnostics/diagnostic.js";
import { parseSearch } from "../frontend.js";
import { mv, toList, type Atom, type EvalValue } from "../values/value.js";
import { truthy } from "./eval-ops.js";
import { tableSource } from "./field-source.js";
import { compileSearch } from "./search-predicate.js";
import type { Table } from "../table/table.js";

type RowEval = (row: number) => EvalValue;
type Env = ReadonlyMap<string, () => EvalValue>;
type Compile = (e: Expr, env: Env) => RowEval;
type SpecialForm = (call: ExprCall, table: Table, env: Env, compile: Compile) => RowEval;

/** Distinct field names an expression reads. */
export function fieldsOf(e: Expr, out = new Set<string>()): Set<string> {
  if (e.kind === "field") out.add(e.name);
  else if (e.kind === "binary") { fieldsOf(e.left, out); fieldsOf(e.right, out); }
  else if (e.kind === "unary") fieldsOf(e.operand, out);
  else if (e.kind === "in") { fieldsOf(e.subject, out); e.values.forEach((v) => fieldsOf(v, out)); }
  else if (e.kind === "call") e.args.forEach((a) => fieldsOf(a, out));
  return out;
}

/** Evaluates `body` once per value of `field`, with the field bound to that value. */
function perValue(field: string, source: RowEval, body: Expr, env: Env, compile: Compile): (r: number) => { value: Atom; out: EvalValue }[] {
  const cell: { v: EvalValue } = { v: null };
  const inner = compile(body, new Map([...env, [field, () => cell.v]]));
  return (r) => toList(source(r)).map((value) => {
    cell.v = value;
    return { value, out: inner(r) };
  });
}

const mvfilter: SpecialForm = (call, _table, env, compile) => {
  const pred = call.args[0] as Expr;
  const [field] = [...fieldsOf(pred)];
  if (field === undefined) return () => null;
  const each = perValue(field, compile({ kind: "field", name: field, span: call.span }, env), pred, env, compile);
  return (r) => mv(each(r).filter((x) => truthy(x.out)).map((x) => x.value));
};

const mvmap: SpecialForm = (call, _table, env, compile) => {
  const target = call.args[0] as Expr;
  const source = compile(target, env);
  // The body names the field it iterates: the field itself, or the one field of an expression
  // over it that the body also reads (`mvmap(mvindex(results, 1, 2), results*threshold)`
  // "multiplies the 2nd and 3rd values in the results field", Multivalue eval functions).
  const read = target.kind === "field" ? null : [...fieldsOf(target)].filter((f) => fieldsOf(call.args[1] as Expr).has(f));
  const field = target.kind === "field" ? target.name : read?.length === 1 ? read[0]! : null;
  if (field === null) {
    const body = compile(call.args[1] as Expr, env);
    return (r) => (source(r) === null ? null : body(r));
  }
  const each = perValue(field, source, call.args[1] as Expr, env, compile);
  return (r) => mv(each(r).flatMap((x) => toList(x.out)));
};

const searchmatch: SpecialForm = (call, table) => {
  const arg = call.args[0];
  if (arg?.kind !== "literal" || typeof arg.value !== "string") {
    throw new SplRuntimeError(diag("bad-argument", { command: "searchmatch", message: "takes a quoted search string" }, call.span));
  }
  const parsed = parseSearch(`search ${arg.value}`, { name: "searchmatch" });
  const cmd = parsed.pipeline?.commands[0];
  const body = cmd?.args[0];
  if (!cmd || parsed.diagnostics.length > 0 || body?.kind !== "search") {
    const why = parsed.diagnostics[0]?.message ?? "not a search expression";
    throw new SplRuntimeError(diag("bad-argument", { command: "searchmatch", message: `cannot read ${JSON.stringify(arg.value)}: ${why}` }, arg.span));
  }
  const pred = compileSearch(body.expr, tableSource(table));
  return (r) => pred(r);
};

export const SPECIAL_FORMS: Readonly<Record<string, SpecialForm>> = { mvfilter, mvmap, searchmatch };
