/**
 * The values of the eval → SQL compiler (compile-eval.ts): each compiled expression has a static
 * type that says how its SQL value stands for the in-memory value, plus the helpers every part
 * uses (truthy(), lambda names).
 */

/**
 * The static type of a compiled value: `num` a Nullable(Float64), `str` a Nullable(String), `mv`
 * an Array(String) (empty: null, one element: that string), `bool` a UInt8 (a comparison's
 * result), `null` the constant.
 */
import { NotPushable } from "./compile-where.js";

export type SqlType = "num" | "str" | "mv" | "bool" | "null";

export interface SqlValue {
  readonly sql: string;
  readonly ty: SqlType;
  /** An `mv` whose element order is not the in-memory one (a values() set, sorted only locally). */
  readonly unordered?: boolean;
  /** An `mv` that is a values() set as it is (stored, it is sorted again: the in-memory value). */
  readonly set?: boolean;
  /**
   * A `str`/`mv` (lower()) equal to the in-memory value in its ASCII characters and their places,
   * each other character standing for one non-ASCII character: usable only where that decides
   * the answer (like() with an ASCII pattern, `=`/`!=` with an ASCII literal, null and empty tests).
   */
  readonly asciiOnly?: boolean;
  /** A `bool` that is null where its subject is (like() of a null): only usable as a condition. */
  readonly nullable?: boolean;
  /** The literal this is, when it is one. */
  readonly literal?: string | number;
  /**
   * A `num` of unlimited precision (EXACT in numeric-precision.ts: an integer literal, len(),
   * mvcount(), arithmetic of such): arithmetic over it is stored unrounded, as SQL computes it.
   */
  readonly exact?: boolean;
  /**
   * A `num` of limited precision: the exponent of its last significant digit as a Float64 SQL
   * expression (`-inf`: no limit), for arithmetic over it (compile-eval-precision.ts).
   */
  readonly prec?: string;
  /** Arithmetic's `Tuple(value, precision)` (`sql` and `prec` read it): bound once where both are read. */
  readonly pair?: string;
  /**
   * A `num` whose in-memory value is not `sql` everywhere it is read: arithmetic's unrounded
   * result (a function is handed it rounded, eval stores it rounded) or a number held as decimal
   * text ("6.0"). Only comparisons with numbers, arithmetic and eval's store read it.
   */
  readonly raw?: boolean;
  /** A `raw` value that may be text in memory ("6.0" is true where 0 is false): no truthy() of it. */
  readonly textual?: boolean;
}

export const NULL: SqlValue = { sql: "NULL", ty: "null" };
export const EMPTY = "CAST([] AS Array(String))";

export function bool(sql: string, nullable = false): SqlValue {
  return nullable ? { sql, ty: "bool", nullable } : { sql, ty: "bool" };
}

/** eval-ops.ts truthy() as a UInt8. */
export function truthy(v: SqlValue): string {
  switch (v.ty) {
    case "null": return "0";
    case "bool": return v.sql;
    case "num":
      // Arithmetic's value is truthy as stored (rounded, maybe text "0.0"), which is not this.
      if (v.raw) throw new NotPushable("the truth of a number of limited precision (as eval stores it)");
      return `ifNull(${v.sql} != 0, 0)`;
    case "str": return `ifNull(${v.sql} != '', 0)`;
    case "mv": return `(length(${v.sql}) >= 2 OR (length(${v.sql}) = 1 AND ${v.sql}[1] != ''))`;
  }
}

/** Lambda parameter names, unique within one compiled expression (nested lambdas never shadow). */
let serial = 0;
export function fresh(prefix: string): string {
  return `${prefix}${serial++}`;
}

/** `body` with `name` bound to `value` (no LET in ClickHouse: a lambda over a one-element array). */
export function bind(name: string, value: string, body: string): string {
  return `arrayMap(${name} -> ${body}, [${value}])[1]`;
}

/** Starts the names of one expression again. */
export function resetNames(): void {
  serial = 0;
}
