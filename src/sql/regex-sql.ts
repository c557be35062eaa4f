/**
 * SQL over a column for an SPL regex (regex-re2.ts translates the pattern), for every compiler
 * that reads a field through a regex: `match()` and `| regex` after an aggregate, `| rex`, and the
 * row-level compiler before it. A column is a `Nullable(String)` (null: no value) or an
 * `Array(String)` (a multivalue field: `[]` null). As in memory (functions/comparison.ts match,
 * commands/regex.ts, commands/rex.ts), a field matches when any of its values does, and rex reads
 * the first match in the first value that has one.
 *
 * Every value a regex reads is guarded (sql/guard.ts): a value that is not valid UTF-8 (the loader
 * never writes one: the store's strings are well-formed) or, for a pattern equal to re2js only on
 * ASCII (case-insensitive atoms), a value with a non-ASCII character, makes the query raise and
 * the search run in memory. Lambda parameters are named `rx_*`, so that a subject written over an
 * enclosing lambda's parameter (`b0[i0]`, `v`) is never captured.
 */
import { guarded } from "./guard.js";
import { NotPushable } from "./compile-where.js";
import { re2Pattern, type Re2Regex } from "./regex-re2.js";
import { sqlInt, sqlString, nonAscii } from "./sql-text.js";

/** How a column holds a field: one nullable string, or an array of values. */
export type RegexSubject = { readonly sql: string; readonly shape: "string" | "array" };

/** Whether the value `v` (a String) is one the pushed regex may not decide as re2js does. */
export function regexUnsafeValue(rx: Re2Regex, v: string): string {
  return rx.asciiOnly ? nonAscii(v) : `NOT isValidUTF8(${v})`;
}

/** The unsafe condition over a whole column (a UInt8, never null). */
function unsafeColumn(rx: Re2Regex, s: RegexSubject): string {
  return s.shape === "array" ? `arrayExists(rx_u -> ${regexUnsafeValue(rx, "rx_u")}, ${s.sql})` : `ifNull(${regexUnsafeValue(rx, s.sql)}, 0)`;
}

/** A UInt8: some value of the column matches the SPL `pattern` (no value: 0). Throws NotPushable. */
export function regexMatchSql(s: RegexSubject, pattern: string): string {
  const rx = re2Pattern(pattern);
  const p = sqlString(rx.source);
  const hit = s.shape === "array" ? `arrayExists(rx_v -> match(rx_v, ${p}), ${s.sql})` : `ifNull(match(${s.sql}, ${p}), 0)`;
  return guarded(unsafeColumn(rx, s), hit);
}

/**
 * A Nullable(String): the text named group `group` captured in the first match of the first value
 * that matches `pattern` (rex max_match=1); NULL when no value matches or the group took no part
 * in that match. Throws NotPushable when an empty capture cannot tell the two apart.
 */
export function regexExtractSql(s: RegexSubject, pattern: string, group: string): string {
  const rx = re2Pattern(pattern);
  const n = rx.names.get(group);
  if (n === undefined) throw new NotPushable(`the regex has no group ${group}`);
  const empty = rx.empty.get(n);
  if (!empty) throw new NotPushable(`the group ${group} may take no part or match empty text (ClickHouse returns "" for both)`);
  const p = sqlString(rx.source);
  const read = (v: string) => `regexpExtract(${v}, ${p}, ${n})`;
  const got = (v: string) => (empty === "unset" ? `nullIf(${read(v)}, '')` : read(v));
  const value = s.shape === "array"
    ? `arrayMap(rx_i -> if(rx_i = 0, NULL, ${got(`${s.sql}[rx_i]`)}), [arrayFirstIndex(rx_v -> match(rx_v, ${p}), ${s.sql})])[1]`
    : `if(ifNull(match(${s.sql}, ${p}), 0), ${got(`assumeNotNull(${s.sql})`)}, NULL)`;
  return guarded(unsafeColumn(rx, s), value);
}

/**
 * An Array(Array(String)): the groups (all of them, numbered as `Re2Regex.names` says) of the
 * first `limit` successive matches over the values in order (0: every match), as rex max_match
 * collects them (commands/rex.ts, safe-regex.ts matches). Each value is searched again from the end
 * of the last match, with the text before it as context (`\b`, `^`), as re2js's find() does and
 * ClickHouse's extractAllGroupsVertical does; a pattern that can match empty text stays local
 * (after an empty match the two step forward by a UTF-16 unit and by a byte). A group that took no
 * part in a match reads "" there, like an empty capture: read only groups in `Re2Regex.always`.
 */
export function regexMatchesSql(s: RegexSubject, pattern: string, limit: number): string {
  const rx = re2Pattern(pattern);
  if (!rx.nonEmpty) throw new NotPushable("a regex that can match empty text, collecting every match");
  if (rx.names.size === 0) throw new NotPushable("a regex without a named group");
  const p = sqlString(rx.source);
  const all = s.shape === "array"
    // One level of concatenation (arrayFlatten would flatten the groups' arrays too).
    ? `arrayFold((rx_acc, rx_v) -> arrayConcat(rx_acc, extractAllGroupsVertical(rx_v, ${p})), ${s.sql}, CAST([] AS Array(Array(String))))`
    : `extractAllGroupsVertical(ifNull(${s.sql}, ''), ${p})`;
  const some = limit === 0 ? all : `arraySlice(${all}, 1, ${sqlInt(limit)})`;
  return guarded(unsafeColumn(rx, s), some);
}
