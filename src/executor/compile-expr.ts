/**
 * Compiles an eval/where expression into a closure over row numbers of a table (never into
 * JavaScript source text). Function calls resolve against the function registry once, here.
 */
import type { Expr } from "../ast/nodes.js";
import { diag, SplRuntimeError, type Diagnostic } from "../diagnostics/diagnostic.js";
import { isValueTooLarge, MAX_VALUE_LENGTH, tooLarge } from "../functions/value-limit.js";
import type { FnContext } from "../functions/types.js";
import { resolveFunction } from "../functions/resolve.js";
import { unsupportedFunctionReason } from "../functions/unsupported.js";
import type { EvalValue } from "../values/value.js";
import { applyBinary, atomEquals, truthy } from "./eval-ops.js";
import { SPECIAL_FORMS } from "./special-forms.js";
import type { Table } from "../table/table.js";
import { isMulti, toNumber, type Atom } from "../values/value.js";
import { combineLsd, EXACT, FROM_VALUE, lsdOfText, lsdOfValue, roundToLsd, settleNumber, storedNumber } from "../values/numeric-precision.js";

export type RowEval = (row: number) => EvalValue;

/**
 * Precision tracking (values/numeric-precision.ts) without a per-row object: a node whose
 * precision is known when it is compiled (a literal, a field: FROM_VALUE, a comparison: EXACT) is
 * listed in `statics` and writes nothing; arithmetic, sigfig() and other calls set `reg.prec` just
 * before they return, and their parent reads it right after the call.
 */
const reg = { prec: EXACT };

/** Fields bound to a value while a special form iterates (mvfilter, mvmap). */
type Env = ReadonlyMap<string, () => EvalValue>;

/**
 * The compiled expression. A number it gives is stored rounded to the precision its inputs carry
 * (eval command, "Rounding": `8.250 * 0.2` is 2), as text when that precision ends on zeros
 * (`8.250 * exact(0.2)` is "1.650"); see values/numeric-precision.ts.
 */
export function compileExpr(expr: Expr, table: Table, fn: FnContext): RowEval {
  const statics = new Map<RowEval, number>();
  const settled = new Set<RowEval>();
  const root = compileTracked(expr, table, fn, statics, settled);
  if (settled.has(root)) return root;
  const sp = statics.get(root);
  if (sp === undefined) return (r) => store(root(r), reg.prec);
  if (sp === EXACT || Number.isNaN(sp)) return root;
  return (r) => store(root(r), sp);
}

/**
 * `statics`: nodes of a fixed precision; `settled`: the root, when it is arithmetic that rounds its
 * own result (one closure fewer per row for the commonest eval, `x=a*b`).
 */
