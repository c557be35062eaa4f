/**
 * Comparisons of the eval → SQL compiler (compile-eval.ts), as eval-ops.ts compare() makes them:
 * some pair of the operands' values passes atomEquals / order; numbers when both read as numbers,
 * text otherwise (equal bytes; UTF-8 byte order, compareLexical's), NaN's text "NaN" after every other
 * number's text; a runtime number against runtime text stays local (JavaScript's number text).
 */
import { compareLexical, parseNumber } from "../values/value.js";
import { NotPushable, sqlNumber } from "./compile-where.js";
import { sqlFloat, sqlString } from "./sql-text.js";
import { bind, fresh, type SqlValue } from "./compile-eval-value.js";

/** `x IN (…, y, …)`: a value that is null, a boolean or several values never matches. */
export function inValue(s: SqlValue, y: SqlValue): string {
  if (y.ty === "null" || y.ty === "bool") return "0";
  if (y.ty === "mv") {
    const one: SqlValue = { sql: `${y.sql}[1]`, ty: "str" };
    return `(length(${y.sql}) = 1 AND ${compare("=", s, one)})`;
  }
  return compare("=", s, y);
}


/** An atom of a compared value: a scalar expression read as a number or as text. */
interface Atom { readonly sql: string; readonly ty: "num" | "str"; readonly literal?: string | number }

/** eval-ops.ts compare(): some pair of the operands' values passes the test; none when either is null. */
export function compare(op: string, a: SqlValue, b: SqlValue): string {
  if (a.asciiOnly || b.asciiOnly) {
    const other = a.asciiOnly ? b : a;
    const ascii = typeof other.literal === "string" && /^[\x00-\x7f]*$/.test(other.literal);
    if (!ascii || (op !== "=" && op !== "==" && op !== "!=") || (a.asciiOnly && b.asciiOnly)) throw new NotPushable("lower() compared otherwise than `=`/`!=` with an ASCII literal");
  }
  const side = (v: SqlValue, name: string, body: (x: Atom) => string): string => {
    switch (v.ty) {
      case "null": return "0";
      case "bool":
        if (v.nullable) throw new NotPushable("comparing the result of like()");
        return body({ sql: `if(${v.sql}, 'true', 'false')`, ty: "str" });
      case "num": return v.literal !== undefined ? body({ sql: v.sql, ty: "num", literal: v.literal }) : `ifNull(${bind(name, v.sql, `if(isNull(${name}), 0, ${body({ sql: `assumeNotNull(${name})`, ty: "num" })})`)}, 0)`;
      case "str": return v.literal !== undefined ? body({ sql: v.sql, ty: "str", literal: v.literal }) : `ifNull(${bind(name, v.sql, `if(isNull(${name}), 0, ${body({ sql: `assumeNotNull(${name})`, ty: "str" })})`)}, 0)`;
      case "mv": return `arrayExists(${name} -> ${body({ sql: name, ty: "str" })}, ${v.sql})`;
    }
  };
  return side(a, fresh("x"), (x) => side(b, fresh("y"), (y) => test(op, x, y)));
}


/** `c op 0` for a comparison result known here. */
function constant(op: string, c: number): string {
  const holds = op === "=" || op === "==" ? c === 0 : op === "!=" ? c !== 0 : op === "<" ? c < 0 : op === ">" ? c > 0 : op === "<=" ? c <= 0 : c >= 0;
  return holds ? "1" : "0";
}

/** The SQL comparison of two numbers that are not NaN, as atomEquals / order compare them. */
function numeric(op: string, x: string, y: string): string {
  if (op === "=" || op === "==") return `(${x} = ${y})`;
  if (op === "!=") return `(${x} != ${y})`;
  return `((${x} - ${y}) ${op} 0)`;
}

