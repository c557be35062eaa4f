/**
 * The aggregates of a pushed `| eventstats` (compile-eventstats-step.ts) as SQL over one BY group,
 * computing exactly what the in-memory aggregates do (aggregates/*.ts), with the same double
 * operations in the same order, so the numbers agree to the last bit:
 * - the values an aggregate reads are each row's values (a multivalue's in its order) in the
 *   result's row order (`ord`, a row number over result-order.ts), flattened into one array;
 * - sum, avg, var, varp, stdev, stdevp, sumsq (moments.ts): the running sums `sum`, `sumsq` and
 *   those about the first value (`dsum`, `dsumsq`), each an `arrayFold` adding from 0 in that
 *   order, then moments.ts's formulas (sumsq − (n·mean)·mean, its cancellation fallback, the
 *   clamp at 0 that keeps NaN) — ClickHouse's avg/stddevSamp add in another order and use another
 *   formula;
 * - perc<X> / p<X> / exactperc / upperperc / median (percentiles.ts): the values sorted as
 *   JavaScript's stable sort by `a - b` does (by value, -0 and 0 equal, ties in input order), then
 *   the interpolation at rank X·(n−1) in hundredths, or the upper middle value;
 * - min / max of a number column (extremes.ts): the first extreme met (`<` / `>` strictly), a
 *   group with a non-finite number raises the run-time guard (memory then compares its text);
 * - count, count(f), dc(f) (counting.ts: values compared as text; a number's text is one per
 *   value, -0 and 0 alike, so `toString(x + 0)` distinguishes what JavaScript's does), values(f)
 *   of text (a set, sorted locally by UTF-8 bytes).
 * Only numbers that read as finite (aggregates/numeric.ts numberOf) feed the numeric aggregates.
 */
import type { AggregateSpec } from "../ast/commands.js";
import { lookupAggregate } from "../aggregates/registry.js";
import { readNumber, shownColumn } from "./compile-eval.js";
import { NotPushable, sqlNumber } from "./compile-where.js";
import { guarded } from "./guard.js";
import { sqlFloat, NULL_KEY } from "./sql-text.js";
import type { SqlColumnKind, SqlColumn } from "./types.js";

const NO_TEXT = "CAST([] AS Array(String))";
const NO_NUMBERS = "CAST([] AS Array(Float64))";

/** How one row's values of a field are read (per row, before grouping). */
export interface FieldInput {
  /** The column's kind, or null when the result has no such field (no values). */
  readonly kind: SqlColumnKind | null;
  /** Array(String): each value's text as a count/dc key (a number's: `toString(x + 0)`). */
  readonly texts: string;
  /** Array(Float64): the values that read as finite numbers, in order. */
  readonly numbers: string;
  /** UInt8: the row holds a number that is not finite (min/max compare those as text). */
  readonly nonFinite: string;
}

/** A field's per-row inputs (the caller's subquery computes them once per field). */
export function fieldInput(columns: readonly SqlColumn[], name: string): FieldInput {
  const c = shownColumn(columns, name);
  if (!c || c.key === NULL_KEY) return { kind: null, texts: NO_TEXT, numbers: NO_NUMBERS, nonFinite: "0" };
  if (c.fallback !== undefined) throw new NotPushable(`${name} holds a time text or a number (convert ctime)`);
  const fromTexts = (t: string) => `arrayFilter(x -> isFinite(x), arrayMap(v -> ifNull(${sqlNumber("v")}, nan), ${t}))`;
  switch (c.kind) {
    case "number": {
      const x = readNumber(c.key);
      return {
        kind: "number",
        texts: `if(isNull(${x}), ${NO_TEXT}, [toString(assumeNotNull(${x}) + 0)])`,
        numbers: `if(isNull(${x}) OR NOT isFinite(assumeNotNull(${x})), ${NO_NUMBERS}, [assumeNotNull(${x})])`,
        nonFinite: `ifNull(NOT isFinite(${x}), 0)`,
      };
    }
    case "string": {
      const t = `if(isNull(${c.key}), ${NO_TEXT}, [assumeNotNull(${c.key})])`;
      return { kind: "string", texts: t, numbers: fromTexts(t), nonFinite: "0" };
    }
    case "values":
    case "set":
      return { kind: c.kind, texts: c.key, numbers: fromTexts(c.key), nonFinite: "0" };
    case "tuple": throw new NotPushable(`${name} is an internal column`);
  }
}

/** What the group query computes for one aggregate. */
export interface GroupAggregate {
  /** The aggregate over one group, as an expression of the GROUP BY query (Nullable(String) or Array(String)). */
  readonly sql: string;
  readonly kind: "number" | "set";
  /** Null in some group that has rows (no numeric values): the field's existence then needs a guard. */
  readonly mayBeNull: boolean;
  /** Reads the values in the rows' order (`ord`). */
  readonly ordered: boolean;
}

/**
 * Group-level names for a field's inputs, made by the caller: `texts` (Array(String) of every
 * value), `xs` (the finite numbers in row order), `nonFinite` (rows with a non-finite number).
 */
export interface GroupInputs {
  readonly texts: string;
  readonly xs: string;
  readonly nonFinite: string;
  readonly kind: SqlColumnKind | null;
}

