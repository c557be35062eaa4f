/**
 * The sed expressions of `rex mode=sed` (rex reference: "specify whether to replace strings (s) or
 * substitute characters (y) in the matching regular expression. No other sed commands are
 * implemented"): `s/<regex>/<replacement>/<flags>` where flags is `g` (every match) or a number N
 * (the Nth match), and `y/<chars>/<chars>/`. `\1`…`\9` in the replacement are backreferences
 * (rex reference: "\n for backreferences, where n is a single digit"). The delimiter is the
 * character after `s`/`y`; a backslash before it makes it literal.
 */
import type { SedExpr } from "../ast/commands-stream.js";
import { safeRegex, type SafeRegex } from "../functions/safe-regex.js";

/** Parses a sed expression; returns an error message instead when it is malformed. */
export function parseSed(text: string): SedExpr | string {
  const op = text[0];
  const delim = text[1];
  if ((op !== "s" && op !== "y") || delim === undefined || /[\w\s\\]/.test(delim)) {
    return "a sed expression looks like s/<regex>/<replacement>/[g|N] or y/<chars>/<chars>/";
  }
  const parts = splitOn(text.slice(2), delim);
  if (parts.length !== 3) return `expected three parts separated by "${delim}" in ${JSON.stringify(text)}`;
  const [a = "", b = "", flags = ""] = parts;
  if (op === "y") {
    const from = [...unescape(a, delim)];
    const to = [...unescape(b, delim)];
    if (from.length !== to.length) return "y/…/…/ needs the same number of characters on both sides";
    if (flags !== "") return `y/…/…/ takes no flags, got "${flags}"`;
    return { op: "y", from, to };
  }
  const m = /^(g?)(\d*)(g?)$/.exec(flags);
  if (!m) return `unknown sed flags "${flags}": use g or a number`;
  const pattern = a.split(`\\${delim}`).join(delim);
  return { op: "s", pattern, replacement: b, global: m[1] === "g" || m[3] === "g", nth: m[2] ? Math.max(1, Number(m[2])) : 1 };
}

/**
 * Applies a parsed sed expression to one value. A pattern over the backtracking budget
 * (safe-regex.ts) leaves the value as it was and calls `overBudget`.
 */
export function applySed(sed: SedExpr, s: string, overBudget?: (re: SafeRegex) => void): string {
  if (sed.op === "y") {
    return Array.from(s, (ch) => {
      const i = sed.from.indexOf(ch);
      return i < 0 ? ch : (sed.to[i] ?? ch);
    }).join("");
  }
  const re = safeRegex(sed.pattern);
  let n = 0;
  const out = re.replace(s, (m) => {
    n += 1;
    const match = m.groups[0] ?? "";
    if (!sed.global && n !== sed.nth) return match;
    if (sed.global && n < sed.nth) return match;
    return expand(sed.replacement, m.groups);
  });
  if (out !== null) return out;
  overBudget?.(re);
  return s;
}

/** The replacement text with `\N` backreferences filled in from the groups ([0] = whole match). */
function expand(template: string, args: readonly (string | undefined)[]): string {
  let out = "";
  for (let i = 0; i < template.length; i++) {
    const c = template[i]!;
    const next = template[i + 1];
    if (c === "\\" && next !== undefined) {
      if (/\d/.test(next)) {
        const g = args[Number(next)];
        out += typeof g === "string" ? g : "";
      } else out += next === "n" ? "\n" : next === "t" ? "\t" : next;
      i += 1;
    } else out += c;
  }
  return out;
}

/** Splits on unescaped delimiters (escapes are kept for the regex part). */
function splitOn(s: string, delim: string): string[] {
  const parts: string[] = [];
  let cur = "";
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c === "\\" && i + 1 < s.length) {
      cur += c + s[i + 1];
      i += 1;
    } else if (c === delim) {
      parts.push(cur);
      cur = "";
    } else cur += c;
  }
  parts.push(cur);
  return parts;
}

function unescape(s: string, delim: string): string {
  return s.replace(/\\(.)/g, (_m, c: string) => (c === delim || c === "\\" ? c : c === "n" ? "\n" : c === "t" ? "\t" : `\\${c}`));
}
