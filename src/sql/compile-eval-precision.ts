/**
 * eval arithmetic over numbers of limited precision (values/numeric-precision.ts, as
 * executor/compile-expr.ts applies it) in SQL, to the last bit: `upperBound=(comp_avg+comp_std*3)`
 * after an eventstats. Each value carries its precision as a Float64 SQL expression, the exponent
 * of its last significant digit (`-inf`: EXACT, no limit):
 * - a field's number: lsdOfDouble, the fewest decimals d (1…22) for which
 *   Math.round(|x|·10^d)/10^d is |x| (stopping at 2^53), else the last digit of its shortest text
 *   (ClickHouse's toString of a Float64 is the shortest round-trip text, as String() is); EXACT for
 *   an integer or a non-finite number; a number held as decimal text ("6.0") has its text's;
 * - `+ - %`: the coarser last digit; `* /`: the fewer significant figures (decimalExponent −
 *   lsd + 1 per operand, against the table of the doubles nearest 10^i) placed at the result's
 *   decimal exponent;
 * - the value eval stores (storedNumber): rounded half up to that digit (never into integer
 *   digits), as decimal text when it ends on a zero ("6.0"), past 2^53 units of the last digit
 *   toFixed's value — which is the number itself once that unit is below a quarter of its spacing
 *   (2^55 units); between 2^53 and 2^55 the run-time guard sends the search to memory.
 * In between, the value is the plain IEEE result (a comparison reads it so); JavaScript's `+` of a
 * NaN joins text, which raises the guard.
 */
import { NotPushable } from "./compile-where.js";
import { guarded } from "./guard.js";
import { sqlFloat } from "./sql-text.js";
import { bind, fresh, NULL, type SqlValue } from "./compile-eval-value.js";
import { readNumber } from "./compile-eval.js";
import type { SqlColumn } from "./types.js";

const TWO53 = "9007199254740992.";
const TWO55 = "36028797018963968.";

/** The double nearest 10^i (numeric-precision.ts pow10) for an Int expression (up to 308; the text is read correctly rounded: precise_float_parsing). */
function pow10(i: string): string {
  return `if(${i} > 308, inf, toFloat64(concat('1e', toString(${i}))))`;
}

/** 10^1 … 10^22 (exact doubles). */
const POW10S = "arrayMap(pi -> toFloat64(concat('1e', toString(pi))), range(1, 23))";

/** Math.round of a Float64 ≥ 0 (half up; exact below 2^53). */
function jsRound(s: string): string {
  return `(floor(${s}) + if(${s} - floor(${s}) >= 0.5, 1, 0))`;
}

/** numeric-precision.ts decimalExponent of a finite Float64 > 0: the i with pow10(i) ≤ a < pow10(i + 1). */
function decimalExponent(a: string): string {
  const e = fresh("de");
  // Only ever read for a finite a > 0; anything else reads 1 (an Int conversion of inf throws).
  return bind(e, `toInt32(floor(log10(if(${a} > 0 AND isFinite(${a}), ${a}, 1))))`, `multiIf(${pow10(`${e} + 1`)} <= ${a}, ${e} + 1, ${pow10(e)} > ${a}, ${e} - 1, ${e})`);
}

/** lsdOfText of ClickHouse's shortest text of `x`: its decimals and exponent (`1.5e-7`, `0.25`, `5e-324`). */
function lsdOfShortestText(x: string): string {
  const t = fresh("lt");
  const parts = fresh("lp");
  const m = `${parts}[1]`;
  const exp = `if(length(${parts}) > 1, toInt32OrZero(replaceAll(${parts}[2], '+', '')), 0)`;
  return bind(t, `toString(${x})`, bind(parts, `splitByChar('e', ${t})`, `toFloat64(${exp} - if(position(${m}, '.') > 0, length(${m}) - position(${m}, '.'), 0))`));
}

