/**
 * Operators and functions of the eval → SQL compiler (compile-eval.ts) that have an exact SQL
 * form: arithmetic over exact numbers, LIKE / like(), if, case, coalesce, null(), true(),
 * false(), isnull, isnotnull, len, mvcount, lower (ASCII decisions only), mvindex, split, and
 * match() with a literal pattern RE2 runs as the in-memory engine does (regex-re2.ts).
 */
import { hasLoneSurrogate } from "./fold.js";
import { NotPushable } from "./compile-where.js";
import { regexMatchSql, regexUnsafeValue } from "./regex-sql.js";
import { re2Pattern } from "./regex-re2.js";
import { guarded } from "./guard.js";
import { anyNonAscii, nonAscii, sqlString, stringList } from "./sql-text.js";
import { bind, bool, EMPTY, fresh, NULL, truthy, type SqlValue } from "./compile-eval-value.js";
import { limitedArithmetic, roundCall } from "./compile-eval-precision.js";

/**
 * eval-ops.ts arith/plus over two exact numbers (or null): null when either is null, IEEE
 * arithmetic otherwise (NaN stays NaN), null for `/` and `%` by zero unless the dividend is NaN.
 * Over a field's number or a decimal literal the result is stored rounded to its precision:
 * compile-eval-precision.ts computes that (text operands stay local).
 */
export function arithmetic(op: "+" | "-" | "*" | "/" | "%", l: SqlValue, r: SqlValue): SqlValue {
  if (l.ty === "null" || r.ty === "null") return NULL;
  // Limited precision: the result and its precision (compile-eval-precision.ts).
  if (!(l.ty === "num" && l.exact && r.ty === "num" && r.exact)) return limitedArithmetic(op, l, r);
  const a = fresh("a");
  const b = fresh("b");
  const body = op === "/" || op === "%" ? `if(${b} = 0 AND NOT isNaN(${a}), NULL, ${a} ${op} ${b})` : `${a} ${op} ${b}`;
  return { sql: `CAST(${bind(a, l.sql, bind(b, r.sql, body))} AS Nullable(Float64))`, ty: "num", exact: true };
}


/** `s LIKE p`: the first value's text, `_` one UTF-16 code unit (eval-ops.ts likeMatch). */
export function likeOperator(s: SqlValue, p: SqlValue): string {
  if (s.raw) throw new NotPushable("LIKE of a number of limited precision");
  if (s.asciiOnly) throw new NotPushable("LIKE of lower()");
  const pattern = likePattern(p, "the LIKE operator's `_` is one UTF-16 code unit");
  if (s.ty === "null") return "0";
  if (s.ty === "str") return `ifNull(${s.sql} LIKE ${pattern}, 0)`;
  if (s.ty === "mv" && !s.unordered) return `(notEmpty(${s.sql}) AND ${s.sql}[1] LIKE ${pattern})`;
  throw new NotPushable(`LIKE of a ${s.ty === "mv" ? "values() list (its first value)" : s.ty}`);
}

/** A LIKE pattern from a literal: `%` and `_` as they are, `\` literal. */
function likePattern(p: SqlValue, underscore: string | null): string {
  if (typeof p.literal !== "string") throw new NotPushable("a LIKE pattern that is not a string literal");
  if (underscore !== null && p.literal.includes("_")) throw new NotPushable(underscore);
  return sqlString(p.literal.replace(/\\/g, "\\\\"));
}


