/**
 * `| search <expr>` after a pushed aggregate, as a filter over its result columns (SqlColumn
 * kinds, types.ts), with the in-memory `search` command's semantics (commands/search.ts over
 * executor/field-source.ts tableSource and search-predicate.ts): a field is the shown result column
 * of that name (none: null, no term on it holds); a term holds when any of its values does, a
 * number's value being its text as toText writes it (formatNumber: String(x), `nan`, `inf`,
 * `-inf`); `field=v` matches as executor/wildcard.ts valueMatcher (case-insensitive, `*` any run,
 * CASE() exact case); `field!=v` needs the field, `NOT` keeps rows without it, `field=*` is
 * "has a value", `IN` an OR of `=`; `<`, `>`, `<=`, `>=` are compareAtoms(value's text, literal);
 * free text reads a `_raw` column (a result without one: false, `*`: true).
 *
 * The dataset tables' folded side columns (compile-where.ts) do not exist for result columns, so
 * case folding is done here where it is exact without them:
 * - an exact value whose lower case is ASCII: JavaScript's `s.toLowerCase() === p` with equal
 *   lengths holds exactly when s is ASCII letters in any case plus the Kelvin sign (U+212A, the
 *   only non-ASCII code point whose lower case is ASCII: `k`), so `lower(replaceAll(v, K, 'k')) = p`;
 * - a `*` pattern with ASCII text: the `i` regex pairs ASCII units case-insensitively and never a
 *   non-ASCII unit with an ASCII one (fold.ts), which is `lower(v) LIKE asciiLower(p)` over UTF-8;
 * - a non-ASCII value without CASE() would need JavaScript's folding of the data: stays local.
 * A number column compared as text: the exact value is decided in JavaScript (the one number, if
 * any, whose String() it is); a `*` pattern reads the integer's digits in SQL, and any other
 * finite number raises the run-time guard (guard.ts: JavaScript's shortest round-trip text).
 * CIDR values, TERM() over a `_raw` column, subsearches and converted times stay local.
 */
import type { Command } from "../ast/commands.js";
import type { SearchExpr, SearchValue } from "../ast/nodes.js";
import { parseSubnet } from "../values/ip.js";
import { compareLexical, parseNumber } from "../values/value.js";
import { readNumber, shownColumn } from "./compile-eval.js";
import type { ResultQuery } from "./compile-eval-step.js";
import { directive, escapeLike, NotPushable, ordering } from "./compile-where.js";
import { asciiLower, hasLoneSurrogate, hasNonAscii } from "./fold.js";
import { guarded } from "./guard.js";
import { NULL_KEY, sqlFloat, sqlString, stringList } from "./sql-text.js";
import type { SqlColumn } from "./types.js";

const FALSE = "0";
const TRUE = "1";
const KELVIN = "\u212a";

/** A result column as the search reads it: its values as an array of numbers or of strings. */
type Field = { readonly ty: "num"; readonly arr: string } | { readonly ty: "str"; readonly arr: string };

/**
 * `| search <expr>` over the pushed result as the columns after it (unchanged), the query
 * filtered in place; null for any other command. Throws NotPushable when not exact.
 */
export function searchStep(c: Command, columns: readonly SqlColumn[], q: ResultQuery): readonly SqlColumn[] | null {
  if (c.kind !== "search") return null;
  if (c.subsearches.size > 0) throw new NotPushable("a subsearch in the search");
  if (c.expr) q.filter(compileResultSearch(c.expr, columns));
  return columns;
}

/** A search expression → a UInt8 over the result columns (never NULL). */
export function compileResultSearch(expr: SearchExpr, columns: readonly SqlColumn[]): string {
  const field = (name: string) => resultField(columns, name);
  const go = (e: SearchExpr): string => {
    switch (e.kind) {
      case "and": return join(e.items.map(go), "AND");
      case "or": return join(e.items.map(go), "OR");
      case "not": return `(NOT ${go(e.operand)})`;
      case "term": return freeText(e.value, () => field("_raw"));
      case "in": return e.values.length === 0 ? FALSE : join(e.values.map((v) => compare(field(e.field), "=", v)), "OR");
      case "compare": return compare(field(e.field), e.op, e.value);
      case "subsearch": throw new NotPushable("a subsearch in the search");
    }
  };
  return go(expr);
}

function join(parts: readonly string[], op: "AND" | "OR"): string {
  if (parts.length === 1) return parts[0] as string;
  return `(${parts.join(` ${op} `)})`;
}

/** The shown column `name` as an array of its values ([] for null), or null when the result has none. */
function resultField(columns: readonly SqlColumn[], name: string): Field | null {
  const c = shownColumn(columns, name);
  if (!c || c.key === NULL_KEY) return null;
  if (c.fallback !== undefined) throw new NotPushable(`${name} holds a time text or a number (convert ctime)`);
  switch (c.kind) {
    case "number": {
      const n = readNumber(c.key);
      return { ty: "num", arr: `if(isNull(${n}), CAST([] AS Array(Float64)), [assumeNotNull(${n})])` };
    }
    case "string": return { ty: "str", arr: stringList(c.key) };
    case "values": case "set": return { ty: "str", arr: c.key };
    case "tuple": throw new NotPushable(`${name} is an internal column`);
  }
}

