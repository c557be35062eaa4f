/**
 * The precision a number carries through eval arithmetic, as the Search Reference documents it.
 *
 * - eval command, Usage, "Rounding" (10.0): "Results are rounded to a precision appropriate to the
 *   precision of the input results. The precision of the results can be no greater than the
 *   precision of the least-precise input": `8.250 * 0.2` is 2, `8.250 * 0.20` is 1.7,
 *   `8.250 * 0.200` is 1.65 and `8.250 * exact(0.2)` is 1.650.
 * - Mathematical functions, sigfig(): "For multiplication and division, the result should have the
 *   minimum number of significant figures of all of the operands. For addition and subtraction,
 *   the result should have the same number of decimal places as the least precise number of all of
 *   the operands" (`123.0 + 4.567` → 127.6), and "The calculation 1.00*1111 returns the value
 *   n=1111, but … sigfig(1.00*1111) returns n=1110".
 *
 * The model (minispl's reading of those sentences, which fits every documented answer):
 * - A precision is the exponent of the last significant digit (`lsd`): 8.250 → -3, 0.20 → -2,
 *   1.00 → -2. `EXACT` (-Infinity) means no limit: integers written without a decimal point,
 *   `exact()`, and the results of other functions. (An integer that limited a product would make
 *   `2 * 0.99` fewer digits than `0.99`; and 1111 limiting `1.00*1111` changes nothing there.)
 * - A value read from a field has the precision of its text: a string as written ("0.014" → -3),
 *   a number by its shortest round-trip text (the form minispl prints), an integer is EXACT. That
 *   is how Splunk, whose field values are text, sees a number a previous eval stored.
 * - `+ - %` keep the coarser last digit; `* /` keep the fewer significant figures.
 * - The value stored in a field is rounded to that precision, but never into its integer digits
 *   (1.00*1111 stays 1111: the doc's "returns the value n=1111"); sigfig() also rounds integer
 *   digits away (1110).
 * Numbers stay JavaScript doubles; a precision is a plain number computed beside the value only
 * for arithmetic, so reading and comparing values costs nothing more. A result whose precision
 * ends on zeros a double cannot hold is stored as its decimal text (`storedNumber`: the doc's 1.650,
 * `eval a=5.0` → "5.0"); every other result stays a double.
 */

/** No precision limit. The arithmetic identity: max(lsd, EXACT) = lsd, min(sig, ∞) = sig. */
export const EXACT = Number.NEGATIVE_INFINITY;
/** Not computed yet: the precision of the value's own text (a field read), found when needed. */
export const FROM_VALUE = Number.NaN;

/** Past this many decimals a double has no more digits to round: the value is left as it is. */
const MAX_DECIMALS = 20;

/**
 * The last significant digit of a number written as `s` (a literal or a field's text), EXACT for
 * text without a decimal point or negative exponent. "8.250" → -3, "0.2" → -1, "5." → 0, "1.5e3" → 2,
 * "1e-7" → -7, "1e3" → EXACT.
 */
export function lsdOfText(s: string): number {
  const dot = s.indexOf(".");
  if (dot < 0) {
    // "1e-7" (how a small double prints) ends at 10^-7; "1e3" is an integer.
    for (let i = s.length - 2; i > 0; i -= 1) {
      const c = s.charCodeAt(i);
      if ((c === 101 || c === 69) && s.charCodeAt(i + 1) === 45) return Number.parseInt(s.slice(i + 1), 10);
    }
    return EXACT;
  }
  let i = dot + 1;
  while (i < s.length && s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57) i += 1;
  const decimals = i - dot - 1;
  let exp = 0;
  if (i < s.length && (s.charCodeAt(i) === 101 || s.charCodeAt(i) === 69)) {
    const e = Number.parseInt(s.slice(i + 1), 10);
    if (Number.isFinite(e)) exp = e;
  }
  return exp - decimals;
}

/** The precision of a value as read from a field: its text's, EXACT for integers and non-numbers. */
export function lsdOfValue(v: unknown): number {
  if (typeof v === "number") return Number.isInteger(v) || !Number.isFinite(v) ? EXACT : lsdOfDouble(v);
  if (typeof v === "string") return lsdOfText(v);
  if (Array.isArray(v)) return v.length === 0 ? EXACT : lsdOfValue(v[0]);
  return EXACT;
}

