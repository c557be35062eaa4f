/**
 * The PCRE → JavaScript translation of SPL regexes, used by the backtracking path of
 * safe-regex.ts (which every caller goes through: it runs what RE2 can express on re2js, in linear
 * time, and only the rest on the JavaScript engine under a budget). SPL regexes are PCRE;
 * JavaScript's engine covers most of PCRE once a few spellings are translated (escu-corpus.md
 * "Parsing details": rex uses `(?P<name>…)` in 19 detections). Patterns come from the query text
 * and are only ever compiled as regular expressions, never run as code.
 *
 * Translated: `(?P<n>` → `(?<n>`, `(?P=n)` → `\k<n>`, inline flags `(?i)`/`(?s)`/`(?m)`/`(?x)`
 * (applied to the whole pattern, the only form JS has), `(?i:…)` → `(?:…)` with the flag made global,
 * atomic `(?>…)` → `(?:…)`, possessive `a*+` → `a*`, `\A` `\z` `\Z`, `\Q…\E`, `\x{hh}`, `\h`,
 * POSIX `[[:alpha:]]` classes, `(?#…)` comments. Approximations: the last four change no match
 * results in practice; atomic/possessive groups can match where PCRE would not (no backtracking cut).
 */
import { diag, SplRuntimeError } from "../diagnostics/diagnostic.js";
import { likeMatcher } from "../values/like-pattern.js";

const POSIX: Readonly<Record<string, string>> = {
  alpha: "a-zA-Z", digit: "0-9", alnum: "a-zA-Z0-9", upper: "A-Z", lower: "a-z", space: "\\s",
  blank: " \\t", punct: "!-\\/:-@\\[-`{-~", xdigit: "0-9A-Fa-f", word: "\\w", cntrl: "\\x00-\\x1f\\x7f",
  print: "\\x20-\\x7e", graph: "\\x21-\\x7e",
};

const escapeRe = (s: string): string => s.replace(/[\\^$.*+?()[\]{}|/]/g, "\\$&");

function codePointEscape(hex: string): string {
  return escapeRe(String.fromCodePoint(parseInt(hex, 16)));
}

/** Translates PCRE spellings into a JavaScript source and flag set (see the header). */
export function translatePcre(pattern: string): { source: string; flags: string } {
  const flags = new Set<string>();
  let extended = false;
  let out = "";
  let inClass = false;
  let i = 0;
  const p = pattern;
  while (i < p.length) {
    const c = p[i]!;
    const rest = p.slice(i);
    if (c === "\\") {
      const e = p[i + 1];
      const hex = /^\\x\{([0-9a-fA-F]{1,6})\}/.exec(rest);
      if (e === undefined) { out += "\\\\"; i += 1; continue; }
      if (hex) { out += codePointEscape(hex[1]!); i += hex[0].length; continue; }
      if (e === "h") out += inClass ? "\\t \\u00a0" : "[\\t \\u00a0]";
      else if (!inClass && e === "A") out += "(?<![\\s\\S])";
      else if (!inClass && e === "z") out += "(?![\\s\\S])";
      else if (!inClass && e === "Z") out += "(?=\\n?(?![\\s\\S]))";
      else if (e === "Q") {
        const end = p.indexOf("\\E", i + 2);
        const literal = p.slice(i + 2, end < 0 ? p.length : end);
        out += escapeRe(literal);
        i = end < 0 ? p.length : end + 2;
        continue;
      } else out += c + e;
      i += 2;
      continue;
    }
    if (inClass) {
      const posix = /^\[:(\^?)([a-z]+):\]/.exec(rest);
      if (posix && POSIX[posix[2]!] !== undefined && posix[1] === "") { out += POSIX[posix[2]!]; i += posix[0].length; continue; }
      if (c === "]") inClass = false;
      out += c;
      i += 1;
      continue;
    }
    if (extended && /\s/.test(c)) { i += 1; continue; }
    if (extended && c === "#") { const nl = p.indexOf("\n", i); i = nl < 0 ? p.length : nl + 1; continue; }
    if (c === "[") {
      // A `]` right after `[` or `[^` is a literal in PCRE; JS would read `[]` as an empty class.
      const open = /^\[\^?\]?/.exec(rest)![0];
      out += open.endsWith("]") ? `${open.slice(0, -1)}\\]` : open;
      inClass = true;
      i += open.length;
      continue;
    }
    const group = /^\(\?(?:P<|P=(\w+)\)|([imsx]*)(?:-[imsx]*)?([):])|>|#[^)]*\))/.exec(rest);
    if (c === "(" && group) {
      const g = group[0];
      if (g === "(?P<") out += "(?<";
      else if (group[1] !== undefined) out += `\\k<${group[1]}>`;
      else if (g === "(?>") out += "(?:";
      else if (g.startsWith("(?#")) out += "";
      else {
        for (const f of group[2] ?? "") {
          if (f === "x") extended = true;
          else flags.add(f);
        }
        if (group[3] === ":") out += "(?:";
      }
      i += g.length;
      continue;
    }
    out += c;
    i += 1;
    // Possessive quantifiers (`*+`, `++`, `?+`, `{n}+`) become greedy ones.
    if ("*+?}".includes(c) && p[i] === "+") i += 1;
  }
  return { source: out, flags: [...flags].sort().join("") };
}

const cache = new Map<string, RegExp>();
const CACHE_LIMIT = 1000;

function compile(key: string, source: string, flags: string, original: string): RegExp {
  const hit = cache.get(key);
  if (hit) return hit;
  let re: RegExp;
  try {
    re = new RegExp(source, flags);
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new SplRuntimeError(diag("runtime-error", { message: `invalid regular expression ${JSON.stringify(original)}: ${reason}` }));
  }
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, re);
  return re;
}

/**
 * The JavaScript form of an SPL (PCRE) pattern, cached. `global` adds the `g` flag. Throws
 * SplRuntimeError for a pattern that does not compile, as Splunk fails the search. Not for matching
 * field values on the main thread (a backtracking regex can run for ever): use safeRegex().
 */
export function splRegex(pattern: string, global = false): RegExp {
  const key = `${global ? "g" : "-"}${pattern}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const t = translatePcre(pattern);
  return compile(key, t.source, global ? `${t.flags}g` : t.flags, pattern);
}

/**
 * The test for `like(text, pattern)`: `%` is any run of characters, `_` one character (a code
 * point), the rest literal; anchored at both ends and case-sensitive (spl-semantics.md §6).
 * Matched in linear time by values/like-pattern.ts, never by a regex; cached per pattern.
 */
export function likeRegex(pattern: string): { test(s: string): boolean } {
  let hit = likeCache.get(pattern);
  if (!hit) {
    hit = { test: likeMatcher(pattern, "code-point") };
    if (likeCache.size >= CACHE_LIMIT) likeCache.clear();
    likeCache.set(pattern, hit);
  }
  return hit;
}
const likeCache = new Map<string, { test(s: string): boolean }>();