/**
 * lsdOfValue of a Nullable(Float64) number: EXACT for null, an integer or a non-finite number,
 * else lsdOfDouble: the first d (1…22) with |x|·10^d ≥ 2^53 (then its shortest text's) or
 * Math.round(|x|·10^d)/10^d = |x| (then -d), else its shortest text's.
 */
export function numberPrecision(x: string): string {
  const v = fresh("pv");
  const w = fresh("pw");
  const codes = fresh("pc");
  const i = fresh("pi");
  const u = fresh("pu");
  const found = `arrayMap(${u} -> multiIf(abs(${w}) * ${u} >= ${TWO53}, 2, ${jsRound(`abs(${w}) * ${u}`)} / ${u} = abs(${w}), 1, 0), ${POW10S})`;
  const pick = bind(codes, found, bind(i, `arrayFirstIndex(c -> c > 0, ${codes})`, `if(${i} > 0 AND ${codes}[${i}] = 1, toFloat64(-${i}), ${lsdOfShortestText(w)})`));
  return bind(v, x, `if(isNull(${v}) OR NOT isFinite(assumeNotNull(${v})) OR ${v} = floor(${v}), -inf, ${bind(w, `assumeNotNull(${v})`, pick)})`);
}

/** lsdOfText of a Nullable(String) holding a plain decimal ("6.0", "-0.00"): minus its decimals. */
export function textPrecision(t: string): string {
  return `toFloat64(-(length(${t}) - position(${t}, '.')))`;
}

/** Significant figures of `x` at last digit `lsd` (sigAt): ∞ when unlimited, zero or not finite. */
function sigAt(x: string, lsd: string): string {
  return `if(isInfinite(${lsd}) OR ${x} = 0 OR NOT isFinite(${x}), inf, toFloat64(${decimalExponent(`abs(${x})`)}) - ${lsd} + 1)`;
}

/** A number value as a Tuple(Nullable(Float64) value, Float64 precision); null when its precision is not known here. */
function pairOf(v: SqlValue): string | null {
  if (v.pair !== undefined) return v.pair;
  const p = precisionOf(v);
  return p === null ? null : `(CAST(${v.sql} AS Nullable(Float64)), toFloat64(${p}))`;
}

/**
 * `l op r` over two numbers at least one of which has a limited precision (`prec`), with the
 * precision of the result: the IEEE value (eval-ops.ts arith/plus: null over null, `/ %` by zero
 * null unless NaN), raw (`raw`: stored or handed on only through store()). Value and precision are
 * one tuple (`pair`) so that neither operand's SQL is written twice.
 */
export function limitedArithmetic(op: "+" | "-" | "*" | "/" | "%", l: SqlValue, r: SqlValue): SqlValue {
  if (l.ty === "null" || r.ty === "null") return NULL;
  // ClickHouse's `%` of a Float64 is not fmod (1.79e308 % 7 is -inf there, 5 in JavaScript).
  if (op === "%") throw new NotPushable("the % operator over a value of limited precision");
  const pl = pairOf(l);
  const pr = pairOf(r);
  if (pl === null || pr === null) {
    throw new NotPushable(`the ${op} operator over a value of limited precision or text (the result is rounded or joined as eval stores it)`);
  }
  const ta = fresh("ta");
  const tb = fresh("tb");
  const [a, la, b, lb] = [`${ta}.1`, `${ta}.2`, `${tb}.1`, `${tb}.2`];
  const v = fresh("v");
  const value = op === "/" ? `if(${b} = 0 AND NOT isNaN(${a}), NULL, ${a} ${op} ${b})`
    // `+` of a NaN joins the texts ("NaN1") in memory.
    : op === "+" ? guarded(`ifNull(isNaN(${a}) OR isNaN(${b}), 0)`, `${a} + ${b}`) : `${a} ${op} ${b}`;
  const sg = fresh("sg");
  const x = fresh("cx");
  // combineLsd: `* /` by significant figures, `+ -` by the coarser last digit.
  const prec = op === "*" || op === "/"
    ? bind(sg, `least(${sigAt(`ifNull(${a}, 0)`, la)}, ${sigAt(`ifNull(${b}, 0)`, lb)})`, bind(x, `ifNull(${v}, 0)`,
      `if(isInfinite(${sg}) OR ${x} = 0 OR NOT isFinite(${x}), -inf, toFloat64(${decimalExponent(`abs(${x})`)}) - ${sg} + 1)`))
    : `greatest(${la}, ${lb})`;
  const pair = `arrayMap((${ta}, ${tb}) -> ${bind(v, `CAST(${value} AS Nullable(Float64))`, `(${v}, toFloat64(${prec}))`)}, [${pl}], [${pr}])[1]`;
  return { sql: `tupleElement(${pair}, 1)`, ty: "num", prec: `tupleElement(${pair}, 2)`, pair, raw: true };
}

