/**
 * Text functions: len, lower, upper, substr, trim, ltrim, rtrim, replace, urldecode. Each applies
 * to every value of a multivalue field (args.ts); lengths and positions count characters (code
 * points), not UTF-16 units.
 */
import { liftText, num, text, chars } from "./args.js";
import { safeRegex, warnBudget } from "./safe-regex.js";
import type { FunctionDef } from "./types.js";

/**
 * substr positions are 1-based and a negative start counts from the end (`substr(x, -4)` = last 4
 * characters). Start 0 is read as 1, which is what ESCU's `substr(command,0,256)` relies on (a
 * choice; the docs do not cover 0). A negative length gives null.
 */
function substring(s: string, start: number, length: number | undefined): string | null {
  if (length !== undefined && length < 0) return null;
  const cs = chars(s);
  const from = start < 0 ? Math.max(0, cs.length + start) : Math.max(0, start - 1);
  return cs.slice(from, length === undefined ? undefined : from + length).join("");
}

function trimSet(s: string, set: string, left: boolean, right: boolean): string {
  const cs = chars(s);
  let a = 0;
  let b = cs.length;
  if (left) while (a < b && set.includes(cs[a]!)) a++;
  if (right) while (b > a && set.includes(cs[b - 1]!)) b--;
  return cs.slice(a, b).join("");
}

type Part = string | number;

/** Splits a replacement into literal text and group numbers: `\1`…`\9` are groups, `\\` a backslash. */
function replacementParts(r: string): Part[] {
  const parts: Part[] = [];
  let lit = "";
  for (let i = 0; i < r.length; i++) {
    const c = r[i]!;
    const next = r[i + 1];
    if (c === "\\" && next !== undefined && /\d/.test(next)) {
      if (lit) parts.push(lit);
      lit = "";
      parts.push(Number(next));
      i++;
    } else if (c === "\\" && next === "\\") {
      lit += "\\";
      i++;
    } else lit += c;
  }
  if (lit) parts.push(lit);
  return parts;
}

/** Percent-decoding as UTF-8 bytes; `+` is a space and malformed escapes stay as written (a choice). */
function urlDecode(s: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    const hex = s.slice(i + 1, i + 3);
    if (c === "%" && /^[0-9a-fA-F]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else bytes.push(...Buffer.from(c === "+" ? " " : c, "utf8"));
  }
  return Buffer.from(bytes).toString("utf8");
}

const TRIM_DEFAULT = " \t";

function trimDef(name: "trim" | "ltrim" | "rtrim", left: boolean, right: boolean, example: string, result: string): FunctionDef {
  return {
    name, category: "string", minArgs: 1, maxArgs: 2, signature: `${name}(<str>, <trim_chars>)`,
    summary: `Removes <trim_chars> (default spaces and tabs) from the ${left && right ? "both ends" : left ? "start" : "end"}.`,
    examples: [{ expr: example, result }],
    impl: ([v, set]) => {
      const cs = set === undefined ? TRIM_DEFAULT : text(set);
      return cs === null ? null : liftText(v, (s) => trimSet(s, cs, left, right));
    },
  };
}

const substr: FunctionDef = {
  name: "substr", category: "string", minArgs: 2, maxArgs: 3,
  signature: "substr(<str>, <start>, <length>)",
  summary: "The substring from 1-based <start> (negative counts from the end), <length> characters long.",
  examples: [
    { expr: 'substr("splunk", 2, 3)', result: "plu" }, { expr: 'substr("cmd.exe", -4)', result: ".exe" },
    { expr: 'substr("splunk", 0, 3)', result: "spl" },
  ],
  impl: ([v, start, length]) => {
    const s = num(start);
    const n = length === undefined ? undefined : num(length);
    if (s === null || n === null) return null;
    return liftText(v, (x) => substring(x, Math.trunc(s), n === undefined ? undefined : Math.trunc(n)));
  },
};

const replace: FunctionDef = {
  name: "replace", category: "string", minArgs: 3, maxArgs: 3,
  signature: "replace(<str>, <regex>, <replacement>)",
  summary: "Replaces every match of the PCRE <regex>; \\1…\\9 in <replacement> insert groups.",
  examples: [
    { expr: 'replace("a-b-c", "-", "+")', result: "a+b+c" },
    { expr: 'replace("1/2/2020", "^(\\\\d+)/(\\\\d+)", "\\\\2/\\\\1")', result: "2/1/2020" },
  ],
  impl: ([v, pattern, replacement], ctx) => {
    const p = text(pattern);
    const r = text(replacement);
    if (p === null || r === null) return null;
    const re = safeRegex(p);
    const parts = replacementParts(r);
    const build = (groups: readonly (string | undefined)[]): string =>
      parts.map((x) => (typeof x === "string" ? x : (groups[x] ?? ""))).join("");
    return liftText(v, (s) => {
      const out = re.replace(s, (m) => build(m.groups));
      if (out === null) warnBudget(ctx, re, "replace()");
      return out;
    });
  },
};

/** The text functions. */
export const STRING_FUNCTIONS: readonly FunctionDef[] = [
  {
    name: "len", category: "string", minArgs: 1, maxArgs: 1, signature: "len(<str>)",
    summary: "Number of characters in the string.",
    examples: [{ expr: 'len("splunk")', result: 6 }],
    impl: ([v]) => liftText(v, (s) => chars(s).length),
  },
  {
    name: "lower", category: "string", minArgs: 1, maxArgs: 1, signature: "lower(<str>)",
    summary: "The string in lower case.", examples: [{ expr: 'lower("ABC")', result: "abc" }],
    impl: ([v]) => liftText(v, (s) => s.toLowerCase()),
  },
  {
    name: "upper", category: "string", minArgs: 1, maxArgs: 1, signature: "upper(<str>)",
    summary: "The string in upper case.", examples: [{ expr: 'upper("abc")', result: "ABC" }],
    impl: ([v]) => liftText(v, (s) => s.toUpperCase()),
  },
  substr, replace,
  trimDef("trim", true, true, 'trim("  abc  ")', "abc"),
  trimDef("ltrim", true, false, 'ltrim("$$abc", "$")', "abc"),
  trimDef("rtrim", false, true, 'rtrim("abc  ")', "abc"),
  {
    name: "urldecode", category: "string", minArgs: 1, maxArgs: 1, signature: "urldecode(<url>)",
    summary: "Decodes %XX escapes (UTF-8) and + as a space.",
    examples: [{ expr: 'urldecode("http%3A%2F%2Fexample.com%2Fa%20b")', result: "http://example.com/a b" }],
    impl: ([v]) => liftText(v, urlDecode),
  },
];
