/**
 * Operators and functions of the eval → SQL compiler (compile-eval.ts) that have an exact SQL
 * form: arithmetic over exact numbers, LIKE / like(), if, case, coalesce, null(), true(),
 * false(), isnull, isnotnull, len, mvcount, lower (ASCII decisions only), mvindex, split.
 */
import { hasLoneSurrogate } from "./fold.js";
import { NotPushable } from "./compile-where.js";
import { sqlString } from "./sql-text.js";
import { bind, bool, EMPTY, fresh, NULL, truthy, type SqlValue } from "./compile-eval-value.js";

/**
 * eval-ops.ts arith/plus over two exact numbers (or null): null when either is null, IEEE
 * arithmetic otherwise (NaN stays NaN), null for `/` and `%` by zero unless the dividend is NaN.
 * A field's number, a decimal literal or text is stored rounded to its precision (or joined as
 * text by `+`): those stay local.
 */
export function arithmetic(op: "+" | "-" | "*" | "/" | "%", l: SqlValue, r: SqlValue): SqlValue {
  if (l.ty === "null" || r.ty === "null") return NULL;
  if (!(l.ty === "num" && l.exact && r.ty === "num" && r.exact)) {
    throw new NotPushable(`the ${op} operator over a value of limited precision or text (the result is rounded or joined as eval stores it)`);
  }
  const a = fresh("a");
  const b = fresh("b");
  const body = op === "/" || op === "%" ? `if(${b} = 0 AND NOT isNaN(${a}), NULL, ${a} ${op} ${b})` : `${a} ${op} ${b}`;
  return { sql: `CAST(${bind(a, l.sql, bind(b, r.sql, body))} AS Nullable(Float64))`, ty: "num", exact: true };
}


/** `s LIKE p`: the first value's text, `_` one UTF-16 code unit (eval-ops.ts likeMatch). */
export function likeOperator(s: SqlValue, p: SqlValue): string {
  if (s.asciiOnly) throw new NotPushable("LIKE of lower()");
  const pattern = likePattern(p, "the LIKE operator's `_` is one UTF-16 code unit");
  if (s.ty === "null") return "0";
  if (s.ty === "str") return `ifNull(${s.sql} LIKE ${pattern}, 0)`;
  if (s.ty === "mv" && !s.unordered) return `(notEmpty(${s.sql}) AND ${s.sql}[1] LIKE ${pattern})`;
  throw new NotPushable(`LIKE of a ${s.ty === "mv" ? "values() list (its first value)" : s.ty}`);
}

/** A LIKE pattern from a literal: `%` and `_` as they are, `\` literal. */
function likePattern(p: SqlValue, underscore: string | null): string {
  if (typeof p.literal !== "string") throw new NotPushable("a LIKE pattern that is not a string literal");
  if (underscore !== null && p.literal.includes("_")) throw new NotPushable(underscore);
  return sqlString(p.literal.replace(/\\/g, "\\\\"));
}