/**
 * The last digit of a non-integer double's shortest round-trip text without building the text:
 * the fewest decimals d for which round(x·10^d)/10^d reads back as x (that division is correctly
 * rounded, so the test is exact). Past 2^53 or 22 decimals, the text itself (String is ~10× slower).
 */
function lsdOfDouble(x: number): number {
  const ax = Math.abs(x);
  for (let d = 1; d <= 22; d += 1) {
    const unit = pow10(d);
    const scaled = ax * unit;
    if (scaled >= 9007199254740992) break;
    if (Math.round(scaled) / unit === ax) return -d;
  }
  return lsdOfText(String(x));
}

/** 10^i for i in -340 … 340 (exact where 10^i is a double, |i| ≤ 22): no Math.pow per row. */
const POW10 = new Float64Array(681);
for (let i = -340; i <= 340; i += 1) POW10[i + 340] = Number(`1e${i}`); // the double nearest 10^i, as text reads it
function pow10(i: number): number {
  return i < -340 ? 0 : i > 340 ? Number.POSITIVE_INFINITY : (POW10[i + 340] as number);
}

/** The bits of a double, to read its binary exponent (little-endian machines; else Math.log10). */
const F64 = new Float64Array(1);
const U32 = new Uint32Array(F64.buffer);
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * floor(log10(|x|)) for finite x ≠ 0: from the binary exponent (x in [2^b, 2^(b+1)) puts it at
 * floor(b·log10 2) or one above), checked against the table; Math.log10 was a quarter of the
 * time of `b * 0.5` over a million rows.
 */
export function decimalExponent(x: number): number {
  const a = Math.abs(x);
  let e: number;
  if (LITTLE_ENDIAN && a >= 2.2250738585072014e-308) {
    F64[0] = a;
    e = Math.floor((((U32[1] as number) >>> 20) - 1023) * 0.3010299956639812);
  } else {
    e = Math.floor(Math.log10(a));
  }
  if (pow10(e + 1) <= a) e += 1;
  else if (pow10(e) > a) e -= 1;
  return e;
}

/**
 * True when `x × 10^shift` may be an integer, i.e. when `x` may have no digit below 10^-shift.
 * A cheap filter before the exact (and costly) text of a double: a false "may" only costs that
 * text, and a "no" is certain, as the tolerance is far above the error of one multiplication.
 */
function mayEndAbove(x: number, shift: number): boolean {
  if (shift > 22 || shift < -22) return true;
  const y = shift >= 0 ? x * pow10(shift) : x / pow10(-shift);
  return Math.abs(y - Math.round(y)) <= Math.abs(y) * 1e-14;
}

/**
 * The precision of a field's number `x` (FROM_VALUE), where only a last digit coarser than
 * `bound` can change the result: when the filter rules that out, `bound` stands in for the exact
 * text-derived precision (String(x), the costly part). `bound` NaN or EXACT: always exact.
 */
function fieldLsd(v: unknown, bound: number): number {
  if (typeof v !== "number") return lsdOfValue(v);
  if (Number.isInteger(v) || !Number.isFinite(v)) return EXACT;
  if (!Number.isNaN(bound) && bound !== EXACT && !mayEndAbove(v, -bound - 1)) return bound;
  return lsdOfDouble(v);
}

/**
 * The precision of `result = a op b` (a number), from the operands' precisions (`FROM_VALUE`
 * resolved from the operand values): `* /` keep the fewer significant figures, `+ - %` the
 * coarser last digit.
 */