/** atomEquals / order of two atoms. */
function test(op: string, x: Atom, y: Atom): string {
  if (x.ty === "num" && y.ty === "num") return numNum(op, x, y);
  if (x.ty === "str" && y.ty === "str") return strStr(op, x, y);
  // A number and text: numbers when the text reads as one; otherwise String(number) vs the text.
  const [n, s, flip] = x.ty === "num" ? [x, y, false] : [y, x, true];
  if (typeof s.literal === "string") {
    const v = parseNumber(s.literal);
    if (!Number.isNaN(v)) return numNum(op, flip ? { sql: sqlFloat(v), ty: "num", literal: v } : n, flip ? n : { sql: sqlFloat(v), ty: "num", literal: v });
  }
  if (typeof n.literal === "number" && !Number.isNaN(n.literal)) {
    // The text is numeric (compare as numbers) or not (compare with the literal's String()).
    const ny = fresh("n");
    const text: Atom = { sql: sqlString(String(n.literal)), ty: "str", literal: String(n.literal) };
    const asText = flip ? lexical(op, s, text) : lexical(op, text, s);
    const v = `assumeNotNull(${ny})`;
    const asNum = flip ? numeric(op, v, sqlFloat(n.literal)) : numeric(op, sqlFloat(n.literal), v);
    return bind(ny, sqlNumber(s.sql), `if(isNull(${ny}), ${asText}, ${asNum})`);
  }
  throw new NotPushable("comparing a number with text (JavaScript's number text is not reproduced)");
}

function numNum(op: string, x: Atom, y: Atom): string {
  const xl = typeof x.literal === "number" ? x.literal : null;
  const yl = typeof y.literal === "number" ? y.literal : null;
  if (xl !== null && yl !== null) {
    const eq = op === "=" || op === "==" || op === "!=";
    const c = Number.isNaN(xl) || Number.isNaN(yl) ? compareLexical(String(xl), String(yl)) : eq ? (xl === yl ? 0 : 1) : xl - yl;
    return Number.isNaN(c) ? "0" : constant(op, c);
  }
  const body = numeric(op, x.sql, y.sql);
  // NaN's text "NaN" is greater than any other number's text, equal to NaN's.
  const branches: string[] = [];
  if (xl === null && yl === null) branches.push(`isNaN(${x.sql}) AND isNaN(${y.sql}), ${constant(op, 0)}`);
  if (xl === null) branches.push(`isNaN(${x.sql}), ${yl !== null && Number.isNaN(yl) ? constant(op, 0) : constant(op, 1)}`);
  else if (Number.isNaN(xl)) return `if(isNaN(${y.sql}), ${constant(op, 0)}, ${constant(op, 1)})`;
  if (yl === null) branches.push(`isNaN(${y.sql}), ${constant(op, -1)}`);
  else if (Number.isNaN(yl)) return `if(isNaN(${x.sql}), ${constant(op, 0)}, ${constant(op, -1)})`;
  return `multiIf(${branches.join(", ")}, ${body})`;
}

function strStr(op: string, x: Atom, y: Atom): string {
  const nx = typeof x.literal === "string" ? parseNumber(x.literal) : null;
  const ny = typeof y.literal === "string" ? parseNumber(y.literal) : null;
  if (nx !== null && ny !== null) {
    const eq = op === "=" || op === "==" || op === "!=";
    const c = !Number.isNaN(nx) && !Number.isNaN(ny) ? (eq ? (nx === ny ? 0 : 1) : nx - ny) : (eq ? (x.literal === y.literal ? 0 : 1) : compareLexical(String(x.literal), String(y.literal)));
    return Number.isNaN(c) ? "0" : constant(op, c);
  }
  // A literal that is not a number: the pair always compares as text.
  if ((nx !== null && Number.isNaN(nx)) || (ny !== null && Number.isNaN(ny))) return lexical(op, x, y);
  const vx = nx === null ? fresh("n") : null;
  const vy = ny === null ? fresh("n") : null;
  const px = vx !== null ? `assumeNotNull(${vx})` : sqlFloat(nx as number);
  const py = vy !== null ? `assumeNotNull(${vy})` : sqlFloat(ny as number);
  const notBoth = [vx, vy].filter((v) => v !== null).map((v) => `isNull(${v})`).join(" OR ");
  let body = `if(${notBoth}, ${lexical(op, x, y)}, ${numeric(op, px, py)})`;
  if (vy !== null) body = bind(vy, sqlNumber(y.sql), body);
  if (vx !== null) body = bind(vx, sqlNumber(x.sql), body);
  return body;
}

/**
 * Text comparison: equal bytes, or byte order, which is compareLexical's (UTF-8, code point
 * order). Text in ClickHouse is valid UTF-8: a lone surrogate never gets there (a literal holding
 * one stays local, compile-eval.ts; the loader keeps such fields local, load-events.ts).
 */
function lexical(op: string, x: Atom, y: Atom): string {
  if (op === "=" || op === "==") return `(${x.sql} = ${y.sql})`;
  if (op === "!=") return `(${x.sql} != ${y.sql})`;
  return `(${x.sql} ${op} ${y.sql})`;
}
