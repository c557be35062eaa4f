/**
 * Argument helpers shared by the eval functions: reading a scalar as text or number, lifting a
 * per-value function over a multivalue argument, and the null conventions (spl-semantics.md §7).
 *
 * The lifting rule (a choice; §7 leaves multivalue behaviour of most functions open): a function of
 * one scalar applied to a multivalue field is applied to each value, values that give null are
 * dropped, and the list is normalised with `mv()` (e.g. `lower(mvappend("A","B"))` → `a`, `b`).
 */
import {
  isMulti, mv, parseNumber, toList, toNumber, toText, type Atom, type EvalValue, type Value,
} from "../values/value.js";

/** The first value of a (possibly multivalue) argument; booleans stay booleans. */
export function first(v: EvalValue | undefined): Atom | boolean | null {
  if (v === undefined || v === null) return null;
  if (isMulti(v)) return v[0] ?? null;
  return v;
}

/** Text of the first value, or null. */
export function text(v: EvalValue | undefined): string | null {
  return v === undefined ? null : toText(v);
}

/** A finite number read from the first value (numeric strings included), or null. */
export function num(v: EvalValue | undefined): number | null {
  const f = first(v);
  if (f === null || typeof f === "boolean") return null;
  return finite(toNumber(f));
}

/** NaN and ±Infinity become null: Splunk has no such values, e.g. division by zero is null (§2.1). */
export function finite(n: number): number | null {
  return Number.isFinite(n) ? n : null;
}

/** True when an atom reads as a number (field values arrive as strings, §7). */
export function isNumberLike(a: Atom): boolean {
  return typeof a === "number" || !Number.isNaN(parseNumber(a));
}

/** Applies `f` to each value of `v`; see the lifting rule in the header. */
export function lift(v: EvalValue | undefined, f: (a: Atom) => Atom | null): Value {
  if (v === undefined || v === null) return null;
  if (!isMulti(v)) return f(typeof v === "boolean" ? (v ? "true" : "false") : v);
  const out: Atom[] = [];
  for (const a of v) {
    const r = f(a);
    if (r !== null) out.push(r);
  }
  return mv(out);
}

/** Like `lift`, reading each value as a number (non-numeric values give null). */
export function liftNumber(v: EvalValue | undefined, f: (n: number) => number | null): Value {
  return lift(v, (a) => {
    const n = finite(toNumber(a));
    return n === null ? null : finite(f(n) ?? Number.NaN);
  });
}

/** Like `lift`, reading each value as text. */
export function liftText(v: EvalValue | undefined, f: (s: string) => Atom | null): Value {
  return lift(v, (a) => f(typeof a === "string" ? a : (toText(a) ?? "")));
}

/** True when any value of `v` satisfies `test`; null for a null argument. */
export function anyValue(v: EvalValue | undefined, test: (s: string) => boolean): boolean | null {
  if (v === undefined || v === null) return null;
  return toList(v).some((a) => test(typeof a === "string" ? a : (toText(a) ?? "")));
}

/**
 * Truth of a condition argument. Booleans are themselves and null is false; numbers and strings
 * follow the executor's `where` rule (non-zero, non-empty) so `if(x, …)` and `where x` agree.
 */
export function truth(v: EvalValue | undefined): boolean {
  if (v === undefined || v === null) return false;
  if (typeof v === "boolean") return v;
  if (typeof v === "number") return v !== 0;
  if (isMulti(v)) return v.length > 0;
  return v !== "";
}

/** Equality used by `in()` and `nullif()`: numeric when both read as numbers, else exact text (§6). */
export function atomsEqual(a: Atom | boolean, b: Atom | boolean): boolean {
  if (typeof a === "boolean" || typeof b === "boolean") return a === b;
  const x = typeof a === "number" ? a : parseNumber(a);
  const y = typeof b === "number" ? b : parseNumber(b);
  if (!Number.isNaN(x) && !Number.isNaN(y)) return x === y;
  return String(a) === String(b);
}

/** Code-point aware characters of a string (len/substr count characters, not UTF-16 units). */
export function chars(s: string): string[] {
  return Array.from(s);
}