export function combineLsd(op: string, result: number, a: unknown, la: number, b: unknown, lb: number): number {
  if (op === "*" || op === "/") {
    const x = Number(a);
    const y = Number(b);
    const ex = x === 0 || !Number.isFinite(x) ? 0 : decimalExponent(x);
    const ey = y === 0 || !Number.isFinite(y) ? 0 : decimalExponent(y);
    // Significant figures; a field's number is bounded by the other operand's, when known.
    let sx = !Number.isNaN(la) ? sigAt(x, ex, la) : Number.NaN;
    let sy = !Number.isNaN(lb) ? sigAt(y, ey, lb) : Number.NaN;
    if (Number.isNaN(sx)) sx = sigAt(x, ex, fieldLsd(a, !Number.isNaN(sy) && sy !== Infinity ? ex - sy + 1 : Number.NaN));
    if (Number.isNaN(sy)) sy = sigAt(y, ey, fieldLsd(b, sx !== Infinity ? ey - sx + 1 : Number.NaN));
    const sig = Math.min(sx, sy);
    if (sig === Number.POSITIVE_INFINITY) return EXACT;
    if (result === 0 || !Number.isFinite(result)) return EXACT;
    return decimalExponent(result) - sig + 1;
  }
  const px = !Number.isNaN(la) ? la : fieldLsd(a, lb);
  const py = !Number.isNaN(lb) ? lb : fieldLsd(b, px);
  return Math.max(px, py);
}

/** Significant figures of `x` (exponent `e`) whose last significant digit is at `lsd`; ∞ when unlimited or zero. */
function sigAt(x: number, e: number, lsd: number): number {
  if (lsd === EXACT || x === 0 || !Number.isFinite(x)) return Number.POSITIVE_INFINITY;
  return e - lsd + 1;
}

/**
 * The value eval stores for a number computed to precision `lsd`: rounded to that last digit, but
 * never into the integer digits (the doc's `1.00*1111` → 1111). Others are returned as they are.
 */
export function settleNumber(v: number, lsd: number): number {
  if (Number.isNaN(lsd) || lsd === EXACT || !Number.isFinite(v) || Number.isInteger(v)) return v;
  const decimals = lsd >= 0 ? 0 : -lsd;
  if (decimals > MAX_DECIMALS) return v;
  // k / 10^d with k < 2^53 is the double nearest the decimal k·10^-d (one correctly rounded
  // division); past 2^53 toFixed does it, slower.
  const unit = pow10(decimals);
  const scaled = Math.abs(v) * unit;
  if (scaled >= 9007199254740992) return Number(v.toFixed(decimals));
  const out = Math.round(scaled) / unit;
  return v < 0 ? (out === 0 ? 0 : -out) : out;
}

/**
 * The value eval stores (and joins as text) for a number computed to precision `lsd`: settleNumber's
 * number, or, when the precision ends on a zero the double cannot hold, the decimal text with its
 * trailing zeros. The eval page's rounding table shows `8.250 * exact(0.2)` as 1.650 (four
 * significant figures, as 8.250 has) beside `8.250 * 0.200` as 1.65, and the Mathematical functions
 * page's sum() example calls `eval a = 5.0` "a field called a with value 5.0". The text reads back
 * as the same number everywhere a number is read (isNumericText), and it carries its precision to
 * the next eval (lsdOfText). Past 2^53 units of the last digit (more than ~16 significant digits)
 * there are no digits left to show: the number is returned.
 */
export function storedNumber(v: number, lsd: number): number | string {
  if (Number.isNaN(lsd) || lsd >= 0 || !Number.isFinite(v)) return settleNumber(v, lsd);
  const decimals = -lsd;
  if (decimals > MAX_DECIMALS) return v;
  const unit = pow10(decimals);
  const scaled = Math.abs(v) * unit;
  if (scaled >= 9007199254740992) return settleNumber(v, lsd);
  const k = Math.round(scaled);
  // k / 10^d prints as the decimal k·10^-d without its trailing zeros: only those need text.
  if (k % 10 !== 0) return v < 0 ? -(k / unit) : k / unit;
  const digits = String(k).padStart(decimals + 1, "0");
  const text = `${digits.slice(0, -decimals)}.${digits.slice(-decimals)}`;
  return v < 0 && k !== 0 ? `-${text}` : text;
}

/**
 * sigfig(): `v` rounded to the significant figures its precision allows, integer digits included
 * (`sigfig(1.00*1111)` → 1110). Unlimited precision leaves the value as it is.
 */
export function roundToLsd(v: number, lsd: number): number {
  if (Number.isNaN(lsd) || lsd === EXACT || !Number.isFinite(v) || v === 0) return v;
  if (lsd < 0) return -lsd > MAX_DECIMALS ? v : Number(v.toFixed(-lsd));
  const unit = pow10(lsd);
  return Math.sign(v) * Math.round(Math.abs(v) / unit) * unit;
}