function compileTracked(expr: Expr, table: Table, fn: FnContext, statics: Map<RowEval, number>, settled: Set<RowEval>): RowEval {
  /** `f`, whose result has precision `p` on every row. */
  const fixed = (f: RowEval, p: number): RowEval => { statics.set(f, p); return f; };
  const go = (e: Expr, env: Env): RowEval => {
    switch (e.kind) {
      case "literal": {
        const v = e.value;
        return fixed(() => v, typeof v === "number" ? lsdOfText(e.raw ?? String(v)) : EXACT);
      }
      case "field": {
        const bound = env.get(e.name);
        if (bound) return fixed(() => bound(), FROM_VALUE);
        const col = table.column(e.name);
        return col ? fixed((r) => col[r] ?? null, FROM_VALUE) : fixed(() => null, EXACT);
      }
      case "unary": {
        const inner = go(e.operand, env);
        if (e.op === "NOT") return fixed((r) => !truthy(inner(r)), EXACT);
        // Negation keeps the operand's precision (FROM_VALUE reads the same digits); a dynamic
        // operand's stays in reg.prec.
        const neg: RowEval = (r) => { const n = toNumber(inner(r)); return Number.isNaN(n) ? null : -n; };
        const sp = statics.get(inner);
        return sp === undefined ? neg : fixed(neg, sp);
      }
      case "binary": {
        const l = go(e.left, env);
        const rt = go(e.right, env);
        if (e.op === "AND") return fixed((r) => truthy(l(r)) && truthy(rt(r)), EXACT);
        if (e.op === "OR") return fixed((r) => truthy(l(r)) || truthy(rt(r)), EXACT);
        const op = e.op;
        const lsp = statics.get(l);
        const rsp = statics.get(rt);
        if (op === "-" || op === "*" || op === "/" || op === "%" || op === "+") {
          // Arithmetic: the result's precision from the operands' (`+` of strings joins: EXACT).
          if (op !== "+" && e === expr) {
            const f: RowEval = (r) => {
              const a = l(r);
              const pa = lsp === undefined ? reg.prec : lsp;
              const b = rt(r);
              const pb = rsp === undefined ? reg.prec : rsp;
              const v = applyBinary(op, a, b);
              // Integers (counts, bytes, epoch seconds) are exact: decided here, without a call.
              if (typeof v !== "number" || (exactOperand(a, pa) && exactOperand(b, pb))) return v;
              return storedNumber(v, combineLsd(op, v, a, pa, b, pb));
            };
            settled.add(f);
            return f;
          }
          if (op !== "+") {
            return (r) => {
              const a = l(r);
              const pa = lsp === undefined ? reg.prec : lsp;
              const b = rt(r);
              const pb = rsp === undefined ? reg.prec : rsp;
              const v = applyBinary(op, a, b);
              reg.prec = typeof v !== "number" || (exactOperand(a, pa) && exactOperand(b, pb)) ? EXACT : combineLsd(op, v, a, pa, b, pb);
              return v;
            };
          }
          const once = warnOnce(fn, e.span, "`+`");
          return (r) => {
            const a = l(r);
            const pa = lsp === undefined ? reg.prec : lsp;
            const b = rt(r);
            const pb = rsp === undefined ? reg.prec : rsp;
            let v: EvalValue;
            try {
              v = applyBinary(op, a, b);
              // `+` that joins text joins the operands as eval stores them (rounded).
              if (typeof v === "string") v = applyBinary(op, store(a, pa), store(b, pb));
            } catch (err) {
              // Joining strings can pass the value limit: that result is null, with one warning.
              if (!isValueTooLarge(err)) throw err;
              once(err);
              v = null;
            }
            reg.prec = typeof v !== "number" || (exactOperand(a, pa) && exactOperand(b, pb)) ? EXACT : combineLsd(op, v, a, pa, b, pb);
            return v;
          };
        }
        if (op !== ".") return fixed((r) => applyBinary(op, l(r), rt(r)), EXACT);
        const once = warnOnce(fn, e.span, `\`${op}\``);
        return fixed((r) => {
          try {
            // A number joins as eval stores it: `"x" . 8.250*0.2` is "x2".
            const a = l(r);
            const a2 = store(a, lsp === undefined ? reg.prec : lsp);
            const b = rt(r);
            return applyBinary(op, a2, store(b, rsp === undefined ? reg.prec : rsp));
          } catch (err) {
            if (!isValueTooLarge(err)) throw err;
            once(err);
            return null;
          }
        }, EXACT);
      }
      case "in": {
        const subject = go(e.subject, env);
        const values = e.values.map((v) => go(v, env));
        return fixed((r) => {
          const s = subject(r);
          if (s === null || typeof s === "boolean") return false;
          const xs: Atom[] = isMulti(s) ? [...s] : [s];
          return values.some((v) => {
            const y = v(r);
            return y !== null && typeof y !== "boolean" && !isMulti(y) && xs.some((x) => atomEquals(x, y));
          });
        }, EXACT);
      }
      case "call": {
        const name = e.name.toLowerCase();
        const special = SPECIAL_FORMS[name];
        if (special) return fixed(special(e, table, env, (x, en) => go(x, en)), EXACT);
        const arg0 = e.args[0];
        // exact() and sigfig() act on the precision of their argument, so they are read here.
        if (name === "exact" && e.args.length === 1 && arg0) {
          const inner = go(arg0, env);
          return fixed((r) => inner(r), EXACT);
        }
        if (name === "sigfig" && e.args.length === 1 && arg0) {
          const inner = go(arg0, env);
          const sp = statics.get(inner);
          return (r) => { const v = inner(r); return sigfigOf(v, sp === undefined ? reg.prec : sp); };
        }
        const def = resolveFunction(e.name);
        if (!def) {
          const reason = unsupportedFunctionReason(e.name);
          throw new SplRuntimeError(reason === undefined
            ? diag("unknown-function", { name: e.name }, e.nameSpan)
            : diag("unsupported-function", { name: e.name, reason }, e.nameSpan));
        }
        const args = e.args.map((a) => go(a, env));
        const once = warnOnce(fn, e.span, `${e.name}()`);
        // A call returns a new value of unlimited precision, except when it hands back one of its
        // arguments (if, case, coalesce…): that keeps the argument's precision (`argPrec`).
        const argPrec = new Float64Array(args.length);
        const argStatic = args.map((a) => statics.get(a));
        // How an argument is written can decide the answer (typeof("5") is "String").
        const impl = def.specialize?.(e.args) ?? def.impl;
        const hand = def.numbersAsStored === true ? store : settle;
        return (r) => {
          try {
            const vals: EvalValue[] = new Array(args.length);
            for (let i = 0; i < args.length; i += 1) {
              // A function is handed a number as eval would store it: `tostring(0.1 + 0.2)` is "0.3".
              const v = (args[i] as RowEval)(r);
              const p = argStatic[i] ?? reg.prec;
              vals[i] = hand(v, p);
              argPrec[i] = p;
            }
            const v = impl(vals, fn);
            reg.prec = EXACT;
            if (typeof v === "number") {
              const i = vals.indexOf(v);
              if (i >= 0) reg.prec = argPrec[i] as number;
            }
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
            reg.prec = EXACT;
            return null;
          }
        };
      }
      case "error": return fixed(() => null, EXACT);
      // eval replaces its subsearches by their text before compiling (commands/eval-subsearch.ts).
      case "subsearch": throw new Error("internal: a subsearch in an expression was not resolved");
    }
  };
  return go(expr, new Map());
}

