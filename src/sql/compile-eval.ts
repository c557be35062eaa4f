/**
 * An eval/where expression (Search Reference, eval and where: "The where command uses the same
 * expression syntax as the eval command") → ClickHouse SQL over the result columns of a pushed
 * query, with exactly the in-memory evaluator's semantics (executor/compile-expr.ts, eval-ops.ts,
 * functions/comparison.ts, informational.ts, multivalue.ts, string.ts):
 * - null propagation: a comparison with a null operand is false, `isnull`/`isnotnull` test it;
 * - `=`, `!=`, `<`, `>`, `<=`, `>=` hold when any pair of values does (a multivalue field is the
 *   list of its values); a pair compares as numbers when both read as numbers (parseNumber: the
 *   grammar of compile-where.ts sqlNumber), otherwise as text: equal bytes, or order by UTF-8
 *   bytes (compareLexical's order). A number's text (String(x)) is only needed for NaN ("NaN" sorts
 *   after every other number's text, which starts with a digit, `-` or `I`); comparing any other
 *   runtime number with text stays local. Numbers compare as `x - y` against 0, as `order` does
 *   (inf vs inf is neither < nor >= there);
 * - AND, OR, XOR, NOT over truthy() (null false, 0 false, NaN true, "" false, a multivalue true);
 * - `x IN (…)`, `like(s, p)` (any value, `_` one code point) and `s LIKE p` (the first value,
 *   `_` one code unit: such patterns stay local), if, case, coalesce, null(), true(), false(),
 *   isnull, isnotnull, len (code points), mvcount, split by a non-empty literal, mvindex at a
 *   literal position, and lower() where only its ASCII letters decide (like() with an ASCII
 *   pattern, `=`/`!=` an ASCII literal): JavaScript lowers all of Unicode, ClickHouse's lower
 *   only ASCII, and only İ and the Kelvin sign lower into ASCII;
 * - `+ - * / %` over numbers of unlimited precision (integer literals, len, mvcount and
 *   arithmetic of those), which eval stores unrounded: IEEE doubles in both engines; `+ - * /`
 *   over a field's number or a decimal literal with the precision eval rounds the stored result
 *   to (values/numeric-precision.ts, computed per row: compile-eval-precision.ts), the result
 *   read unrounded only by comparisons and further arithmetic.
 * `.`, match (JavaScript regex vs RE2), lower() as a value, upper() (many characters upper-case
 * into ASCII or into several) and the other functions stay local.
 * Anything without an exact SQL form throws NotPushable.
 */
import type { Expr } from "../ast/nodes.js";
import { EXACT, lsdOfText } from "../values/numeric-precision.js";
import { formatNumber } from "../values/value.js";
import { hasLoneSurrogate } from "./fold.js";
import { guarded } from "./guard.js";
import { MAX_VALUE_LENGTH } from "../functions/value-limit.js";
import { NotPushable } from "./compile-where.js";
import { sqlFloat, sqlString, NULL_KEY } from "./sql-text.js";
import type { SqlColumn } from "./types.js";
import { compare, inValue } from "./compile-eval-compare.js";
import { arithmetic, call, likeOperator } from "./compile-eval-functions.js";
import { bind, bool, fresh, NULL, resetNames, truthy, type SqlValue } from "./compile-eval-value.js";
import { isStoredNumber, literalPrecision, numberPrecision, storedColumnValue } from "./compile-eval-precision.js";

export { truthy, type SqlType, type SqlValue } from "./compile-eval-value.js";

/**
 * A result column's number: the JSON rows carry numbers as numbers, 64-bit integers and
 * ClickHouse's text of a Float64 (`inf`, `-0`, `nan`) as text; toFloat64OrNull reads none of the
 * special words.
 */
export function readNumber(key: string): string {
  const t = `toString(${key})`;
  return `multiIf(isNull(${key}), NULL, ${t} = 'inf', inf, ${t} = '-inf', -inf, ${t} = 'nan', nan, toFloat64OrNull(${t}))`;
}

/** The shown column a field name reads (shown names are unique, as a table's fields are). */
export function shownColumn(columns: readonly SqlColumn[], name: string): SqlColumn | undefined {
  return columns.find((c) => c.name === name && !c.hidden);
}

/** A column of a row step's value (row-steps.ts): the compiled value itself, not read back from a result. */
export interface RowColumn extends SqlColumn {
  readonly value?: SqlValue;
}

function columnValue(columns: readonly RowColumn[], name: string): SqlValue {
  const c = shownColumn(columns, name) as RowColumn | undefined;
  if (c?.value) return c.value;
  if (!c || c.key === NULL_KEY) return NULL;
  if (c.fallback !== undefined) {
    // A number eval stored to its precision: decimal text ("6.0") or the number.
    if (isStoredNumber(c)) return storedColumnValue(c.key, c.fallback);
    throw new NotPushable(`${name} holds a time text or a number (convert ctime)`);
  }
  switch (c.kind) {
    case "number": return { sql: readNumber(c.key), ty: "num", prec: numberPrecision(readNumber(c.key)) };
    case "string": return { sql: c.key, ty: "str" };
    case "values": return { sql: c.key, ty: "mv" };
    case "set": return { sql: c.key, ty: "mv", unordered: true, set: true };
    case "tuple": throw new NotPushable(`${name} is an internal column`);
  }
}

