/**
 * The values a search handles. Splunk fields are strings or numbers; a multivalue field is an array
 * of them (never of length < 2 once normalised); a missing field is null. Booleans exist only inside
 * eval/where expressions (a comparison's result) and never land in a result row.
 */
import { isNumericText } from "./numeric-text.js";

export type Atom = string | number;
/** A field value in a result row. */
export type Value = null | Atom | readonly Atom[];
/** A value inside expression evaluation. */
export type EvalValue = Value | boolean;

export function isMulti(v: EvalValue): v is readonly Atom[] {
  return Array.isArray(v);
}

/** Normalises a list: [] → null, [x] → x. */
export function mv(values: readonly Atom[]): Value {
  if (values.length === 0) return null;
  if (values.length === 1) return values[0] ?? null;
  return values;
}

/** The values of a field as a list (null → []). */
export function toList(v: EvalValue): Atom[] {
  if (v === null) return [];
  if (Array.isArray(v)) return [...(v as readonly Atom[])];
  if (typeof v === "boolean") return [v ? "true" : "false"];
  return [v as Atom];
}

/**
 * Splunk's numeric reading of a value: numbers as they are, strings that look like a decimal
 * number (optionally signed, with exponent), else NaN. Hex strings such as 0xf84 are not numbers.
 */
export function toNumber(v: EvalValue): number {
  if (typeof v === "number") return v;
  if (typeof v === "boolean") return v ? 1 : 0;
  if (typeof v === "string") return parseNumber(v);
  if (Array.isArray(v) && v.length > 0) return toNumber(v[0] as Atom);
  return Number.NaN;
}

/** The number a string reads as (isNumericText: linear, never a backtracking regex), else NaN. */
export function parseNumber(s: string): number {
  return isNumericText(s) ? Number(s) : Number.NaN;
}

/**
 * True for the text "NaN" (any case, surrounding white space allowed): in a field it is a numeric
 * NaN as well as a string (Informational functions, "Using isnum in searches with NaN": "When a
 * field contains a "NaN" string, the "NaN" behaves as both a string and a number"); a quoted
 * literal "NaN" is only a string. toNumber keeps NaN as its "not a number" answer, so only the
 * places that need the difference (isnum, isstr, typeof, arithmetic) ask.
 */
export function isNanText(s: string): boolean {
  const t = s.trim();
  return t.length === 3 && t.toLowerCase() === "nan";
}

/** True for a numeric NaN: the double NaN, or a field's "NaN" text (isNanText). */
export function isNumericNaN(v: EvalValue): boolean {
  if (typeof v === "number") return Number.isNaN(v);
  if (typeof v === "string") return isNanText(v);
  if (Array.isArray(v) && v.length > 0) return isNumericNaN(v[0] as Atom);
  return false;
}

export function isNumeric(v: EvalValue): boolean {
  return !Number.isNaN(toNumber(v)) && v !== null && typeof v !== "boolean";
}

/** Text form of a scalar, as Splunk prints it (integers without a decimal point). */
export function toText(v: EvalValue): string | null {
  if (v === null) return null;
  if (typeof v === "string") return v;
  if (typeof v === "number") return formatNumber(v);
  if (typeof v === "boolean") return v ? "true" : "false";
  const first = (v as readonly Atom[])[0];
  return first === undefined ? null : toText(first);
}

/**
 * A number as Splunk prints it: the shortest text that reads back as the same double (the
 * Mathematical functions page, sigfig example 2: 100 × 3.99 averages to 3.9900000000000055 and
 * 10,000 × 3.99 to 3.990000000000215, both exactly that form), integers without a decimal point
 * (eval, example 10: 9007199254740992). eval, "Numeric calculations": NaN prints "nan", the
 * infinities "inf" and "-inf". eval arithmetic rounds its results to the inputs' precision before
 * they get here (numeric-precision.ts), so `8.250*0.200` prints 1.65, never 1.6500000000000001.
 */
export function formatNumber(n: number): string {
  if (Number.isFinite(n)) return String(n);
  return Number.isNaN(n) ? "nan" : n > 0 ? "inf" : "-inf";
}

/** Compares two atoms the way sort and min/max do: numerically when both are numeric, else lexicographically (byte order). */
export function compareAtoms(a: Atom, b: Atom): number {
  const x = typeof a === "number" ? a : parseNumber(a);
  const y = typeof b === "number" ? b : parseNumber(b);
  if (!Number.isNaN(x) && !Number.isNaN(y)) return x < y ? -1 : x > y ? 1 : 0;
  if (!Number.isNaN(x)) return -1;
  if (!Number.isNaN(y)) return 1;
  return compareLexical(String(a), String(b));
}

/** A code unit at or above U+D800: where UTF-16 unit order and code point order can differ. */
const HIGH_UNIT = /[\ud800-\uffff]/;

/**
 * Splunk's lexicographic order: the order of the strings' UTF-8 bytes (SPL2 Search Manual,
 * "Lexicographical order": "sorts items based on the values used to encode the items in computer
 * memory. In Splunk software, this is almost always UTF-8 encoding"), which is code point order.
 * JavaScript's `<` compares UTF-16 code units, the same order except where a character above
 * U+FFFF (a surrogate pair) meets one from U+E000 to U+FFFF: `<` puts the pair first, UTF-8 last.
 * So `<` decides unless both strings hold a unit ≥ U+D800 (a cheap scan; sorts of ASCII-heavy
 * values cost what `<` costs), and then code points are compared from the first difference. A
 * lone surrogate counts as its own code point, as its generalized UTF-8 bytes order it.
 */
export function compareLexical(a: string, b: string): number {
  if (a === b) return 0;
  if (HIGH_UNIT.test(a) && HIGH_UNIT.test(b)) return compareCodePoints(a, b);
  return a < b ? -1 : 1;
}

function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (i === n) return a.length < b.length ? -1 : 1;
  // The difference may be the low half of a pair whose high half both share: compare whole code points there.
  if (i > 0) {
    const h = a.charCodeAt(i - 1);
    if (h >= 0xd800 && h <= 0xdbff) {
      const x = a.codePointAt(i - 1) as number;
      const y = b.codePointAt(i - 1) as number;
      if (x !== y) return x < y ? -1 : 1;
    }
  }
  return (a.codePointAt(i) as number) < (b.codePointAt(i) as number) ? -1 : 1;
}