/** The precision of a number value (EXACT for an exact one), or null when it is not known here. */
export function precisionOf(v: SqlValue): string | null {
  if (v.ty !== "num") return null;
  if (v.exact) return "-inf";
  return v.prec ?? null;
}

/**
 * What storedNumber and settledNumber share: a raw number's value `x` and precision `lsd` bound
 * from its pair, with d (the decimals, read only when used: an Int conversion of inf throws),
 * 10^d, |x|·10^d and its Math.round bound around `body` (`wrap`); settleNumber's integer case
 * (the fraction rounded off half up, -0 as 0) and its case past 2^53 units (toFixed's value, the
 * number itself from 2^55 units on).
 */
function settleScope(v: SqlValue) {
  const pair = pairOf(v);
  if (pair === null) throw new NotPushable("a number of unknown precision");
  const [t, x, lsd, d, unit, scaled, k] = ["st", "sx", "sl", "sd", "su", "sc", "sk"].map((p) => fresh(p)) as [string, string, string, string, string, string, string];
  const settledInt = `if(${x} = floor(${x}), ${x}, arrayMap(o -> if(${x} < 0, if(o = 0, 0., -o), o), [${jsRound(`abs(${x})`)}])[1])`;
  const big = `if(${scaled} >= ${TWO55}, ${x}, ${toFixedValue(x, d)})`;
  const steps = (body: string) => bind(d, `toInt32(if(isInfinite(${lsd}) OR ${lsd} >= 0 OR ${lsd} < -20, 0, -${lsd}))`,
    bind(unit, pow10(d), bind(scaled, `abs(${x}) * ${unit}`, bind(k, jsRound(scaled), body))));
  const wrap = (body: string) => `arrayMap(${t} -> if(isNull(${t}.1), NULL, arrayMap((${x}, ${lsd}) -> ${steps(body)}, [assumeNotNull(${t}.1)], [${t}.2])[1]), [${pair}])[1]`;
  return { x, lsd, d, unit, scaled, k, settledInt, big, wrap };
}

/**
 * storedNumber(v, lsd) of a raw number: `text` (a Nullable(String): the decimal text where the
 * stored value ends on a zero) and `number` (a Nullable(Float64): the stored number elsewhere).
 */
export function storedNumber(v: SqlValue): { text: string; number: string } {
  const { x, lsd, d, unit, scaled, k, settledInt, big, wrap } = settleScope(v);
  const textual = `(${lsd} < 0 AND ${lsd} >= -20 AND isFinite(${x}) AND ${scaled} < ${TWO53} AND ${k} % 10 = 0)`;
  const number = `multiIf(isInfinite(${lsd}) OR NOT isFinite(${x}), ${x}, ${lsd} >= 0, ${settledInt}, ${lsd} < -20, ${x}, ${scaled} >= ${TWO53}, ${big}, ${k} % 10 != 0, if(${x} < 0, -(${k} / ${unit}), ${k} / ${unit}), NULL)`;
  const digits = fresh("sg");
  const text = `if(${textual}, ${bind(digits, `arrayMap(kt -> leftPad(kt, greatest(length(kt), toUInt64(${d} + 1)), '0'), [toString(toUInt64(${k}))])[1]`, `concat(if(${x} < 0 AND ${k} != 0, '-', ''), substring(${digits}, 1, length(${digits}) - ${d}), '.', right(${digits}, ${d}))`)}, NULL)`;
  return { text: wrap(text), number: `CAST(${wrap(number)} AS Nullable(Float64))` };
}

