/**
 * Operator semantics of eval/where (spl-semantics.md §6, §7): numbers are doubles; `+` adds numbers
 * and concatenates strings; arithmetic with null or non-numbers gives null; division by zero gives
 * null; `=`/`==` compare numbers numerically and strings exactly (case-sensitive); a multivalue
 * operand compares true when any of its values does (a choice, pinned by tests: §7 leaves it open).
 */
import type { BinaryOp } from "../ast/nodes.js";
import { checkLength } from "../functions/value-limit.js";
import { likeMatcher } from "../values/like-pattern.js";
import { compareLexical, isMulti, isNumericNaN, parseNumber, toNumber, toText, type Atom, type EvalValue } from "../values/value.js";

export function truthy(v: EvalValue): boolean {
  if (v === null) return false;
  if (typeof v === "boolean") return v;
  if (typeof v === "number") return v !== 0;
  if (isMulti(v)) return v.length > 0;
  return v !== "";
}

function num(v: EvalValue): number {
  if (v === null || typeof v === "boolean") return Number.NaN;
  return toNumber(v);
}

function arith(op: "-" | "*" | "/" | "%", a: EvalValue, b: EvalValue): EvalValue {
  const x = num(a);
  const y = num(b);
  if (Number.isNaN(x) || Number.isNaN(y)) {
    // A field's "NaN" is a number whose result is that NaN, shown as the field shows it
    // (Informational functions, isnum: `strval % 1` prints NaN and matches "NaN"); other text is null.
    if (!(!Number.isNaN(x) || isNumericNaN(a)) || !(!Number.isNaN(y) || isNumericNaN(b))) return null;
    const nan = typeof a === "string" && isNumericNaN(a) ? a : typeof b === "string" && isNumericNaN(b) ? b : null;
    return nan === null ? Number.NaN : nan.trim();
  }
  if (op === "-") return x - y;
  if (op === "*") return x * y;
  if (y === 0) return null;
  return op === "/" ? x / y : x % y;
}

function plus(a: EvalValue, b: EvalValue): EvalValue {
  if (a === null || b === null) return null;
  const x = num(a);
  const y = num(b);
  if (!Number.isNaN(x) && !Number.isNaN(y) && typeof a !== "string" && typeof b !== "string") return x + y;
  if (!Number.isNaN(x) && !Number.isNaN(y)) return x + y;
  return joined(toText(a) ?? "", toText(b) ?? "");
}

function concat(a: EvalValue, b: EvalValue): EvalValue {
  if (a === null || b === null) return null;
  return joined(toText(a) ?? "", toText(b) ?? "");
}

/** `s=s.s` doubles per eval: checked before joining, so the limit is a warning, not a RangeError. */
function joined(x: string, y: string): string {
  checkLength(x.length + y.length, "the joined string");
  return x + y;
}

function atoms(v: EvalValue): Atom[] {
  if (v === null) return [];
  if (typeof v === "boolean") return [v ? "true" : "false"];
  return isMulti(v) ? [...v] : [v];
}

/** Equality of two scalars: numeric when both read as numbers, otherwise exact string equality. */
export function atomEquals(a: Atom, b: Atom): boolean {
  const x = typeof a === "number" ? a : parseNumber(a);
  const y = typeof b === "number" ? b : parseNumber(b);
  if (!Number.isNaN(x) && !Number.isNaN(y)) return x === y;
  return String(a) === String(b);
}

function order(a: Atom, b: Atom): number {
  const x = typeof a === "number" ? a : parseNumber(a);
  const y = typeof b === "number" ? b : parseNumber(b);
  if (!Number.isNaN(x) && !Number.isNaN(y)) return x - y;
  return compareLexical(String(a), String(b));
}

function compare(op: BinaryOp, a: EvalValue, b: EvalValue): boolean {
  const xs = atoms(a);
  const ys = atoms(b);
  if (xs.length === 0 || ys.length === 0) return op === "!=" ? false : false;
  const test = (x: Atom, y: Atom): boolean => {
    switch (op) {
      case "=": case "==": return atomEquals(x, y);
      case "!=": return !atomEquals(x, y);
      case "<": return order(x, y) < 0;
      case ">": return order(x, y) > 0;
      case "<=": return order(x, y) <= 0;
      default: return order(x, y) >= 0;
    }
  };
  return xs.some((x) => ys.some((y) => test(x, y)));
}

/**
 * SQL LIKE with `%` and `_` (one UTF-16 code unit), case-sensitive (spl-semantics.md §6), matched
 * in linear time (values/like-pattern.ts): the pattern may come from a field value.
 */
export function likeMatch(text: string, pattern: string): boolean {
  let test = likeCache.get(pattern);
  if (!test) {
    test = likeMatcher(pattern, "code-unit");
    if (likeCache.size >= 1000) likeCache.clear();
    likeCache.set(pattern, test);
  }
  return test(text);
}
const likeCache = new Map<string, (s: string) => boolean>();

/** Applies a binary operator to two evaluated operands (AND/OR are short-circuited by the caller). */
export function applyBinary(op: BinaryOp, a: EvalValue, b: EvalValue): EvalValue {
  switch (op) {
    case "+": return plus(a, b);
    case "-": case "*": case "/": case "%": return arith(op, a, b);
    case ".": return concat(a, b);
    case "LIKE": {
      const t = toText(a);
      const p = toText(b);
      return t === null || p === null ? false : likeMatch(t, p);
    }
    case "AND": return truthy(a) && truthy(b);
    case "OR": return truthy(a) || truthy(b);
    case "XOR": return truthy(a) !== truthy(b);
    default: return compare(op, a, b);
  }
}