/** Functions with an exact SQL form. */
export function call(name: string, args: readonly SqlValue[]): SqlValue {
  if (name === "round") return roundCall(args);
  // A function is handed such a number rounded (or as its text): not reproduced here.
  if (args.some((v) => v.raw)) throw new NotPushable(`${name}() of a number of limited precision (it is handed the number as eval stores it)`);
  const [a, b] = args;
  switch (name) {
    case "null": return NULL;
    case "true": return bool("1");
    case "false": return bool("0");
    case "isnull":
    case "isnotnull": {
      const v = a as SqlValue;
      if (v.ty === "bool" && v.nullable) throw new NotPushable(`${name}() of like()`);
      const isNull = v.ty === "null" ? "1" : v.ty === "bool" ? "0" : v.ty === "mv" ? `empty(${v.sql})` : `isNull(${v.sql})`;
      return bool(name === "isnull" ? isNull : `NOT ${isNull}`);
    }
    case "if": return choose([[truthy(a as SqlValue), b as SqlValue], ["1", args[2] as SqlValue]]);
    case "case": {
      const pairs: [string, SqlValue][] = [];
      for (let i = 0; i + 1 < args.length; i += 2) pairs.push([truthy(args[i] as SqlValue), args[i + 1] as SqlValue]);
      return choose(pairs);
    }
    case "coalesce": {
      const present = (v: SqlValue) => (v.ty === "null" ? "0" : v.ty === "mv" ? `notEmpty(${v.sql})` : v.ty === "bool" ? "1" : `isNotNull(${v.sql})`);
      return choose(args.map((v) => [present(v), v]));
    }
    case "len": {
      const v = a as SqlValue;
      if (v.asciiOnly) throw new NotPushable("len() of lower()");
      if (v.ty === "null") return NULL;
      if (v.ty === "str") return { sql: `toFloat64(lengthUTF8(${v.sql}))`, ty: "num", exact: true };
      // A field of one value is that string; of several, a list of lengths (numbers as text): memory.
      if (v.ty === "mv" && !v.unordered) {
        return { sql: guarded(`length(${v.sql}) >= 2`, `if(empty(${v.sql}), NULL, toFloat64(lengthUTF8(${v.sql}[1])))`), ty: "num", exact: true };
      }
      throw new NotPushable(`len() of a ${v.ty === "mv" ? "values() set" : v.ty === "num" ? "number (its text)" : "boolean"}`);
    }
    case "mvcount": {
      const v = a as SqlValue;
      if (v.ty === "null") return NULL;
      if (v.ty === "mv") return { sql: `if(empty(${v.sql}), NULL, toFloat64(length(${v.sql})))`, ty: "num", exact: true };
      if (v.ty === "bool") return { sql: "toFloat64(1)", ty: "num", exact: true };
      return { sql: `if(isNull(${v.sql}), NULL, toFloat64(1))`, ty: "num", exact: true };
    }
    case "lower": {
      // toLowerCase: ASCII letters, and the two non-ASCII characters whose lower case holds ASCII
      // (İ → i + U+0307, the Kelvin sign → k); every other character stays one non-ASCII one.
      const v = a as SqlValue;
      const fold = (x: string) => `replaceAll(replaceAll(lower(${x}), ${sqlString("\u0130")}, ${sqlString("i\u0307")}), ${sqlString("\u212a")}, 'k')`;
      if (v.ty === "null") return NULL;
      if (v.ty === "str") return { sql: fold(v.sql), ty: "str", asciiOnly: true };
      if (v.ty === "mv") return { ...v, sql: `arrayMap(s -> ${fold("s")}, ${v.sql})`, asciiOnly: true, set: false };
      throw new NotPushable(`lower() of a ${v.ty} (its text)`);
    }
    case "mvindex": {
      // The value at a literal position (negative from the end), null outside the list.
      const v = a as SqlValue;
      if (args.length === 2 && b?.ty === "num" && b.exact && b.literal === undefined) return mvindexAt(v, b);
      if (args.length !== 2 || typeof b?.literal !== "number" || !Number.isFinite(b.literal)) throw new NotPushable("mvindex() other than of one literal position");
      const i = Math.trunc(b.literal);
      if (v.ty === "null") return NULL;
      if (v.ty === "str" || v.ty === "num") return i === 0 || i === -1 ? v : NULL;
      if (v.ty !== "mv" || v.unordered) throw new NotPushable(`mvindex() of a ${v.ty === "mv" ? "values() set (its order)" : v.ty}`);
      const at = i < 0 ? `length(${v.sql}) + ${i}` : String(i);
      return { sql: `if(${at} >= 0 AND ${at} < length(${v.sql}), arrayElement(${v.sql}, ${at} + 1), NULL)`, ty: "str", ...(v.asciiOnly ? { asciiOnly: true } : {}) };
    }
    case "upper": {
      // toUpperCase: ASCII letters as ClickHouse's upper does; a non-ASCII character may upper-case
      // into ASCII or into several (ß → SS): such a value sends the search to memory (guard.ts).
      const v = a as SqlValue;
      if (v.asciiOnly) throw new NotPushable("upper() of lower()");
      if (v.ty === "null") return NULL;
      if (v.ty === "str") return { sql: guarded(nonAscii(v.sql), `upper(${v.sql})`), ty: "str" };
      if (v.ty === "mv") return { ...v, sql: guarded(anyNonAscii(v.sql), `arrayMap(s -> upper(s), ${v.sql})`), set: false };
      throw new NotPushable(`upper() of a ${v.ty} (its text)`);
    }
    case "trim":
    case "ltrim":
    case "rtrim": {
      // trimSet: whole characters of the set (default space and tab) off the ends, each value of a
      // list; an ASCII set never meets part of a UTF-8 character, so trimming bytes is the same.
      const v = a as SqlValue;
      const set = args.length > 1 ? (b as SqlValue).literal : " \t";
      if (typeof set !== "string" || !/^[\x00-\x7f]*$/.test(set)) throw new NotPushable(`${name}() with characters that are not an ASCII string literal`);
      if (v.asciiOnly) throw new NotPushable(`${name}() of lower()`);
      const where = name === "trim" ? "BOTH" : name === "ltrim" ? "LEADING" : "TRAILING";
      const cut = (x: string) => (set === "" ? x : `trim(${where} ${sqlString(set)} FROM ${x})`);
      if (v.ty === "null") return NULL;
      if (v.ty === "str") return { sql: `if(isNull(${v.sql}), NULL, ${cut(`assumeNotNull(${v.sql})`)})`, ty: "str" };
      if (v.ty === "mv") return { ...v, sql: `arrayMap(s -> ${cut("s")}, ${v.sql})`, set: false };
      throw new NotPushable(`${name}() of a ${v.ty} (its text)`);
    }
    case "replace": {
      // Every match replaced (functions/string.ts replace), each value of a list; a literal
      // replacement without group references (`\\` is a backslash), a regex that never matches
      // empty text (how the next match starts after an empty one differs between the engines).
      const v = a as SqlValue;
      const p = (b as SqlValue).literal;
      const r = (args[2] as SqlValue).literal;
      if (typeof p !== "string" || typeof r !== "string") throw new NotPushable("replace() with a regex or replacement that is not a string literal");
      if (hasLoneSurrogate(r)) throw new NotPushable("a replacement with a lone surrogate");
      const rx = re2Pattern(p);
      if (!rx.nonEmpty) throw new NotPushable("replace() with a regex that can match empty text");
      if (v.asciiOnly) throw new NotPushable("replace() of lower()");
      const repl = sqlString(chReplacement(r, rx.always));
      const pat = sqlString(rx.source);
      const one = (x: string) => `replaceRegexpAll(${x}, ${pat}, ${repl})`;
      if (v.ty === "null") return NULL;
      if (v.ty === "str") return { sql: guarded(`ifNull(${regexUnsafeValue(rx, v.sql)}, 0)`, `if(isNull(${v.sql}), NULL, ${one(`assumeNotNull(${v.sql})`)})`), ty: "str" };
      if (v.ty === "mv") return { ...v, sql: guarded(`arrayExists(s -> ${regexUnsafeValue(rx, "s")}, ${v.sql})`, `arrayMap(s -> ${one("s")}, ${v.sql})`), set: false };
      throw new NotPushable(`replace() of a ${v.ty} (its text)`);
    }
    case "urldecode": {
      // string.ts urlDecode: %XX as UTF-8 bytes, `+` a space, a malformed escape as written, as
      // decodeURLFormComponent does. JavaScript reads the text by UTF-16 unit (an astral
      // character's halves become U+FFFD each) and bad UTF-8 as U+FFFD, ClickHouse keeps bytes:
      // a non-ASCII input or a decoded text that is not UTF-8 goes to memory.
      const v = a as SqlValue;
      if (v.asciiOnly) throw new NotPushable("urldecode() of lower()");
      const one = (x: string) => {
        const d = fresh("d");
        return bind(d, `decodeURLFormComponent(${x})`, guarded(`(${nonAscii(x)} OR NOT isValidUTF8(${d}))`, d));
      };
      if (v.ty === "null") return NULL;
      if (v.ty === "str") return { sql: `if(isNull(${v.sql}), NULL, ${one(`assumeNotNull(${v.sql})`)})`, ty: "str" };
      if (v.ty === "mv") return { ...v, sql: `arrayMap(s -> ${one("s")}, ${v.sql})`, set: false };
      throw new NotPushable(`urldecode() of a ${v.ty} (its text)`);
    }
    case "mvfind": {
      // The 0-based position of the first value the regex matches, null when none does.
      const v = a as SqlValue;
      const p = (b as SqlValue).literal;
      if (typeof p !== "string") throw new NotPushable("mvfind() with a regex that is not a string literal");
      const rx = re2Pattern(p);
      if (v.asciiOnly) throw new NotPushable("mvfind() of lower()");
      if (v.ty === "null") return NULL;
      const list = v.ty === "str" ? asList(v).sql : v.ty === "mv" && !v.unordered ? v.sql : null;
      if (list === null) throw new NotPushable(`mvfind() of a ${v.ty === "mv" ? "values() set (its order)" : v.ty}`);
      const at = `arrayFirstIndex(s -> match(s, ${sqlString(rx.source)}), ${list})`;
      return { sql: guarded(`arrayExists(s -> ${regexUnsafeValue(rx, "s")}, ${list})`, `if(${at} = 0, NULL, toFloat64(${at} - 1))`), ty: "num", exact: true };
    }
    case "mvappend": {
      // Every value of every argument in order, nulls skipped (a one-value list is that value).
      const lists = args.map((v) => {
        if (v.asciiOnly) throw new NotPushable("mvappend() of lower()");
        if (v.ty === "null") return EMPTY;
        if (v.ty === "str") return stringList(v.sql);
        if (v.ty === "mv") return v.sql;
        throw new NotPushable(`mvappend() of a ${v.ty} (its text)`);
      });
      return { sql: `arrayConcat(${lists.join(", ")})`, ty: "mv", ...(args.some((v) => v.unordered) ? { unordered: true } : {}) };
    }
    case "mvjoin": {
      // The values' text joined by a literal delimiter; null for a null field.
      const v = a as SqlValue;
      const d = b as SqlValue;
      if (typeof d.literal !== "string" || hasLoneSurrogate(d.literal)) throw new NotPushable("mvjoin() with a delimiter that is not a string literal");
      if (v.asciiOnly) throw new NotPushable("mvjoin() of lower()");
      if (v.ty === "null") return NULL;
      if (v.ty === "str") return v;
      if (v.ty === "mv" && !v.unordered) return { sql: `if(empty(${v.sql}), NULL, arrayStringConcat(${v.sql}, ${sqlString(d.literal)}))`, ty: "str" };
      throw new NotPushable(`mvjoin() of a ${v.ty === "mv" ? "values() set (its order)" : v.ty}`);
    }
    case "split": {
      // split(): each value split at a non-empty literal delimiter (String.split), in order.
      const v = a as SqlValue;
      const d = b as SqlValue;
      if (typeof d.literal !== "string" || d.literal === "" || hasLoneSurrogate(d.literal)) throw new NotPushable("split() by a delimiter that is not a non-empty string literal");
      if (v.asciiOnly) throw new NotPushable("split() of lower()");
      const delim = sqlString(d.literal);
      if (v.ty === "null") return NULL;
      if (v.ty === "str") return { sql: `if(isNull(${v.sql}), ${EMPTY}, splitByString(${delim}, assumeNotNull(${v.sql})))`, ty: "mv" };
      if (v.ty === "mv") return { sql: `arrayFlatten(arrayMap(s -> splitByString(${delim}, s), ${v.sql}))`, ty: "mv", ...(v.unordered ? { unordered: true } : {}) };
      throw new NotPushable(`split() of a ${v.ty} (its text)`);
    }
    case "like": {
      // like(): null for a null subject, else any value matches; `_` is one code point.
      const s = a as SqlValue;
      const pattern = likePattern(b as SqlValue, null);
      if (hasLoneSurrogate(String((b as SqlValue).literal))) throw new NotPushable("a LIKE pattern with a lone surrogate");
      if (s.asciiOnly && !/^[\x00-\x7f]*$/.test(String((b as SqlValue).literal))) throw new NotPushable("like() of lower() with a non-ASCII pattern");
      if (s.ty === "null") return bool("0", true);
      if (s.ty === "str") return bool(`ifNull(${s.sql} LIKE ${pattern}, 0)`, true);
      if (s.ty === "mv") return bool(`arrayExists(v -> v LIKE ${pattern}, ${s.sql})`, true);
      throw new NotPushable(`like() of a ${s.ty} (its text)`);
    }
    case "match": {
      // match(): null for a null subject, else any value matches the regex (regex-re2.ts).
      const s = a as SqlValue;
      const p = b as SqlValue;
      if (typeof p.literal !== "string") throw new NotPushable("match() with a pattern that is not a string literal");
      if (s.asciiOnly) throw new NotPushable("match() of lower()");
      if (s.ty === "null") return bool("0", true);
      if (s.ty === "str") return bool(regexMatchSql({ sql: s.sql, shape: "string" }, p.literal), true);
      if (s.ty === "mv") return bool(regexMatchSql({ sql: s.sql, shape: "array" }, p.literal), true);
      throw new NotPushable(`match() of a ${s.ty} (its text)`);
    }
    default:
      throw new NotPushable(`${name}() is not pushed down`);
  }
}