/** 5^i, i = 0…20, as UInt128 literals (exact). */
const FIVES = `[${Array.from({ length: 21 }, (_, i) => `toUInt128('${(5n ** BigInt(i)).toString()}')`).join(", ")}]`;

/**
 * Number(x.toFixed(d)) for a finite x (d ≤ 20, |x|·10^d below 2^56): toFixed's n, the integer
 * nearest |x|·10^d (the larger on a tie), from x's exact binary value m·2^q as
 * (m·5^d·2^(q+d) + ½) rounded down in UInt128 (m·5^d < 2^100), then the decimal n·10^-d read
 * back, correctly rounded (precise_float_parsing).
 */
function toFixedValue(x: string, d: string): string {
  const bits = `reinterpretAsUInt64(abs(${x}))`;
  const e = `toInt32(bitShiftRight(${bits}, 52))`;
  const frac = `bitAnd(${bits}, toUInt64(4503599627370495))`;
  const m = `toUInt128(if(${e} = 0, ${frac}, ${frac} + toUInt64(4503599627370496)))`;
  const q = `if(${e} = 0, -1074, ${e} - 1075)`;
  const p = fresh("fp");
  const sh = fresh("fs");
  // The shift clamped to the type: a value out of this range is not read (short-circuit may still compute it).
  const n = bind(p, `${m} * ${FIVES}[least(greatest(${d}, 0), 20) + 1]`, bind(sh, `least(greatest(-(${q} + ${d}), -27), 127)`,
    `if(${sh} <= 0, bitShiftLeft(${p}, greatest(-${sh}, 0)), bitShiftRight(${p} + bitShiftLeft(toUInt128(1), greatest(${sh} - 1, 0)), greatest(${sh}, 0)))`));
  const value = `toFloat64(concat(toString(${n}), 'e-', toString(${d})))`;
  return `if(${x} < 0, -${value}, ${value})`;
}

/** A literal's precision as SQL (lsdOfText of how it is written). */
export function literalPrecision(lsd: number): string {
  return lsd === Number.NEGATIVE_INFINITY ? "-inf" : sqlFloat(lsd);
}

/** The key prefix of the text column of a number eval stored to its precision (its fallback column holds the number). */
export const STORED_TEXT_KEY = "evs";

/** A column eval made by store(): decimal text where the stored value ends on a zero, else (`fallback`) the number. */
export function isStoredNumber(c: SqlColumn): boolean {
  return c.storedNumber === true && c.kind === "string" && c.fallback !== undefined;
}

/** Such a column as a value: the number either way, with the precision of its stored form (raw: it may be text in memory). */
export function storedColumnValue(textKey: string, numberKey: string): SqlValue {
  const n = readNumber(numberKey);
  return {
    sql: `if(isNull(${textKey}), ${n}, toFloat64OrNull(${textKey}))`,
    ty: "num",
    prec: `if(isNull(${textKey}), ${numberPrecision(n)}, ${textPrecision(textKey)})`,
    raw: true,
    textual: true,
  };
}

/** settleNumber(v, lsd) of a raw number as a Nullable(Float64): storedNumber's value without the text (what a function is handed). */
export function settledNumber(v: SqlValue): string {
  const { x, lsd, unit, scaled, k, settledInt, big, wrap } = settleScope(v);
  const body = `multiIf(isInfinite(${lsd}) OR NOT isFinite(${x}), ${x}, ${lsd} >= 0, ${settledInt}, ${lsd} < -20, ${x}, ${scaled} >= ${TWO53}, ${big}, if(${x} < 0, if(${k} = 0, 0., -(${k} / ${unit})), ${k} / ${unit}))`;
  return `CAST(${wrap(body)} AS Nullable(Float64))`;
}