/** Compiles `e` over the result columns. */
export function compileValue(e: Expr, columns: readonly RowColumn[]): SqlValue {
  resetNames();
  const go = (x: Expr): SqlValue => {
    switch (x.kind) {
      case "literal":
        if (typeof x.value === "number") {
          const lsd = lsdOfText(x.raw ?? formatNumber(x.value));
          return { sql: sqlFloat(x.value), ty: "num", literal: x.value, ...(lsd === EXACT ? { exact: true } : { prec: literalPrecision(lsd) }) };
        }
        if (hasLoneSurrogate(x.value)) throw new NotPushable("a string with a lone surrogate");
        return { sql: sqlString(x.value), ty: "str", literal: x.value };
      case "field": return columnValue(columns, x.name);
      case "unary": {
        const v = go(x.operand);
        if (x.op === "NOT") return bool(`NOT ${truthy(v)}`);
        if (typeof v.literal === "number") return { ...v, sql: sqlFloat(-v.literal), literal: -v.literal };
        // -x: null where x is not a number (NaN included).
        if (v.ty === "num" && v.exact) {
          const m = fresh("m");
          return { sql: bind(m, v.sql, `if(isNaN(${m}), NULL, -${m})`), ty: "num", exact: true };
        }
        if (v.ty === "num" && v.prec !== undefined) {
          // compile-expr.ts: the operand's precision, but a number read from text is a number now.
          const m = fresh("m");
          const sql = bind(m, v.sql, `if(isNaN(${m}), NULL, -${m})`);
          return v.textual ? { sql, ty: "num", prec: numberPrecision(sql) } : { sql, ty: "num", prec: v.prec, ...(v.raw ? { raw: true } : {}) };
        }
        throw new NotPushable("unary minus of a value that is not an exact number");
      }
      case "binary": {
        const l = go(x.left);
        const r = go(x.right);
        switch (x.op) {
          case "AND": return bool(`(${truthy(l)} AND ${truthy(r)})`);
          case "OR": return bool(`(${truthy(l)} OR ${truthy(r)})`);
          case "XOR": return bool(`(${truthy(l)} != ${truthy(r)})`);
          case "=": case "==": case "!=": case "<": case ">": case "<=": case ">=":
            return bool(compare(x.op, l, r));
          case "LIKE": return bool(likeOperator(l, r));
          case "+": case "-": case "*": case "/": case "%": return arithmetic(x.op, l, r);
          case ".": return concatText(l, r);
          default: throw new NotPushable(`the ${(x as { op: string }).op} operator`);
        }
      }
      case "in": {
        const s = go(x.subject);
        if (s.raw) throw new NotPushable("IN of a number of limited precision");
        if (s.ty === "bool" || s.ty === "null") return bool("0");
        const parts = x.values.map((v) => inValue(s, go(v)));
        return bool(parts.length === 0 ? "0" : `(${parts.join(" OR ")})`);
      }
      case "call": return call(x.name.toLowerCase(), x.args.map(go));
      case "subsearch": throw new NotPushable("a subsearch in the expression");
      case "error": return NULL;
    }
  };
  return go(e);
}

/**
 * A number literal eval would store rounded (`eval x=1.50` stores "1.50": numeric-precision.ts
 * storedNumber): such a literal as the value of an eval, directly or through if/case/coalesce,
 * stays local. Integers have no limit (EXACT).
 */
export function checkStoredPrecision(e: Expr): void {
  if (e.kind === "literal" && typeof e.value === "number") {
    if (lsdOfText(e.raw ?? formatNumber(e.value)) !== EXACT) throw new NotPushable(`eval of ${e.raw ?? e.value} (stored to its precision)`);
  } else if (e.kind === "unary" && e.op === "-") checkStoredPrecision(e.operand);
  else if (e.kind === "call" && ["if", "case", "coalesce"].includes(e.name.toLowerCase())) {
    const name = e.name.toLowerCase();
    e.args.forEach((a, i) => {
      const returned = name === "coalesce" || (name === "if" ? i > 0 : i % 2 === 1);
      if (returned) checkStoredPrecision(a);
    });
  }
}

/**
 * `a . b` (eval-ops.ts concat): null when either is null, else their text joined; a list's text is
 * its first value. A number's text is JavaScript's (local); a joined string past the value limit
 * is an error in memory, so a long one goes there (guard.ts: bytes are at least UTF-16 units).
 */
function concatText(l: SqlValue, r: SqlValue): SqlValue {
  if (l.ty === "null" || r.ty === "null") return NULL;
  const text = (v: SqlValue): string => {
    if (v.asciiOnly) throw new NotPushable("the . operator over lower()");
    if (v.ty === "str") return v.sql;
    if (v.ty === "mv" && !v.unordered) return `if(empty(${v.sql}), NULL, ${v.sql}[1])`;
    throw new NotPushable(`the . operator over a ${v.ty === "num" ? "number (its text is JavaScript's)" : v.ty === "mv" ? "values() set" : v.ty}`);
  };
  const j = fresh("j");
  return { sql: bind(j, `concat(${text(l)}, ${text(r)})`, guarded(`ifNull(length(${j}) > ${MAX_VALUE_LENGTH}, 0)`, j)), ty: "str" };
}