/**
 * if/case/coalesce: the value of the first branch whose condition holds, else null; every branch
 * must have one type (or be null) so the SQL value is the in-memory one.
 */
function choose(given: readonly (readonly [string, SqlValue])[]): SqlValue {
  // A string and a list mix as lists: a one-element list is that string (compile-eval-value.ts).
  const mixed = given.some(([, v]) => v.ty === "mv") && given.every(([, v]) => v.ty === "mv" || v.ty === "str" || v.ty === "null");
  const branches = mixed ? given.map(([c, v]) => [c, v.ty === "str" ? asList(v) : v] as const) : given;
  const typed = branches.map(([, v]) => v).filter((v) => v.ty !== "null");
  if (typed.some((v) => v.raw)) throw new NotPushable("a number of limited precision as a branch's value");
  const ty = typed[0]?.ty ?? "null";
  if (ty === "null") return NULL;
  if (typed.some((v) => v.ty !== ty)) throw new NotPushable("branches of different types");
  if (ty === "bool") {
    if (typed.length !== branches.length || typed.some((v) => v.nullable)) throw new NotPushable("a boolean branch that may be null");
  }
  const empty = ty === "mv" ? EMPTY : "NULL";
  const parts = branches.flatMap(([c, v]) => [c, v.ty === "null" ? empty : ty === "num" ? `CAST(${v.sql} AS Nullable(Float64))` : v.sql]);
  const sql = `multiIf(${parts.join(", ")}, ${ty === "bool" ? "0" : empty})`;
  // A number handed back keeps its precision (compile-expr.ts argPrec): exact when every one is.
  const exact = ty === "num" && typed.every((v) => v.exact);
  const set = ty === "mv" && typed.every((v) => v.set);
  if (typed.some((v) => v.asciiOnly)) throw new NotPushable("lower() as a branch's value");
  return { sql, ty, ...(typed.some((v) => v.unordered) ? { unordered: true } : {}), ...(set ? { set } : {}), ...(exact ? { exact } : {}) };
}

