/**
 * Multivalue eval functions (MVEVAL, MVMAN; spl-semantics.md §7): mvcount, mvindex, mvjoin,
 * mvappend, mvdedup, mvfind, mvsort, mvzip, mvrange, split. A single value is a list of one, a
 * null field a list of none. Results go through `mv()`, so one value comes back as a scalar.
 * mvfilter/mvmap need lambdas and live with the expression evaluator.
 */
import { compareLexical, formatNumber, mv, toList, type Atom, type EvalValue } from "../values/value.js";
import { diag, SplRuntimeError } from "../diagnostics/diagnostic.js";
import { relativeTime } from "../values/time-modifier.js";
import { num, text } from "./args.js";
import { safeRegex, warnBudget } from "./safe-regex.js";
import type { FunctionDef } from "./types.js";

const str = (a: Atom): string => (typeof a === "number" ? formatNumber(a) : a);

/** Resolves a possibly negative index against a list length; null when out of range. */
function index(i: number, length: number): number | null {
  const k = i < 0 ? length + i : i;
  return k >= 0 && k < length ? k : null;
}

/**
 * mvrange's step: a number, or a time span such as "7d" ("If the increment is a timespan such as
 * 7d, the starting and ending numbers are treated as UNIX time"). A span steps by the calendar in
 * the search's time zone, like relative_time(x, "+7d"): the page's own example output (in a US
 * zone) has a 7-day step one hour short where daylight saving time begins.
 */
function step(v: EvalValue | undefined): { by: number } | { span: string } | null {
  if (v === undefined) return { by: 1 };
  const t = text(v);
  const span = t === null ? null : /^(\d+)([smhdw])$/.exec(t.trim());
  if (span) return Number(span[1]) > 0 ? { span: `+${span[1]}${span[2]}` } : null;
  const n = num(v);
  return n === null ? null : { by: n };
}

/** The values of an mvrange over a time span: each the previous moved by `span` in zone `tz`. */
function calendarRange(start: number, end: number, span: string, tz: string): number[] | null {
  const out: number[] = [];
  for (let t: number | null = start; t !== null && t < end; t = relativeTime(t, span, tz)) {
    if (out.length >= MAX_RANGE) return null;
    if (out.length > 0 && t <= out[out.length - 1]!) break;
    out.push(t);
  }
  return out;
}

/**
 * Longest list mvrange builds. Splunk documents no cap (limits.conf has none for eval); an
 * unbounded one lets `mvrange(0, 1e12)` take all memory in one call. A longer range is a
 * `value-too-large` warning (once per call site) and null for that result (compile-expr.ts).
 */
export const MAX_RANGE = 100_000;

/** The error for a range past MAX_RANGE values (`count` when known). */
function tooLong(count?: number): SplRuntimeError {
  const what = count === undefined ? "the range" : `the range of ${count.toLocaleString("en-US")} values`;
  return new SplRuntimeError(diag("value-too-large", { what, limit: `${MAX_RANGE.toLocaleString("en-US")} values` }));
}