/** True for an operand of unlimited precision that is cheap to tell: EXACT, or an integer read from a field. */
function exactOperand(v: EvalValue, p: number): boolean {
  return p === EXACT || (Number.isNaN(p) && typeof v === "number" && Number.isInteger(v));
}

/** A number rounded to its precision `p` (what a function is handed); anything else as it is. */
function settle(v: EvalValue, p: number): EvalValue {
  return typeof v === "number" && !Number.isNaN(p) && p !== EXACT ? settleNumber(v, p) : v;
}

/** The value eval stores or joins as text: `settle`, keeping the precision's trailing zeros ("1.650"). */
function store(v: EvalValue, p: number): EvalValue {
  return typeof v === "number" && !Number.isNaN(p) && p !== EXACT ? storedNumber(v, p) : v;
}

/**
 * sigfig(): the number rounded to the significant figures its precision allows (Mathematical
 * functions, sigfig: `sigfig(1.00*1111)` → 1110), each value of a multivalue field by its own text.
 */
function sigfigOf(v: EvalValue, p: number): EvalValue {
  reg.prec = EXACT;
  if (v === null || typeof v === "boolean") return null;
  if (isMulti(v)) {
    const out = v.map((a) => { const n = toNumber(a); return Number.isNaN(n) ? null : roundToLsd(n, lsdOfValue(a)); });
    return out.some((x) => x === null) ? null : (out as number[]);
  }
  const n = toNumber(v);
  if (Number.isNaN(n)) return null;
  const lsd = Number.isNaN(p) ? lsdOfValue(v) : p;
  const out = roundToLsd(n, lsd);
  reg.prec = lsd;
  return out;
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