/** A string value as a list: empty for null, else the one string. */
function asList(v: SqlValue): SqlValue {
  return { sql: stringList(v.sql), ty: "mv", ...(v.asciiOnly ? { asciiOnly: true } : {}) };
}

/** mvindex() at an exact number computed at run time (multivalue.ts index: truncated, negative from the end). */
function mvindexAt(v: SqlValue, at: SqlValue): SqlValue {
  if (v.ty === "null") return NULL;
  if (v.ty !== "str" && v.ty !== "mv") throw new NotPushable(`mvindex() of a ${v.ty}`);
  if (v.ty === "mv" && v.unordered) throw new NotPushable("mvindex() of a values() set (its order)");
  const list = v.ty === "str" ? asList(v).sql : v.sql;
  const l = fresh("l");
  const i = fresh("i");
  const k = `if(${i} < 0, length(${l}) + ${i}, ${i})`;
  const body = `if(isNull(${i}) OR NOT (${k} >= 0 AND ${k} < length(${l})), NULL, arrayElement(${l}, toInt64(${k}) + 1))`;
  return { sql: bind(l, list, bind(i, `trunc(${at.sql})`, body)), ty: "str", ...(v.asciiOnly ? { asciiOnly: true } : {}) };
}

/**
 * A value to store: lower()'s ASCII-only form (asciiOnly) is the in-memory value exactly when it
 * has no non-ASCII character left (only İ and the Kelvin sign fold into ASCII, and lower() maps
 * those as toLowerCase does); otherwise the search goes to memory (guard.ts).
 */