/** Functions with an exact SQL form. */
export function call(name: string, args: readonly SqlValue[]): SqlValue {
  const [a, b] = args;
  switch (name) {
    case "null": return NULL;
    case "true": return bool("1");
    case "false": return bool("0");
    case "isnull":
    case "isnotnull": {
      const v = a as SqlValue;
      if (v.ty === "bool" && v.nullable) throw new NotPushable(`${name}() of like()`);
      const isNull = v.ty === "null" ? "1" : v.ty === "bool" ? "0" : v.ty === "mv" ? `empty(${v.sql})` : `isNull(${v.sql})`;
      return bool(name === "isnull" ? isNull : `NOT ${isNull}`);
    }
    case "if": return choose([[truthy(a as SqlValue), b as SqlValue], ["1", args[2] as SqlValue]]);
    case "case": {
      const pairs: [string, SqlValue][] = [];
      for (let i = 0; i + 1 < args.length; i += 2) pairs.push([truthy(args[i] as SqlValue), args[i + 1] as SqlValue]);
      return choose(pairs);
    }
    case "coalesce": {
      const present = (v: SqlValue) => (v.ty === "null" ? "0" : v.ty === "mv" ? `notEmpty(${v.sql})` : v.ty === "bool" ? "1" : `isNotNull(${v.sql})`);
      return choose(args.map((v) => [present(v), v]));
    }
    case "len": {
      const v = a as SqlValue;
      if (v.asciiOnly) throw new NotPushable("len() of lower()");
      if (v.ty === "null") return NULL;
      if (v.ty === "str") return { sql: `toFloat64(lengthUTF8(${v.sql}))`, ty: "num", exact: true };
      throw new NotPushable(`len() of a ${v.ty === "mv" ? "multivalue (a list of lengths)" : v.ty === "num" ? "number (its text)" : "boolean"}`);
    }
    case "mvcount": {
      const v = a as SqlValue;
      if (v.ty === "null") return NULL;
      if (v.ty === "mv") return { sql: `if(empty(${v.sql}), NULL, toFloat64(length(${v.sql})))`, ty: "num", exact: true };
      if (v.ty === "bool") return { sql: "toFloat64(1)", ty: "num", exact: true };
      return { sql: `if(isNull(${v.sql}), NULL, toFloat64(1))`, ty: "num", exact: true };
    }
    case "lower": {
      // toLowerCase: ASCII letters, and the two non-ASCII characters whose lower case holds ASCII
      // (İ → i + U+0307, the Kelvin sign → k); every other character stays one non-ASCII one.
      const v = a as SqlValue;
      const fold = (x: string) => `replaceAll(replaceAll(lower(${x}), ${sqlString("\u0130")}, ${sqlString("i\u0307")}), ${sqlString("\u212a")}, 'k')`;
      if (v.ty === "null") return NULL;
      if (v.ty === "str") return { sql: fold(v.sql), ty: "str", asciiOnly: true };
      if (v.ty === "mv") return { ...v, sql: `arrayMap(s -> ${fold("s")}, ${v.sql})`, asciiOnly: true, set: false };
      throw new NotPushable(`lower() of a ${v.ty} (its text)`);
    }
    case "mvindex": {
      // The value at a literal position (negative from the end), null outside the list.
      const v = a as SqlValue;
      if (args.length !== 2 || typeof b?.literal !== "number" || !Number.isFinite(b.literal)) throw new NotPushable("mvindex() other than of one literal position");
      const i = Math.trunc(b.literal);
      if (v.ty === "null") return NULL;
      if (v.ty === "str" || v.ty === "num") return i === 0 || i === -1 ? v : NULL;
      if (v.ty !== "mv" || v.unordered) throw new NotPushable(`mvindex() of a ${v.ty === "mv" ? "values() set (its order)" : v.ty}`);
      const at = i < 0 ? `length(${v.sql}) + ${i}` : String(i);
      return { sql: `if(${at} >= 0 AND ${at} < length(${v.sql}), arrayElement(${v.sql}, ${at} + 1), NULL)`, ty: "str", ...(v.asciiOnly ? { asciiOnly: true } : {}) };
    }
    case "split": {
      // split(): each value split at a non-empty literal delimiter (String.split), in order.
      const v = a as SqlValue;
      const d = b as SqlValue;
      if (typeof d.literal !== "string" || d.literal === "" || hasLoneSurrogate(d.literal)) throw new NotPushable("split() by a delimiter that is not a non-empty string literal");
      if (v.asciiOnly) throw new NotPushable("split() of lower()");
      const delim = sqlString(d.literal);
      if (v.ty === "null") return NULL;
      if (v.ty === "str") return { sql: `if(isNull(${v.sql}), ${EMPTY}, splitByString(${delim}, assumeNotNull(${v.sql})))`, ty: "mv" };
      if (v.ty === "mv") return { sql: `arrayFlatten(arrayMap(s -> splitByString(${delim}, s), ${v.sql}))`, ty: "mv", ...(v.unordered ? { unordered: true } : {}) };
      throw new NotPushable(`split() of a ${v.ty} (its text)`);
    }
    case "like": {
      // like(): null for a null subject, else any value matches; `_` is one code point.
      const s = a as SqlValue;
      const pattern = likePattern(b as SqlValue, null);
      if (hasLoneSurrogate(String((b as SqlValue).literal))) throw new NotPushable("a LIKE pattern with a lone surrogate");
      if (s.asciiOnly && !/^[\x00-\x7f]*$/.test(String((b as SqlValue).literal))) throw new NotPushable("like() of lower() with a non-ASCII pattern");
      if (s.ty === "null") return bool("0", true);
      if (s.ty === "str") return bool(`ifNull(${s.sql} LIKE ${pattern}, 0)`, true);
      if (s.ty === "mv") return bool(`arrayExists(v -> v LIKE ${pattern}, ${s.sql})`, true);
      throw new NotPushable(`like() of a ${s.ty} (its text)`);
    }
    default:
      throw new NotPushable(`${name}() is not pushed down`);
  }
}

/**
 * if/case/coalesce: the value of the first branch whose condition holds, else null; every branch
 * must have one type (or be null) so the SQL value is the in-memory one.
 */
function choose(branches: readonly (readonly [string, SqlValue])[]): SqlValue {
  const typed = branches.map(([, v]) => v).filter((v) => v.ty !== "null");
  const ty = typed[0]?.ty ?? "null";
  if (ty === "null") return NULL;
  if (typed.some((v) => v.ty !== ty)) throw new NotPushable("branches of different types");
  if (ty === "bool") {
    if (typed.length !== branches.length || typed.some((v) => v.nullable)) throw new NotPushable("a boolean branch that may be null");
  }
  const empty = ty === "mv" ? EMPTY : "NULL";
  const parts = branches.flatMap(([c, v]) => [c, v.ty === "null" ? empty : ty === "num" ? `CAST(${v.sql} AS Nullable(Float64))` : v.sql]);
  const sql = `multiIf(${parts.join(", ")}, ${ty === "bool" ? "0" : empty})`;
  // A number handed back keeps its precision (compile-expr.ts argPrec): exact when every one is.
  const exact = ty === "num" && typed.every((v) => v.exact);
  const set = ty === "mv" && typed.every((v) => v.set);
  if (typed.some((v) => v.asciiOnly)) throw new NotPushable("lower() as a branch's value");
  return { sql, ty, ...(typed.some((v) => v.unordered) ? { unordered: true } : {}), ...(set ? { set } : {}), ...(exact ? { exact } : {}) };
}
