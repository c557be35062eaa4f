/**
 * A search expression (a tstats `where`) → a ClickHouse boolean over a dataset table's rows, with
 * the in-memory predicate's semantics (executor/search-predicate.ts, wildcard.ts): a field is an
 * `Array(String)` and a term holds when any of its values matches; `field=v` is case-insensitive
 * (fold.ts for non-ASCII text), `*` is any run and `%`, `_`, `\` are literal (escaped for LIKE);
 * `field!=v` needs the field; `NOT` keeps rows without it; `<`, `>`, `<=`, `>=` follow
 * values/value.ts compareAtoms (numbers when both sides read as numbers, a number sorts before a
 * string, strings in code-unit order). A construct that has no exact equivalent here throws
 * NotPushable, and the step stays local.
 */
import type { SearchExpr, SearchValue } from "../ast/nodes.js";
import { parseSubnet } from "../values/ip.js";
import { parseNumber } from "../values/value.js";
import { asciiLower, canonFold, hasLoneSurrogate, hasNonAscii, hex } from "./fold.js";
import { fieldColumns, sqlFloat, sqlString, type FieldColumns } from "./sql-text.js";
import { guarded } from "./guard.js";

/** Why a step cannot be pushed down: it stays local, with this as the reason `explain` shows. */
export class NotPushable extends Error {}

/**
 * How the compiler reads a field: its columns, or null when the dataset does not define it (the
 * in-memory scan reads such a field as null: no value ever matches).
 */
export type FieldResolver = (field: string) => string | null;

/** A resolver that may also hand over a computed value's columns (row-steps.ts: an eval's result). */
export type ColumnResolver = (field: string) => string | FieldColumns | null;

const FALSE = "0";
const TRUE = "1";

/**
 * The JavaScript `\s` set that isNumericText trims (values/numeric-text.ts isSpace), as an RE2
 * class, and a number as isNumericText reads one; the capture is what toFloat64 parses.
 */
const SPACE = String.raw`[\t\n\x{0B}\f\r \x{A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]`;
export const NUMBER_RE = String.raw`^${SPACE}*([+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?)${SPACE}*$`;

/**
 * parseNumber(v) as a Nullable(Float64): NULL when `v` does not read as a number. The query must
 * run with `precise_float_parsing = 1` (compile-tstats.ts adds it) so digits round as Number() does.
 */
export function sqlNumber(v: string): string {
  // A number past the double range (`1e999`) is ±Infinity or ±0 to Number(); whether
  // toFloat64OrNull reads it so or as NULL depends on the query, so such a value, which the
  // grammar accepts and the parse does not, sends the search to memory (guard.ts).
  const t = `extract(${v}, ${sqlString(NUMBER_RE)})`;
  return `arrayMap(nt -> ${guarded("nt != '' AND isNull(toFloat64OrNull(nt))", "toFloat64OrNull(nt)")}, [${t}])[1]`;
}

/** How a source differs from a dataset table (an event search's, compile-events.ts). */
export interface WhereOptions {
  /** Free text over the source's `_raw` (default: a dataset's, which has none). */
  readonly freeText?: (value: SearchValue) => string;
  /** `field op value` terms on these fields (lower case) hold on every row: the caller's time modifiers. */
  readonly ignoreFields?: ReadonlySet<string>;
}

export function compileWhere(expr: SearchExpr, resolve: ColumnResolver, opts: WhereOptions = {}): string {
  const go = (e: SearchExpr): string => {
    switch (e.kind) {
      case "and": return join(e.items.map(go), "AND");
      case "or": return join(e.items.map(go), "OR");
      case "not": return `NOT ${go(e.operand)}`;
      case "term":
        if (opts.freeText) return opts.freeText(e.value);
        // Free text reads _raw, which no dataset defines: only `*` matches (every row).
        if (e.value.text === "*") return TRUE;
        if (resolve("_raw") !== null) throw new NotPushable("free text in a tstats where");
        return FALSE;
      case "in": return join(e.values.map((v) => compare(resolve(e.field), "=", v)), "OR");
      case "compare":
        if (opts.ignoreFields?.has(e.field.toLowerCase())) return TRUE;
        return compare(resolve(e.field), e.op, e.value);
      case "subsearch": throw new NotPushable("a subsearch in the where clause");
    }
  };
  return go(expr);
}

function join(parts: readonly string[], op: "AND" | "OR"): string {
  if (parts.length === 1) return parts[0] as string;
  return `(${parts.join(` ${op} `)})`;
}

/** `CASE(x)` / `TERM(x)` as the in-memory matcher reads them (search-predicate.ts `directive`). */
export function directive(value: SearchValue): { text: string; caseSensitive: boolean } {
  const m = value.quoted ? null : /^(CASE|TERM)\((.*)\)$/s.exec(value.text);
  if (!m) return { text: value.text, caseSensitive: false };
  return { text: m[2] as string, caseSensitive: m[1] === "CASE" };
}

function compare(field: string | FieldColumns | null, op: string, value: SearchValue): string {
  if (field === null) return FALSE; // no value: neither `=`, `!=` nor an ordering can hold
  const col = typeof field === "string" ? fieldColumns(field) : field;
  const exists = `notEmpty(${col.values})`;
  const { text, caseSensitive } = directive(value);
  if (op === "=") return text === "*" ? exists : matches(col, text, caseSensitive);
  if (op === "!=") return text === "*" ? FALSE : `(${exists} AND NOT ${matches(col, text, caseSensitive)})`;
  return ordering(col.values, op, value.text);
}

