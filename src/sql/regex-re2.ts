/**
 * re2Pattern(pattern): an SPL regex (PCRE, as `match()`, `| regex` and `| rex` take it) → the text
 * of an RE2 pattern that ClickHouse's `match`/`regexpExtract` (RE2 in C++, over UTF-8) run with
 * exactly the in-memory results: the same boolean for every value, the same text for every
 * capture. Otherwise NotPushable with the reason.
 *
 * What runs in memory (functions/safe-regex.ts): a pattern RE2 can express is translated by
 * pcre-to-re2.ts and run by re2js, a port of RE2 over JavaScript strings taken as code points;
 * every other pattern runs on the JavaScript engine under a time budget. So only the first kind
 * is pushed (the second: backreferences, lookaround, …, stays local), and the question is where
 * re2js and ClickHouse's RE2 read the same RE2 text differently. The translated text is parsed
 * here (a recursive-descent parser over the subset below, as RE2's parser reads it) and written
 * out again in a form that leaves neither engine a choice:
 * - every character, class, Perl class (`\d \w \s` and negations), POSIX class and `.` becomes a
 *   set of code points, written as explicit ranges (regex-classes.ts): RE2 defines those classes
 *   on ASCII in both engines, and a code point is one character in both (re2js decodes surrogate
 *   pairs; the values ClickHouse holds are valid UTF-8 from well-formed strings: the store makes
 *   lone surrogates U+FFFD, and every match is guarded by isValidUTF8 all the same, regex-sql.ts).
 *   `.` is spelled `[^\x{a}]` (or everything, under `s`): ClickHouse turns RE2's dot_nl on. Each
 *   set taken from the pattern is checked against re2js itself on ASCII and a few other code
 *   points. Characters are spelled as ClickHouse's pre-scan reads them too (literalChar);
 * - case-insensitive atoms (`(?i)`): the two engines fold by their own Unicode tables, and
 *   JavaScript's toLowerCase differs again, so such an atom is replaced by the ASCII characters
 *   re2js matches with it (asked of re2js), and the pattern is marked `asciiOnly`: equal on ASCII
 *   values only, the caller guards the rest (sql/guard.ts) — the search then runs in memory;
 * - anchors by their RE2 meaning with the flags resolved: `^` `\A`, `$` `\z` (RE2's `$` is never
 *   Perl's "before a final newline", in both), `(?m:^)`, `(?m:$)` (line ends at `\n` only); `\b`
 *   `\B` (ASCII word characters in both);
 * - groups, alternation, `* + ? {n} {n,} {n,m}` greedy or lazy: both engines pick the leftmost
 *   match and, within it, the submatches a backtracking engine would (leftmost-first), so
 *   captures agree too. Every group is written as a plain capturing `(…)` and renumbered
 *   (`names`): ClickHouse scans the pattern text for required substrings before RE2 runs, and
 *   that scan misreads group syntax — measured on chDB 26.7, `(?P<a_b>0)` never matches a column
 *   value holding "0" (a constant does match); `(?P<ab>0)` does.
 * Refused: lookbehind (re2js only), `\p{…}` (Unicode tables of two versions), `(?U)`, nested
 * repetition counts over 1000 or a program too big (ClickHouse would fail the query, not run it).
 * Checked on chDB 26.7 (test/unit/sql/regex-*.test.ts); the pre-scan had other bugs in older
 * ClickHouse versions (#52802: named groups in 23.6), which the spelling here avoids as far as known.
 */
import { SplRuntimeError } from "../diagnostics/diagnostic.js";
import { pcreToRe2 } from "../functions/pcre-to-re2.js";
import { safeRegex } from "../functions/safe-regex.js";
import { NotPushable } from "./compile-where.js";
import { re2Class } from "./regex-classes.js";
import { MAX_REPEAT, parseRe2, refuse, type Node } from "./regex-parse.js";

export interface Re2Regex {
  /** The RE2 pattern text (no control character: regex-classes.ts literalChar). */
  readonly source: string;
  /** Equal to the in-memory match only on ASCII values (case-insensitive atoms): guard the rest. */
  readonly asciiOnly: boolean;
  /** Group number in `source` (1-based, as regexpExtract counts) of each named group. */
  readonly names: ReadonlyMap<string, number>;
  /**
   * What an empty capture of a group means, where the text alone tells: "unset" (the group never
   * matches empty text, so "" is a group that took no part) or "empty" (the group takes part in
   * every match). Absent: ClickHouse's "" could be either.
   */
  readonly empty: ReadonlyMap<number, "unset" | "empty">;
  /** The groups that take part in every match (none of their parents is optional or an alternative). */
  readonly always: ReadonlySet<number>;
  /** No match is empty (so successive matches never step over a character, as an empty one must). */
  readonly nonEmpty: boolean;
}

/** Estimated RE2 program size allowed (well below RE2's default memory budget). */
const MAX_PROGRAM = 20_000;

const cache = new Map<string, Re2Regex>();