/**
 * numeric-round.ts roundDecimal(n, digits) of a finite Float64 `n`: on the digits of its shortest
 * text, a half away from zero (up for a negative only past the half), past 15 kept digits
 * toFixed's value.
 */
export function roundDecimalSql(n: string, digits: number): string {
  const x = fresh("rx");
  const parts = fresh("rp");
  const all = fresh("ra");
  const keep = fresh("rk");
  const mant = `${parts}[1]`;
  const exp = `if(length(${parts}) > 1, toInt32OrZero(replaceAll(${parts}[2], '+', '')), 0)`;
  const point = `(if(position(${mant}, '.') = 0, toInt32(length(${mant})), toInt32(position(${mant}, '.')) - 1) + ${exp})`;
  const next = `if(${keep} < length(${all}), toInt32(substring(${all}, ${keep} + 1, 1)), 0)`;
  const rest = `(${keep} + 1 < length(${all}) AND match(substring(${all}, ${keep} + 2), '[1-9]'))`;
  const up = `(${next} > 5 OR (${next} = 5 AND (${rest} OR ${x} > 0)))`;
  const kept = `rightPad(substring(${all}, 1, greatest(${keep}, 0)), toUInt64(greatest(${keep}, 0)), '0')`;
  const out = `((if(${keep} <= 0, 0., toFloat64(${kept})) + if(${up}, 1, 0)) / ${sqlFloat(10 ** digits)})`;
  const rounded = `if(${x} < 0, if(${out} = 0, 0., -${out}), ${out})`;
  const byText = bind(parts, `splitByChar('e', toString(abs(${x})))`, bind(all, `replaceOne(${mant}, '.', '')`, bind(keep, `${point} + ${digits}`,
    `multiIf(${keep} < 0, 0., ${keep} > 15, ${toFixedValue(x, String(digits))}, ${rounded})`)));
  return bind(x, n, `if(NOT isFinite(${x}) OR ${x} = floor(${x}) OR ${digits} >= 20, ${x}, ${byText})`);
}

/**
 * round(x[, digits]) (functions/math.ts) with a literal number of digits: of a field's number
 * (handed as it is) or of arithmetic (handed settled); the result keeps the argument's precision
 * where it is that argument, as compile-expr.ts's argPrec does ("4.0" from round(2.5+1.5)).
 */
export function roundCall(args: readonly SqlValue[]): SqlValue {
  const [a, d] = args;
  const digits = d === undefined ? 0 : d.exact && typeof d.literal === "number" ? d.literal : null;
  if (!a || args.length > 2 || digits === null || !Number.isInteger(digits) || digits < 0) throw new NotPushable("round() other than of a number to a literal count of digits");
  if (a.ty === "null") return NULL;
  if (a.ty !== "num" || a.textual) throw new NotPushable("round() of text (a number held as text)");
  const arg = a.raw ? settledNumber(a) : `CAST(${a.sql} AS Nullable(Float64))`;
  const v = fresh("rv");
  const r = fresh("rr");
  const y = fresh("ry");
  const rounded = `CAST(if(isNull(${v}) OR NOT isFinite(assumeNotNull(${v})), NULL, ${bind(y, roundDecimalSql(`assumeNotNull(${v})`, digits), `if(isFinite(${y}), ${y}, NULL)`)}) AS Nullable(Float64))`;
  // compile-expr.ts: the argument's precision where the result is that argument (a field's: its own), else EXACT.
  const same = a.raw ? `toFloat64(${precisionOf(a)})` : numberPrecision(r);
  const pair = bind(v, arg, bind(r, rounded, `(${r}, if(${r} = ${v}, ${same}, -inf))`));
  if (!a.raw) return { sql: `tupleElement(${pair}, 1)`, ty: "num", prec: `tupleElement(${pair}, 2)`, pair };
  return { sql: `tupleElement(${pair}, 1)`, ty: "num", prec: `tupleElement(${pair}, 2)`, pair, raw: true };
}