/** The multivalue functions. */
export const MULTIVALUE_FUNCTIONS: readonly FunctionDef[] = [
  {
    name: "mvcount", category: "multivalue", minArgs: 1, maxArgs: 1, signature: "mvcount(<mv>)",
    summary: "Number of values; null for a null field.",
    examples: [{ expr: 'mvcount(split("a,b,c", ","))', result: 3 }, { expr: 'mvcount("x")', result: 1 }],
    impl: ([v]) => (v === undefined || v === null ? null : toList(v).length),
  },
  {
    name: "mvindex", category: "multivalue", minArgs: 2, maxArgs: 3, signature: "mvindex(<mv>, <start>, <end>)",
    summary: "The value at 0-based <start> (negative counts from the end), or the values <start>..<end> inclusive.",
    examples: [
      { expr: 'mvindex(split("a,b,c", ","), 1)', result: "b" }, { expr: 'mvindex(split("a,b,c", ","), -1)', result: "c" },
      { expr: 'mvindex(split("a,b,c,d", ","), 1, 2)', result: ["b", "c"] },
    ],
    impl: ([v, s, e]) => {
      const list = toList(v ?? null);
      const start = num(s);
      const from = start === null ? null : index(Math.trunc(start), list.length);
      if (from === null) return null;
      if (e === undefined) return list[from] ?? null;
      const end = num(e);
      if (end === null) return null;
      const to = Math.min(Math.trunc(end) < 0 ? list.length + Math.trunc(end) : Math.trunc(end), list.length - 1);
      return to < from ? null : mv(list.slice(from, to + 1));
    },
  },
  {
    name: "mvjoin", category: "multivalue", minArgs: 2, maxArgs: 2, signature: "mvjoin(<mv>, <delim>)",
    summary: "Joins the values into one string with <delim>.",
    examples: [{ expr: 'mvjoin(split("a,b,c", ","), ";")', result: "a;b;c" }],
    impl: ([v, d]) => {
      const delim = text(d);
      return v === undefined || v === null || delim === null ? null : toList(v).map(str).join(delim);
    },
  },
  {
    name: "mvappend", category: "multivalue", minArgs: 1, maxArgs: Infinity, signature: "mvappend(<value>, ...)",
    summary: "All values of all arguments in order; null arguments are skipped.",
    examples: [{ expr: 'mvappend("a", split("b,c", ","))', result: ["a", "b", "c"] }],
    impl: (args) => mv(args.flatMap((a) => toList(a))),
  },
  {
    name: "mvdedup", category: "multivalue", minArgs: 1, maxArgs: 1, signature: "mvdedup(<mv>)",
    summary: "The values with duplicates removed, first occurrences kept in order.",
    examples: [{ expr: 'mvdedup(split("b,a,b", ","))', result: ["b", "a"] }],
    impl: ([v]) => {
      const seen = new Set<string>();
      return mv(toList(v ?? null).filter((a) => !seen.has(str(a)) && seen.add(str(a))));
    },
  },
  {
    name: "mvfind", category: "multivalue", minArgs: 2, maxArgs: 2, signature: "mvfind(<mv>, <regex>)",
    summary: "0-based index of the first value the PCRE <regex> matches; null when none does.",
    examples: [{ expr: 'mvfind(split("a1,b2,c3", ","), "^b")', result: 1 }],
    impl: ([v, pattern], ctx) => {
      const p = text(pattern);
      if (p === null) return null;
      const re = safeRegex(p);
      const values = toList(v ?? null);
      for (let i = 0; i < values.length; i++) {
        const hit = re.test(str(values[i] as Atom));
        if (hit) return i;
        // A value over the backtracking budget leaves the answer unknown: null, with a warning.
        if (hit === null) {
          warnBudget(ctx, re, "mvfind()");
          return null;
        }
      }
      return null;
    },
  },
  {
    name: "mvsort", category: "multivalue", minArgs: 1, maxArgs: 1, signature: "mvsort(<mv>)",
    summary: "The values sorted lexicographically (numbers as text, so 10 before 9).",
    examples: [{ expr: 'mvsort(split("b,10,a,9", ","))', result: ["10", "9", "a", "b"] }],
    impl: ([v]) => mv(toList(v ?? null).sort((a, b) => compareLexical(str(a), str(b)))),
  },
  {
    name: "mvzip", category: "multivalue", minArgs: 2, maxArgs: 3, signature: "mvzip(<mv_left>, <mv_right>, <delim>)",
    summary: 'Pairs values by position, joined with <delim> (default ","); stops at the shorter list.',
    examples: [{ expr: 'mvzip(split("a,b", ","), split("1,2", ","), "=")', result: ["a=1", "b=2"] }],
    impl: ([x, y, d]) => {
      const delim = d === undefined ? "," : text(d);
      if (x === undefined || x === null || y === undefined || y === null || delim === null) return null;
      const a = toList(x);
      const b = toList(y);
      return mv(a.slice(0, Math.min(a.length, b.length)).map((v, i) => `${str(v)}${delim}${str(b[i]!)}`));
    },
  },
  {
    name: "mvrange", category: "multivalue", minArgs: 2, maxArgs: 3, signature: "mvrange(<start>, <end>, <step>)",
    summary: "Numbers from <start> up to but excluding <end> by <step> (a number, or a calendar span like 7d).",
    examples: [{ expr: "mvrange(1, 11, 2)", result: [1, 3, 5, 7, 9] }],
    impl: ([s, e, st], ctx) => {
      const start = num(s);
      const end = num(e);
      const by = step(st);
      if (start === null || end === null || by === null) return null;
      if ("span" in by) {
        const values = calendarRange(start, end, by.span, ctx.tz);
        if (values === null) throw tooLong();
        ctx.checkpoint?.(values.length);
        return mv(values);
      }
      if (by.by <= 0) return null;
      const count = Math.max(0, Math.ceil((end - start) / by.by));
      if (count > MAX_RANGE) throw tooLong(count);
      // Up to 100,000 values per result, over every result of an eval: worth the search's budget.
      ctx.checkpoint?.(count);
      return mv(Array.from({ length: count }, (_, i) => start + i * by.by));
    },
  },
  {
    name: "split", category: "multivalue", minArgs: 2, maxArgs: 2, signature: "split(<str>, <delim>)",
    summary: 'Splits a string at each <delim> into a multivalue; "" splits into characters.',
    examples: [{ expr: 'split("a,b,c", ",")', result: ["a", "b", "c"] }],
    impl: ([v, d]) => {
      const delim = text(d);
      if (v === undefined || v === null || delim === null) return null;
      return mv(toList(v).flatMap((a) => (delim === "" ? Array.from(str(a)) : str(a).split(delim))));
    },
  },
];
