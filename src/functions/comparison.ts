/**
 * Comparison and conditional functions (COND; spl-semantics.md §6): if, case, coalesce, null,
 * nullif, true, false, validate, in, like, match, cidrmatch. These are the most used eval functions
 * in ESCU (escu-corpus.md §4: if 148, isnotnull 91, match 63, case 48, like 39, coalesce 38).
 *
 * Null subjects: like/match/cidrmatch give null (the null convention, docs silent); `in` gives
 * false like the executor's `x IN (…)` operator, so both spellings agree.
 */
import { toList } from "../values/value.js";
import { anyValue, atomsEqual, first, text, truth } from "./args.js";
import { inCidr } from "../values/ip.js";
import { likeRegex } from "./regex.js";
import { safeRegex, warnBudget } from "./safe-regex.js";
import type { FunctionDef } from "./types.js";

const ifFn: FunctionDef = {
  name: "if", category: "comparison", minArgs: 3, maxArgs: 3,
  signature: "if(<predicate>, <true_value>, <false_value>)",
  summary: "Returns <true_value> when <predicate> is true, else <false_value>.",
  examples: [{ expr: 'if(1 == 1, "yes", "no")', result: "yes" }, { expr: 'if(1 > 2, "yes", "no")', result: "no" }],
  impl: ([cond, a = null, b = null]) => (truth(cond) ? a : b),
};

const caseFn: FunctionDef = {
  name: "case", category: "comparison", minArgs: 2, maxArgs: Infinity,
  signature: "case(<condition>, <value>, ...)",
  summary: "Returns the value paired with the first true condition; null when none is true (COND).",
  examples: [
    { expr: 'case(1 == 2, "a", 1 == 1, "b")', result: "b" },
    { expr: 'case(1 == 2, "a", true(), "other")', result: "other" },
  ],
  impl: (args) => {
    for (let i = 0; i + 1 < args.length; i += 2) if (truth(args[i])) return args[i + 1] ?? null;
    return null;
  },
};

const coalesce: FunctionDef = {
  name: "coalesce", category: "comparison", minArgs: 1, maxArgs: Infinity,
  signature: "coalesce(<value>, ...)",
  summary: "Returns the first argument that is not null (an empty string is not null).",
  examples: [{ expr: 'coalesce(null(), "b", "c")', result: "b" }],
  impl: (args) => args.find((a) => a !== null) ?? null,
};

const nullFn: FunctionDef = {
  name: "null", category: "comparison", minArgs: 0, maxArgs: 0,
  signature: "null()", summary: "Returns null, e.g. to remove a field with eval.",
  examples: [{ expr: "isnull(null())", result: true }],
  impl: () => null,
};

const nullif: FunctionDef = {
  name: "nullif", category: "comparison", minArgs: 2, maxArgs: 2,
  signature: "nullif(<value1>, <value2>)",
  summary: "Returns null when the two values are equal, else <value1>.",
  examples: [{ expr: 'nullif("a", "b")', result: "a" }, { expr: 'isnull(nullif("a", "a"))', result: true }],
  impl: ([a = null, b = null]) => {
    const x = first(a);
    const y = first(b);
    return x !== null && y !== null && atomsEqual(x, y) ? null : a;
  },
};

const trueFn: FunctionDef = {
  name: "true", category: "comparison", minArgs: 0, maxArgs: 0,
  signature: "true()", summary: "Returns TRUE; the usual default branch of case() (30 ESCU detections).",
  examples: [{ expr: 'if(true(), "y", "n")', result: "y" }],
  impl: () => true,
};

const falseFn: FunctionDef = {
  name: "false", category: "comparison", minArgs: 0, maxArgs: 0,
  signature: "false()", summary: "Returns FALSE.",
  examples: [{ expr: 'if(false(), "y", "n")', result: "n" }],
  impl: () => false,
};

const validate: FunctionDef = {
  name: "validate", category: "comparison", minArgs: 2, maxArgs: Infinity,
  signature: "validate(<condition>, <value>, ...)",
  summary: "Returns the value paired with the first false condition; null when all are true.",
  examples: [{ expr: 'validate(1 == 1, "first", 1 == 2, "second")', result: "second" }],
  impl: (args) => {
    for (let i = 0; i + 1 < args.length; i += 2) if (!truth(args[i])) return args[i + 1] ?? null;
    return null;
  },
};

const inFn: FunctionDef = {
  name: "in", category: "comparison", minArgs: 2, maxArgs: Infinity,
  signature: "in(<value>, <list_value>, ...)",
  summary: "True when <value> (any of its values) equals one of the listed values; no wildcards (§6).",
  examples: [{ expr: 'in("b", "a", "b", "c")', result: true }, { expr: 'in("x", "a", "b")', result: false }],
  impl: ([subject = null, ...list]) => {
    const xs = toList(subject);
    const ys = list.flatMap((v) => toList(v));
    return xs.some((x) => ys.some((y) => atomsEqual(x, y)));
  },
};

const like: FunctionDef = {
  name: "like", category: "comparison", minArgs: 2, maxArgs: 2,
  signature: "like(<str>, <pattern>)",
  summary: "SQL LIKE: `%` matches any run, `_` one character; case-sensitive (§6).",
  examples: [{ expr: 'like("cmd.exe", "%.exe")', result: true }, { expr: 'like("CMD.EXE", "%.exe")', result: false }],
  impl: ([s, pattern]) => {
    const p = text(pattern);
    if (p === null) return null;
    const re = likeRegex(p);
    return anyValue(s, (v) => re.test(v));
  },
};

const match: FunctionDef = {
  name: "match", category: "comparison", minArgs: 2, maxArgs: 2,
  signature: "match(<str>, <regex>)",
  summary: "True when the PCRE <regex> matches anywhere in <str> (any value of a multivalue field).",
  examples: [{ expr: 'match("powershell.exe", "^power")', result: true }, { expr: 'match("ABC", "(?i)abc")', result: true }],
  impl: ([s, pattern], ctx) => {
    const p = text(pattern);
    if (p === null) return null;
    const re = safeRegex(p);
    let overBudget = false;
    const hit = anyValue(s, (v) => {
      const r = re.test(v);
      if (r === null) overBudget = true;
      return r === true;
    });
    if (!overBudget) return hit;
    warnBudget(ctx, re, "match()");
    return hit === true ? true : null;
  },
};

const cidrmatch: FunctionDef = {
  name: "cidrmatch", category: "comparison", minArgs: 2, maxArgs: 2,
  signature: "cidrmatch(<cidr>, <ip>)",
  summary: "True when the IPv4 or IPv6 address <ip> is in the subnet <cidr>.",
  examples: [{ expr: 'cidrmatch("10.0.0.0/8", "10.1.2.3")', result: true }, { expr: 'cidrmatch("10.0.0.0/8", "11.1.2.3")', result: false }],
  impl: ([cidr, ip]) => {
    const c = text(cidr);
    return c === null ? null : anyValue(ip, (v) => inCidr(c, v));
  },
};

/** The comparison and conditional functions. */
export const COMPARISON_FUNCTIONS: readonly FunctionDef[] = [
  ifFn, caseFn, coalesce, nullFn, nullif, trueFn, falseFn, validate, inFn, like, match, cidrmatch,
];
