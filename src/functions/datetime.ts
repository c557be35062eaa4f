/**
 * Date and time functions: now, time, relative_time, strftime, strptime (spl-semantics.md §3, §8).
 * "Now" is the injected `FnContext.now` so results are reproducible (§8); zones come from
 * `FnContext.tz` (UTC by default). ESCU: now 43, relative_time 42, strftime 8, strptime 6.
 */
import { isValidEpoch, strftime, strptime } from "../values/time-format.js";
import { relativeTime } from "../values/time-modifier.js";
import { toNumber } from "../values/value.js";
import { finite, lift, liftText, text } from "./args.js";
import type { FunctionDef } from "./types.js";

/** The datetime functions. */
export const DATETIME_FUNCTIONS: readonly FunctionDef[] = [
  {
    name: "now", category: "datetime", minArgs: 0, maxArgs: 0, signature: "now()",
    summary: "The time the search started, in epoch seconds (minispl: the injected clock).",
    examples: [{ expr: "isnum(now())", result: true }],
    impl: (_args, ctx) => ctx.now,
  },
  {
    // Splunk's time() is the wall clock at evaluation; minispl returns the injected clock too so
    // that a search gives the same rows on every run (a deliberate divergence).
    name: "time", category: "datetime", minArgs: 0, maxArgs: 0, signature: "time()",
    summary: "The current time in epoch seconds (minispl: the same injected clock as now()).",
    examples: [{ expr: "isnum(time())", result: true }],
    impl: (_args, ctx) => ctx.now,
  },
  {
    name: "relative_time", category: "datetime", minArgs: 2, maxArgs: 2,
    signature: "relative_time(<time>, <specifier>)",
    summary: 'Applies a time modifier such as "-24h@h" or "@d" to an epoch time.',
    examples: [
      { expr: 'relative_time(1602155026, "-1d@d")', result: 1602028800 },
      { expr: 'relative_time(1602155026, "@w0")', result: 1601769600 },
    ],
    impl: ([t, spec], ctx) => {
      const modifier = text(spec);
      if (modifier === null) return null;
      return lift(t ?? null, (a) => {
        const n = finite(toNumber(a));
        return n === null ? null : relativeTime(n, modifier, ctx.tz);
      });
    },
  },
  {
    name: "strftime", category: "datetime", minArgs: 2, maxArgs: 2,
    signature: "strftime(<time>, <format>)",
    summary: "Renders an epoch time with time format variables (%Y-%m-%d %H:%M:%S, %3N, %z…).",
    examples: [
      { expr: 'strftime(1602155026.615, "%Y-%m-%dT%H:%M:%S")', result: "2020-10-08T11:03:46" },
      { expr: 'strftime(0, "%F %T.%3N")', result: "1970-01-01 00:00:00.000" },
    ],
    impl: ([t, format], ctx) => {
      const f = text(format);
      if (f === null) return null;
      return lift(t ?? null, (a) => {
        const n = toNumber(a);
        return isValidEpoch(n) ? strftime(n, f, ctx.tz) : null;
      });
    },
  },
  {
    name: "strptime", category: "datetime", minArgs: 2, maxArgs: 2,
    signature: "strptime(<str>, <format>)",
    summary: "Parses a time string with time format variables into epoch seconds; null when it does not match.",
    examples: [
      { expr: 'strptime("2020-10-08T11:03:46", "%Y-%m-%dT%H:%M:%S")', result: 1602155026 },
      { expr: 'strptime("2020-10-08 11:03:46.615 +0200", "%Y-%m-%d %H:%M:%S.%3N %z")', result: 1602147826.615 },
    ],
    impl: ([s, format], ctx) => {
      const f = text(format);
      return f === null ? null : liftText(s, (x) => strptime(x, f, ctx.tz));
    },
  },
];