export function settled(v: SqlValue): SqlValue {
  if (!v.asciiOnly) return v;
  const { asciiOnly: _a, ...rest } = v;
  if (v.ty === "str") return { ...rest, sql: guarded(`ifNull(${nonAscii(v.sql)}, 0)`, v.sql) };
  if (v.ty === "mv") return { ...rest, sql: guarded(anyNonAscii(v.sql), v.sql) };
  throw new NotPushable("lower() of a value that is not text");
}

/**
 * A replace() replacement (string.ts replacementParts: `\<digit>` a group, `\\` a backslash, any
 * other character itself) as ClickHouse's replaceRegexpAll reads one (`\0`-`\9` groups, `\\` a
 * backslash). A group is taken only when it takes part in every match (`always`, or 0: the whole
 * match): JavaScript gives "" for one that did not, and a number past the groups is an error there.
 */
function chReplacement(r: string, always: ReadonlySet<number>): string {
  let out = "";
  for (let i = 0; i < r.length; i++) {
    const c = r[i] as string;
    const next = r[i + 1];
    if (c === "\\" && next !== undefined && /\d/.test(next)) {
      const n = Number(next);
      if (n !== 0 && !always.has(n)) throw new NotPushable(`replace() with the group reference \\${n} (a group that may take no part)`);
      out += `\\${n}`;
      i++;
    } else if (c === "\\" && next === "\\") {
      out += "\\\\";
      i++;
    } else out += c === "\\" ? "\\\\" : c;
  }
  return out;
}
