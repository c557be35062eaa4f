/**
 * Compiles an eval/where expression into a closure over row numbers of a table (never into
 * JavaScript source text). Function calls resolve against the function registry once, here.
 */
import type { Expr } from "../ast/nodes.js";
import { diag, SplRuntimeError, type Diagnostic } from "../diagnostics/diagnostic.js";
import { isValueTooLarge, MAX_VALUE_LENGTH, tooLarge } from "../functions/value-limit.js";
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
        if (op !== "+" && op !== ".") return (r) => applyBinary(op, l(r), rt(r));
        // Joining strings can pass the value limit: that result is null, with one warning.
        const once = warnOnce(fn, e.span, `\`${op}\``);
        return (r) => {
          try {
            return applyBinary(op, l(r), rt(r));
          } catch (err) {
            if (!isValueTooLarge(err)) throw err;
            once(err);
            return null;
          }
        };
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
        const once = warnOnce(fn, e.span, `${e.name}()`);
        return (r) => {
          try {
            const v = def.impl(args.map((a) => a(r)), fn);
            if (typeof v === "string" && v.length > MAX_VALUE_LENGTH) throw tooLarge("the result");
            return v;
          } catch (err) {
            // A pattern built from event data (`"(?i)".original_file_name`) that does not compile,
            // or a value past the size limit (value-limit.ts), makes that call null for that
            // result, with one warning, instead of failing the search; a literal bad pattern is
            // already an error at check time (check-expr.ts).
            const badPattern = err instanceof SplRuntimeError && err.message.startsWith("invalid regular expression");
            if (!badPattern && !isValueTooLarge(err)) throw err;
            once(err);
            return null;
          }
        };
      }
      case "error": return () => null;
    }
  };
  return go(expr, new Map());
}

/** A warning at `span` for the first failure of one call site (later ones stay silent). */
function warnOnce(fn: FnContext, span: Expr["span"], what: string): (err: unknown) => void {
  let warned = false;
  return (err) => {
    if (warned) return;
    warned = true;
    const base: Diagnostic = err instanceof SplRuntimeError ? err.diagnostic : tooLarge("the result").diagnostic;
    fn.warn?.({ ...base, severity: "warning", span, message: `${what}: ${base.message}; the ${what.endsWith("()") ? "call" : "operator"} gives null where it happens` });
  };
}