/** See the header. Throws NotPushable with a short reason. */
export function re2Pattern(pattern: string): Re2Regex {
  const hit = cache.get(pattern);
  if (hit) return hit;
  let re;
  try {
    re = safeRegex(pattern);
  } catch (e) {
    if (e instanceof SplRuntimeError) throw new NotPushable("a regex that does not compile");
    throw e;
  }
  if (re.path !== "linear") throw new NotPushable(`a regex that needs backtracking (${re.reason ?? "not RE2"})`);
  const t = pcreToRe2(pattern);
  if (!t.ok) throw new NotPushable(`a regex RE2 cannot run (${t.reason})`);
  if (t.lookbehind) throw new NotPushable("a regex with lookbehind (ClickHouse's RE2 has none)");
  const p = parseRe2(t.source);
  const tree = p.tree;
  if (programSize(tree) > MAX_PROGRAM) throw new NotPushable("a regex too big for ClickHouse's RE2 program budget");
  checkNestedRepeats(tree, 1);
  for (const [name, n] of re.names) if (p.numbers.get(name) !== n) throw new NotPushable(`internal: group ${name} numbered differently`);
  const empty = new Map<number, "unset" | "empty">();
  const always = new Set<number>();
  participation(tree, true, empty, always);
  const out: Re2Regex = { source: emit(tree) || "(?:)", asciiOnly: p.asciiOnly, names: p.names, empty, always, nonEmpty: minLength(tree) > 0 };
  if (cache.size > 500) cache.clear();
  cache.set(pattern, out);
  return out;
}

function emit(n: Node): string {
  switch (n.k) {
    case "set": return re2Class(n.ranges);
    case "assert": return n.text;
    case "cat": return n.items.map(emit).join("");
    case "alt": return n.alts.map(emit).join("|");
    case "group": return `(${emit(n.body)})`;
    case "rep": {
      const body = n.body.k === "set" || n.body.k === "group" ? emit(n.body) : `(?:${emit(n.body)})`;
      const q = n.min === 0 && n.max === -1 ? "*" : n.min === 1 && n.max === -1 ? "+" : n.min === 0 && n.max === 1 ? "?"
        : n.max === -1 ? `{${n.min},}` : n.max === n.min ? `{${n.min}}` : `{${n.min},${n.max}}`;
      return `${body}${q}${n.lazy ? "?" : ""}`;
    }
  }
}

/** The fewest characters `n` matches. */
function minLength(n: Node): number {
  switch (n.k) {
    case "set": return 1;
    case "assert": return 0;
    case "cat": return n.items.reduce((a, x) => a + minLength(x), 0);
    case "alt": return Math.min(...n.alts.map(minLength));
    case "group": return minLength(n.body);
    case "rep": return n.min * minLength(n.body);
  }
}

/** Which groups' empty capture reads unambiguously (Re2Regex.empty). */
function participation(n: Node, always: boolean, out: Map<number, "unset" | "empty">, every: Set<number>): void {
  switch (n.k) {
    case "cat": n.items.forEach((x) => participation(x, always, out, every)); return;
    case "alt": n.alts.forEach((x) => participation(x, always && n.alts.length === 1, out, every)); return;
    case "rep": participation(n.body, always && n.min > 0, out, every); return;
    case "group":
      if (n.index !== null) {
        if (minLength(n.body) > 0) out.set(n.slot, "unset");
        else if (always) out.set(n.slot, "empty");
        if (always) every.add(n.slot);
      }
      participation(n.body, always, out, every);
      return;
    default:
  }
}

/** An upper estimate of the instructions RE2 compiles `n` into. */
function programSize(n: Node): number {
  switch (n.k) {
    case "set": return 1 + n.ranges.reduce((a, [lo, hi]) => a + (hi < 0x80 ? 1 : 12), 0);
    case "assert": return 1;
    case "cat": return n.items.reduce((a, x) => a + programSize(x), 0);
    case "alt": return n.alts.reduce((a, x) => a + programSize(x) + 1, 0);
    case "group": return programSize(n.body) + 2;
    case "rep": return programSize(n.body) * Math.max(1, n.max === -1 ? n.min + 1 : n.max) + 2;
  }
}

/** RE2 refuses counted repeats whose nested counts multiply past 1000. */
function checkNestedRepeats(n: Node, product: number): void {
  switch (n.k) {
    case "cat": n.items.forEach((x) => checkNestedRepeats(x, product)); return;
    case "alt": n.alts.forEach((x) => checkNestedRepeats(x, product)); return;
    case "group": checkNestedRepeats(n.body, product); return;
    case "rep": {
      const counted = !((n.min === 0 || n.min === 1) && n.max === -1) && !(n.min === 0 && n.max === 1);
      const next = counted ? product * Math.max(1, n.max === -1 ? n.min : n.max) : product;
      if (next > MAX_REPEAT) throw refuse("nested repeat counts over 1000");
      checkNestedRepeats(n.body, next);
      return;
    }
    default:
  }
}