/** search-predicate.ts termTest: `*` holds on every row, other text matches `*text*` in `_raw`. */
function freeText(value: SearchValue, raw: () => Field | null): string {
  if (value.text === "*") return TRUE;
  const f = raw();
  if (f === null) return FALSE;
  if (!value.quoted && /^TERM\(.*\)$/s.test(value.text)) throw new NotPushable("TERM() free text over a _raw column");
  const { text, caseSensitive } = directive(value);
  return matches(f, `*${text}*`, caseSensitive);
}

/** search-predicate.ts compareTest. */
function compare(f: Field | null, op: string, value: SearchValue): string {
  if (f === null) return FALSE;
  const exists = `notEmpty(${f.arr})`;
  const { text, caseSensitive } = directive(value);
  if (op === "=") return text === "*" ? exists : matches(f, text, caseSensitive);
  if (op === "!=") return text === "*" ? FALSE : `(${exists} AND NOT ${matches(f, text, caseSensitive)})`;
  return f.ty === "str" ? ordering(f.arr, op, value.text) : numberOrdering(f.arr, op, value.text);
}

/** Some value matches valueMatcher(pattern, caseSensitive). */
function matches(f: Field, pattern: string, caseSensitive: boolean): string {
  if (hasLoneSurrogate(pattern)) throw new NotPushable("a search value with a lone surrogate");
  if (/^\*+$/.test(pattern)) return `notEmpty(${f.arr})`;
  if (pattern.includes("/") && parseSubnet(pattern)) throw new NotPushable(`CIDR value ${pattern} over result rows`);
  if (f.ty === "num") return numberMatches(f.arr, pattern, caseSensitive);
  const like = (fold: (s: string) => string) => sqlString(pattern.split("*").map((seg) => escapeLike(fold(seg))).join("%"));
  if (!pattern.includes("*")) {
    if (caseSensitive) return `has(${f.arr}, ${sqlString(pattern)})`;
    const p = pattern.toLowerCase();
    if (hasNonAscii(p)) throw new NotPushable(`"${pattern}" over result rows (JavaScript's case folding of non-ASCII text)`);
    return `arrayExists(v -> lower(replaceAll(v, ${sqlString(KELVIN)}, 'k')) = ${sqlString(p)}, ${f.arr})`;
  }
  if (caseSensitive) return `arrayExists(v -> v LIKE ${like((s) => s)}, ${f.arr})`;
  if (hasNonAscii(pattern)) throw new NotPushable(`"${pattern}" over result rows (JavaScript's case folding of non-ASCII text)`);
  return `arrayExists(v -> lower(v) LIKE ${like(asciiLower)}, ${f.arr})`;
}

/**
 * A number's text (formatNumber) against a pattern. An exact value is the text of at most one
 * number, found here: `nan`, `inf`, `-inf`, or x with String(x) equal to it (`5` but not `5.0`,
 * `1e3` or ` 5`). The text is ASCII and its own lower case, so case does not matter.
 */
function numberMatches(arr: string, pattern: string, caseSensitive: boolean): string {
  const p = caseSensitive ? pattern : pattern.toLowerCase();
  if (!pattern.includes("*")) {
    if (p === "nan") return `arrayExists(x -> isNaN(x), ${arr})`;
    if (p === "inf" || p === "-inf") return `arrayExists(x -> x = ${p}, ${arr})`;
    const x = Number(p);
    if (!Number.isFinite(x) || String(x) !== p) return FALSE;
    return `arrayExists(x -> x = ${sqlFloat(x)}, ${arr})`;
  }
  // A pattern's non-ASCII unit never matches the ASCII text (case-insensitively either: fold.ts).
  const like = sqlString(pattern.split("*").map((seg) => escapeLike(caseSensitive ? seg : asciiLower(seg))).join("%"));
  return `arrayExists(x -> ${numberText("x")} LIKE ${like}, ${arr})`;
}

/**
 * formatNumber(x) of a Float64 x in SQL: the special values' words and an integer's digits (below
 * 1e18, where String() writes every digit and toInt64 is exact); any other number's shortest
 * round-trip text is JavaScript's to write: the guard sends the search back to memory.
 */
export function numberText(x: string): string {
  const integer = `(${x} = floor(${x}) AND abs(${x}) < 1e18)`;
  const text = `multiIf(isNaN(${x}), 'nan', ${x} = inf, 'inf', ${x} = -inf, '-inf', toString(toInt64(if(${integer}, ${x}, 0))))`;
  return guarded(`(isFinite(${x}) AND NOT ${integer})`, text);
}

/**
 * compareAtoms(formatNumber(x), literal): a finite x reads back as x (String() round-trips), so
 * it compares as a number with a numeric literal and sorts before any other; `nan`, `inf`,
 * `-inf` are text, after every number and against text by code units (decided here).
 */
function numberOrdering(arr: string, op: string, literal: string): string {
  const holds = (c: number) => (op === "<" ? c < 0 : op === "<=" ? c <= 0 : op === ">" ? c > 0 : c >= 0) ? TRUE : FALSE;
  const y = parseNumber(literal);
  const special = (t: string) => holds(Number.isNaN(y) ? compareLexical(t, literal) : 1);
  const finite = Number.isNaN(y) ? holds(-1) : `(x ${op} ${sqlFloat(y)})`;
  return `arrayExists(x -> multiIf(isNaN(x), ${special("nan")}, x = inf, ${special("inf")}, x = -inf, ${special("-inf")}, ${finite}), ${arr})`;
}