/** The aggregate `a` over a group, or NotPushable. */
export function groupAggregate(a: AggregateSpec, input: GroupInputs | null): GroupAggregate {
  const found = lookupAggregate(a.fn);
  const name = a.fn === "count" && a.field === null ? "count" : found?.def.name;
  if (a.field === null) {
    if (name === "count") return { sql: "toString(count())", kind: "number", mayBeNull: false, ordered: false };
    throw new NotPushable(`${a.as}: ${a.fn} without a field`);
  }
  if (!input || !found) throw new NotPushable(`${a.as}: ${a.fn}() is not pushed yet`);
  const num = (sql: string, mayBeNull = true, ordered = true): GroupAggregate => {
    // A values() set's values are in JavaScript's sorted order only locally.
    if (ordered && input.kind === "set") throw new NotPushable(`${a.as}: ${a.fn} of a values() list (the order of its values)`);
    return { sql, kind: "number", mayBeNull, ordered };
  };
  const xs = input.xs;
  const n = `toFloat64(length(${xs}))`;
  const ifAny = (v: string) => `if(length(${xs}) = 0, NULL, toString(${v}))`;
  switch (name) {
    case "count": return num(`toString(length(${input.texts}))`, false, false);
    case "dc": return num(`toString(length(arrayDistinct(${input.texts})))`, false, false);
    case "values":
      if (input.kind === "number") throw new NotPushable(`${a.as}: values() of a number (its text is JavaScript's)`);
      return { sql: `arrayDistinct(${input.texts})`, kind: "set", mayBeNull: true, ordered: false };
    case "sum": return num(ifAny(sum(xs)));
    case "sumsq": return num(ifAny(sumsq(xs)));
    case "avg": return num(ifAny(`${sum(xs)} / ${n}`));
    case "var": return num(ifAny(sampleVar(xs, n)));
    case "varp": return num(ifAny(`${squares(xs, n)} / ${n}`));
    case "stdev": return num(ifAny(`sqrt(${sampleVar(xs, n)})`));
    case "stdevp": return num(ifAny(`sqrt(${squares(xs, n)} / ${n})`));
    case "perc":
    case "exactperc":
    case "upperperc": return num(ifAny(percentile(sorted(xs), n, found.param ?? 50)));
    case "median": return num(ifAny(`${sorted(xs)}[toUInt64(floor(${n} / 2)) + 1]`));
    case "min":
    case "max": {
      if (input.kind !== "number") throw new NotPushable(`${a.as}: ${name} of text or numbers as text (kept as the event holds it)`);
      const lt = name === "min" ? "<" : ">";
      const start = name === "min" ? "inf" : "-inf";
      const v = ifAny(`arrayFold((acc, x) -> if(x ${lt} acc, x, acc), ${xs}, toFloat64(${start}))`);
      // A NaN or infinite value is compared as its text in memory (extremes.ts).
      return num(guarded(`${input.nonFinite} > 0`, v));
    }
    default: throw new NotPushable(`${a.as}: ${a.fn}() is not pushed yet`);
  }
}

/** Σx from 0, in order (moments.ts `s.sum += x`). */
function sum(xs: string): string {
  return `arrayFold((acc, x) -> acc + x, ${xs}, toFloat64(0))`;
}

function sumsq(xs: string): string {
  return `arrayFold((acc, x) -> acc + x * x, ${xs}, toFloat64(0))`;
}

/** moments.ts squares(): Σ(x − mean)² as sumsq − (n·mean)·mean, or about the first value when that cancels, never below 0 (NaN kept). */
function squares(xs: string, n: string): string {
  const k = `${xs}[1]`;
  const dsum = `arrayFold((acc, x) -> acc + (x - ${k}), ${xs}, toFloat64(0))`;
  const dsumsq = `arrayFold((acc, x) -> acc + (x - ${k}) * (x - ${k}), ${xs}, toFloat64(0))`;
  return `arrayMap((s, q, ds, dq) -> arrayMap(direct -> if(direct > q * ${sqlFloat(1e-9)}, direct, arrayMap(w -> if(isNaN(w) OR w > 0, w, 0), [dq - (${n} * (ds / ${n})) * (ds / ${n})])[1]), [q - (${n} * (s / ${n})) * (s / ${n})])[1], [${sum(xs)}], [${sumsq(xs)}], [${dsum}], [${dsumsq}])[1]`;
}

/** moments.ts sampleVar: 0 for one value. */
function sampleVar(xs: string, n: string): string {
  return `if(${n} < 2, 0, ${squares(xs, n)} / (${n} - 1))`;
}

/** The numbers as `[...xs].sort((a, b) => a - b)` orders them: by value, -0 and 0 equal, ties in input order. */
function sorted(xs: string): string {
  return `arraySort((x, i) -> (x + 0, i), ${xs}, arrayEnumerate(${xs}))`;
}

/** percentiles.ts interpolatedPercentile over sorted values `s` (1-based here). */
function percentile(s: string, n: string, p: number): string {
  const r = `(${sqlFloat(p)} * (${n} - 1))`;
  const i = `least(${n} - 1, greatest(0, floor(${r} / 100)))`;
  return `arrayMap((ss, ii, ff) -> if(ff <= 0 OR ii + 1 >= ${n}, ss[toUInt64(ii) + 1], (ss[toUInt64(ii) + 1] * (100 - ff) + ss[toUInt64(ii) + 2] * ff) / 100), [${s}], [${i}], [${r} - 100 * ${i}])[1]`;
}
