/**
 * Compiles an eval/where expression into a closure over row numbers of a table (never into
 * JavaScript source text). Function calls resolve against the function registry once, here.
 */
import type { Expr } from "../ast/nodes.js";
import { diag, SplRuntimeError } from "../diagnostics/diagnostic.js";
import type { FnContext } from "../functions/types.js";
import { resolveFunction } from "../functions/resolve.js";
import type { EvalValue } from "../values/value.js";
import { applyBinary, atomEquals, truthy } from "./eval-ops.js";
import { SPECIAL_FORMS } from "./special-forms.js";
import type { Table } from "../table/table.js";
import { isMulti, toNumber, type Atom } from "../values/value.js";

export type RowEval = (row: number) => EvalValue;

/** Fields bound to a value while a special form iterates (mvfilter, mvmap). */
type Env = ReadonlyMap<string, () => EvalValue>;

export function compileExpr(expr: Expr, table: Table, fn: FnContext): RowEval {
  const go = (e: Expr, env: Env): RowEval => {
    switch (e.kind) {
      case "literal": { const v = e.value; return () => v; }
      case "field": {
        const bound = env.get(e.name);
        if (bound) return () => bound();
        const col = table.column(e.name);
        return col ? (r) => col[r] ?? null : () => null;
      }
      case "unary": {
        const inner = go(e.operand, env);
        if (e.op === "NOT") return (r) => !truthy(inner(r));
        return (r) => { const n = toNumber(inner(r)); return Number.isNaN(n) ? null : -n; };
      }
      case "binary": {
        const l = go(e.left, env);
        const rt = go(e.right, env);
        if (e.op === "AND") return (r) => truthy(l(r)) && truthy(rt(r));
        if (e.op === "OR") return (r) => truthy(l(r)) || truthy(rt(r));
        const op = e.op;
        return (r) => applyBinary(op, l(r), rt(r));
      }
      case "in": {
        const subject = go(e.subject, env);
        const values = e.values.map((v) => go(v, env));
        return (r) => {
          const s = subject(r);
          if (s === null || typeof s === "boolean") return false;
          const xs: Atom[] = isMulti(s) ? [...s] : [s];
          return values.some((v) => {
            const y = v(r);
            return y !== null && typeof y !== "boolean" && !isMulti(y) && xs.some((x) => atomEquals(x, y));
          });
        };
      }
      case "call": {
        const special = SPECIAL_FORMS[e.name.toLowerCase()];
        if (special) return special(e, table, env, (x, en) => go(x, en));
        const def = resolveFunction(e.name);
        if (!def) throw new SplRuntimeError(diag("unknown-function", { name: e.name }, e.nameSpan));
        const args = e.args.map((a) => go(a, env));
        let warned = false;
        return (r) => {
          try {
            return def.impl(args.map((a) => a(r)), fn);
          } catch (err) {
            // A pattern built from event data (`"(?i)".original_file_name`) that does not compile
            // makes that call null for that result, with one warning, instead of failing the
            // search; a literal bad pattern is already an error at check time (check-expr.ts).
            if (!(err instanceof SplRuntimeError) || !err.message.startsWith("invalid regular expression")) throw err;
            if (!warned) {
              warned = true;
              fn.warn?.({ ...err.diagnostic, severity: "warning", span: e.span, message: `${e.name}(): ${err.message}; the call gives null where it happens` });
            }
            return null;
          }
        };
      }
      case "error": return () => null;
    }
  };
  return go(expr, new Map());
}