/**
 * Free text as the in-memory base search reads it (search-predicate.ts termTest): `*` holds on
 * every row; otherwise a case-insensitive match of `*text*` against `_raw` (CASE(x): case-sensitive),
 * with `raw` resolving `_raw`. TERM(x) (bounded by major breakers) has no exact SQL form here.
 */
export function freeTextMatch(value: SearchValue, raw: () => string | null): string {
  if (value.text === "*") return TRUE;
  if (!value.quoted && /^TERM\(.*\)$/s.test(value.text)) throw new NotPushable("TERM() free text");
  const { text, caseSensitive } = directive(value);
  const rawField = raw();
  if (rawField === null) return FALSE;
  return matches(fieldColumns(rawField), `*${text}*`, caseSensitive);
}

/** Any value of the field matches the search value (valueMatcher). */
function matches(col: FieldColumns, pattern: string, caseSensitive: boolean): string {
  if (hasLoneSurrogate(pattern)) throw new NotPushable("a search value with a lone surrogate");
  if (/^\*+$/.test(pattern)) return `notEmpty(${col.values})`;
  const net = pattern.includes("/") ? parseSubnet(pattern) : null;
  if (net) return cidr(col, pattern, net);
  if (!pattern.includes("*")) {
    if (caseSensitive) return `has(${col.values}, ${sqlString(pattern)})`;
    const p = pattern.toLowerCase();
    // The exact match needs equal lengths; a pattern whose lower case changes length (İ) or is
    // not a fixed point of toLowerCase would need more than one folded form.
    if (p.length !== pattern.length || p.toLowerCase() !== p) throw new NotPushable(`the case folding of "${pattern}"`);
    return `(arrayExists(v -> lower(v) = ${sqlString(p)}, ${col.values}) OR has(${col.lower}, ${sqlString(p)}))`;
  }
  const like = (fold: (s: string) => string) => sqlString(pattern.split("*").map((seg) => escapeLike(fold(seg))).join("%"));
  if (caseSensitive) return `arrayExists(v -> v LIKE ${like((s) => s)}, ${col.values})`;
  return `(arrayExists(v -> lower(v) LIKE ${like(asciiLower)}, ${col.values}) OR arrayExists(v -> v LIKE ${like(canonFold)}, ${col.canon}))`;
}

/**
 * A CIDR term (wildcard.ts): the value's text equals the term's, ignoring case (no length rule
 * here), or the value reads as an address of the same family inside the subnet: a prefix of its
 * ipKey() text, whole hex digits and then the allowed values of a last partial digit.
 */
function cidr(col: FieldColumns, pattern: string, net: NonNullable<ReturnType<typeof parseSubnet>>): string {
  // An ASCII term's lower case is what toLowerCase gives either way; a non-ASCII one (a zone) is rare.
  if (hasNonAscii(pattern)) throw new NotPushable(`CIDR value ${pattern} with non-ASCII text`);
  const p = pattern.toLowerCase();
  const text = `(arrayExists(v -> lower(v) = ${sqlString(p)}, ${col.values}) OR has(${col.lower}, ${sqlString(p)}))`;
  const digits = hex(net.bytes);
  const full = net.bits >> 2;
  const prefix = `${net.v6 ? "6" : "4"}:${digits.slice(0, full)}`;
  const rest = net.bits & 3;
  let test = `startsWith(ip, ${sqlString(prefix)})`;
  if (rest) {
    const first = parseInt(digits[full] as string, 16);
    const allowed = Array.from({ length: 1 << (4 - rest) }, (_, k) => sqlString((first + k).toString(16)));
    test = `(${test} AND substring(ip, ${prefix.length + 1}, 1) IN (${allowed.join(", ")}))`;
  }
  return `(${text} OR arrayExists(ip -> ${test}, ${col.ip}))`;
}

/** A literal piece of a LIKE pattern: `%`, `_` and `\` stand for themselves. */
export function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** `field < value` etc.: compareAtoms(v, value) for any value v of the field. */
export function ordering(values: string, op: string, literal: string): string {
  const y = parseNumber(literal);
  const num = sqlNumber("v");
  if (!Number.isNaN(y)) {
    // A number against a number; a non-numeric value sorts after every number.
    const lit = y === Infinity ? "inf" : y === -Infinity ? "-inf" : sqlFloat(y);
    const whenText = op === ">" || op === ">=" ? TRUE : FALSE;
    return `arrayExists(v -> ifNull(${num} ${op} ${lit}, ${whenText}), ${values})`;
  }
  // A string literal: every number sorts before it; strings compare by UTF-8 bytes, as
  // compareLexical does. A lone surrogate has no UTF-8 form.
  if (hasLoneSurrogate(literal)) throw new NotPushable(`ordering against a value with a lone surrogate`);
  const lit = sqlString(literal);
  const whenNumber = op === "<" || op === "<=" ? TRUE : FALSE;
  return `arrayExists(v -> if(isNull(${num}), v ${op} ${lit}, ${whenNumber}), ${values})`;
}
