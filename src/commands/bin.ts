/**
 * `bin [span=<span>] [bins=<n>] [start=<n>] [end=<n>] [aligntime=<time>] <field> [AS <newfield>]`
 * and its older name `bucket` (spl-semantics.md §8; bin reference: "Puts continuous numerical
 * values into discrete sets, or bins, by adjusting the value of <field> so that all of the items
 * in a particular set have the same value").
 *
 * Time bins (a span with a time unit, or any span on `_time`) replace the value by the start of its
 * bin in epoch seconds (time-buckets.ts): s/m/h spans are aligned to the epoch in UTC (or to
 * `aligntime`: earliest or latest of the search's time range, an epoch, or a time modifier), `d`/`w`
 * spans to local midnight (timechart usage: "To use day boundaries, use span=1d. Do not use
 * span=86400s"), `mon`/`q`/`y` spans to the first of the month in the search's time zone.
 * Numeric bins of other fields become the text `<low>-<high>` (bin examples: `bin span=10 size`).
 * Without span, `bins` (default 100) picks the span: for time from the span thresholds of the
 * timechart usage page, for numbers the smallest power of ten giving at most `bins` bins over
 * [min(start, data), max(end, data)] (the docs do not state the numeric rule; a choice).
 * A log span `[<coef>]log[<base>]` labels each value with its bin `<low>-<high>`, low = coef·base^k.
 * Values that are not numbers are left as they are (docs silent). `minspan` ("the smallest span
 * granularity to use automatically inferring span from the data time range") bounds that automatic
 * span from below; it does nothing when span= is given.
 */
import type { BinOptions, BinSpan } from "../ast/commands-stream.js";
import type { CommandNode } from "../ast/nodes.js";
import { diag } from "../diagnostics/diagnostic.js";
import type { Table } from "../table/table.js";
import { formatNumber, parseNumber, toNumber, type Value } from "../values/value.js";
import { lsdOfValue, settleNumber } from "../values/numeric-precision.js";
import { argsOf, intValue, readOptions, rejectKinds, textOf } from "./args.js";
import { isAligntime, resolveAligntime, spanSeconds, timeBucket } from "./time-buckets.js";
import type { CheckContext, CommandDef, ExecContext } from "./types.js";

const OPTIONS = ["span", "bins", "minspan", "start", "end", "aligntime"];
const SUBSECOND: Readonly<Record<string, number>> = { ms: 1e-3, us: 1e-6, cs: 1e-2, ds: 1e-1 };
const SECONDS: Readonly<Record<string, number>> = {
  s: 1, sec: 1, secs: 1, second: 1, seconds: 1, m: 60, min: 60, mins: 60, minute: 60, minutes: 60,
  h: 3600, hr: 3600, hrs: 3600, hour: 3600, hours: 3600, ...SUBSECOND,
};
const DAYS: Readonly<Record<string, number>> = { d: 1, day: 1, days: 1, w: 7, week: 7, weeks: 7 };
const MONTHS: Readonly<Record<string, number>> = {
  mon: 1, month: 1, months: 1, q: 3, qtr: 3, qtrs: 3, quarter: 3, quarters: 3, y: 12, yr: 12, yrs: 12, year: 12, years: 12,
};
/** Span thresholds for time bins chosen from `bins` (timechart usage, "Spans used when minspan is specified"). */
const TIME_STEPS = [1, 5, 10, 30, 60, 300, 600, 1800, 3600, 86400, 2592000];

/** Parses a bin span; null when malformed (log spans such as `2log10`: parseLogSpan). */
export function parseBinSpan(text: string): BinSpan | null {
  const m = /^(\d+(?:\.\d+)?|\.\d+)?([a-z]*)$/i.exec(text.trim());
  if (!m || (!m[1] && !m[2])) return null;
  const n = m[1] ? Number(m[1]) : 1;
  const unit = (m[2] ?? "").toLowerCase();
  if (!(n > 0)) return null;
  if (unit === "") return { kind: "number", size: n };
  // Usage, Subsecond bin time spans: they "should be numbers that divide evenly into a second …
  // span = 1000ms is not allowed. Use span = 1s instead."
  const perSecond = SUBSECOND[unit] === undefined ? undefined : Math.round(1 / SUBSECOND[unit]!);
  if (perSecond !== undefined && !(Number.isInteger(n) && n < perSecond && perSecond % n === 0)) return null;
  if (SECONDS[unit] !== undefined) return { kind: "seconds", seconds: n * SECONDS[unit]! };
  if (DAYS[unit] !== undefined) return { kind: "days", days: n * DAYS[unit]! };
  if (MONTHS[unit] !== undefined && Number.isInteger(n)) return { kind: "months", months: n * MONTHS[unit]! };
  return null;
}

function checkBin(node: CommandNode, ctx: CheckContext): BinOptions | null {
  rejectKinds(node, ["by", "where"], ctx);
  const opts = readOptions(node, OPTIONS, ctx);
  const num = (key: string): number | undefined => {
    const o = opts.get(key);
    if (!o) return undefined;
    const t = textOf(o.value, node, ctx, "a number");
    const n = t === null ? Number.NaN : parseNumber(t);
    if (Number.isNaN(n)) ctx.report(diag("bad-argument", { command: node.name, message: `${key} must be a number` }, o.value.span));
    return Number.isNaN(n) ? undefined : n;
  };
  const spanOpt = opts.get("span");
  const spanText = spanOpt ? textOf(spanOpt.value, node, ctx, "a span such as 5m") : null;
  const logSpan = spanText === null ? null : parseLogSpan(spanText);
  const span = spanText === null || logSpan ? undefined : parseBinSpan(spanText);
  if (spanOpt && !span && !logSpan) {
    ctx.report(diag("bad-argument", { command: node.name, message: `bad span "${spanText ?? ""}": use <number>[s|m|h|d|w|mon], or a log span such as log2 or 2log10 (1 <= coefficient < base)` }, spanOpt.value.span));
  }
  const binsOpt = opts.get("bins");
  const bins = binsOpt ? (intValue(binsOpt.value, node, ctx, "bins") ?? undefined) : undefined;
  const minOpt = opts.get("minspan");
  const minText = minOpt ? textOf(minOpt.value, node, ctx, "a span such as 5m") : null;
  const minSpan = minText === null ? null : parseBinSpan(minText);
  if (minOpt && !minSpan) ctx.report(diag("bad-argument", { command: node.name, message: `bad minspan "${minText ?? ""}"` }, minOpt.value.span));
  const minspan = minSpan === null ? undefined : spanSeconds(minSpan);
  const alignOpt = opts.get("aligntime");
  const aligntime = alignOpt ? (textOf(alignOpt.value, node, ctx, "a time") ?? undefined) : undefined;
  if (alignOpt && aligntime !== undefined && !isAligntime(aligntime)) {
    ctx.report(diag("bad-argument", { command: node.name, message: `bad aligntime "${aligntime}": use earliest, latest, an epoch time or a time modifier such as @d+3h` }, alignOpt.value.span));
  }
  const pos = argsOf(node, "positional");
  for (const p of pos.slice(1)) ctx.report(diag("bad-argument", { command: node.name, message: "takes one field" }, p.span));
  const first = pos[0];
  const field = first ? textOf(first.value, node, ctx, "a field name") : null;
  if (!first) ctx.report(diag("bad-argument", { command: node.name, message: "needs a field, e.g. _time" }, node.span));
  if (field === null) return null;
  const start = num("start");
  const end = num("end");
  return {
    field, span: node.span,
    ...(first?.alias ? { as: first.alias.name } : {}),
    ...(span ? { binSpan: span } : {}), ...(logSpan ? { logSpan } : {}), ...(bins !== undefined ? { bins } : {}), ...(minspan !== undefined ? { minspan } : {}),
    ...(start !== undefined ? { start } : {}), ...(end !== undefined ? { end } : {}),
    ...(aligntime !== undefined ? { aligntime } : {}),
  };
}

export const bin: CommandDef<"bin"> = {
  kind: "bin",
  summary: "Puts numeric or time values into discrete bins (e.g. _time into 5-minute spans).",
  usage: "bin [span=<span>] [bins=<n>] [start=<n>] [end=<n>] [aligntime=<time>] <field> [AS <newfield>]",
  examples: ["| makeresults | eval _time=1700000123 | bin span=5m _time", "| makeresults | eval size=23 | bin span=10 size AS range"],
  options: {
    span: { query: "| makeresults | eval x=23 | bin span=10 x", baseline: "| makeresults | eval x=23 | bin span=5 x" },
    bins: { query: "| makeresults count=50 | streamstats count AS x | bin bins=2 x", baseline: "| makeresults count=50 | streamstats count AS x | bin x" },
    minspan: { query: "| makeresults count=50 | streamstats count AS x | bin minspan=100 x", baseline: "| makeresults count=50 | streamstats count AS x | bin x" },
    start: { query: "| makeresults count=5 | streamstats count AS x | bin bins=2 start=-1000 x", baseline: "| makeresults count=5 | streamstats count AS x | bin bins=2 x" },
    end: { query: "| makeresults count=5 | streamstats count AS x | bin bins=2 end=1000 x", baseline: "| makeresults count=5 | streamstats count AS x | bin bins=2 x" },
    aligntime: { query: "| makeresults | eval _time=1700000123 | bin span=5m aligntime=1700000110 _time", baseline: "| makeresults | eval _time=1700000123 | bin span=5m _time" },
  },
  check(node, ctx) {
    const o = checkBin(node, ctx);
    return o ? { ...o, kind: "bin" } : null;
  },
  plan(cmd) {
    return (input, ctx) => runBin(cmd, input, ctx);
  },
};

export const bucket: CommandDef<"bucket"> = {
  kind: "bucket",
  summary: "Older name of bin: puts numeric or time values into discrete bins.",
  usage: "bucket [span=<span>] [bins=<n>] [start=<n>] [end=<n>] [aligntime=<time>] <field> [AS <newfield>]",
  examples: ["| makeresults | eval _time=1700000123 | bucket span=2m _time"],
  options: {
    span: { query: "| makeresults | eval x=23 | bucket span=10 x", baseline: "| makeresults | eval x=23 | bucket span=5 x" },
    bins: { query: "| makeresults count=50 | streamstats count AS x | bucket bins=2 x", baseline: "| makeresults count=50 | streamstats count AS x | bucket x" },
    minspan: { query: "| makeresults count=50 | streamstats count AS x | bucket minspan=100 x", baseline: "| makeresults count=50 | streamstats count AS x | bucket x" },
    start: { query: "| makeresults count=5 | streamstats count AS x | bucket bins=2 start=-1000 x", baseline: "| makeresults count=5 | streamstats count AS x | bucket bins=2 x" },
    end: { query: "| makeresults count=5 | streamstats count AS x | bucket bins=2 end=1000 x", baseline: "| makeresults count=5 | streamstats count AS x | bucket bins=2 x" },
    aligntime: { query: "| makeresults | eval _time=1700000123 | bucket span=5m aligntime=1700000110 _time", baseline: "| makeresults | eval _time=1700000123 | bucket span=5m _time" },
  },
  check(node, ctx) {
    const o = checkBin(node, ctx);
    return o ? { ...o, kind: "bucket" } : null;
  },
  plan(cmd) {
    return (input, ctx) => runBin(cmd, input, ctx);
  },
};

/**
 * `[<num>]log[<num>]` (bin reference, <log-span>: "The first number is a coefficient. The second
 * number is the base. If the first number is supplied, it must be a real number >= 1.0 and < base.
 * Base, if supplied, must be real number > 1.0"); base 10 and coefficient 1 by default. Null when
 * the text is no valid log span.
 */
function parseLogSpan(text: string): { coef: number; base: number } | null {
  const m = /^(\d+(?:\.\d+)?)?log(\d+(?:\.\d+)?)?$/i.exec(text.trim());
  if (!m) return null;
  const coef = Number(m[1] ?? 1);
  const base = Number(m[2] ?? 10);
  return base > 1 && coef >= 1 && coef < base ? { coef, base } : null;
}

/** The log bin `<low>-<high>` holding x; a value <= 0 has no log bin and is labelled "0" (docs silent). */
function logBin(x: number, { coef, base }: { coef: number; base: number }): string {
  if (x <= 0) return "0";
  const k = Math.floor(Math.log(x / coef) / Math.log(base) + 1e-12);
  const lo = coef * base ** k;
  return `${formatNumber(lo)}-${formatNumber(lo * base)}`;
}

function runBin(cmd: BinOptions, input: Table, ctx: ExecContext): Table {
  const col = input.column(cmd.field);
  if (!col) return input;
  const log = cmd.logSpan;
  if (log) {
    return input.withColumn(cmd.as ?? cmd.field, col.map((v): Value => {
      const x = v === null ? Number.NaN : toNumber(v);
      return Number.isNaN(x) ? v : logBin(x, log);
    }));
  }
  const isTime = cmd.field === "_time" || (cmd.binSpan !== undefined && cmd.binSpan.kind !== "number");
  const nums = col.map((v) => (v === null ? Number.NaN : toNumber(v)));
  const given = cmd.binSpan;
  const span: BinSpan = given?.kind === "number" && isTime ? { kind: "seconds", seconds: given.size } : (given ?? autoSpan(cmd, nums, isTime));
  const align = cmd.aligntime === undefined ? 0 : (resolveAligntime(cmd.aligntime, ctx) ?? 0);
  const out = col.map((v, r): Value => {
    const x = nums[r] ?? Number.NaN;
    if (v === null || Number.isNaN(x)) return v;
    if (span.kind !== "number") return timeBucket(x, span, align, ctx.fn.tz);
    // Bounds to the span's decimals: 3 × 0.1 is 0.30000000000000004 in binary, the bin "0.3-0.4".
    const p = lsdOfValue(span.size);
    const lo = settleNumber(Math.floor(x / span.size) * span.size, p);
    return `${formatNumber(lo)}-${formatNumber(settleNumber(lo + span.size, p))}`;
  });
  return input.withColumn(cmd.as ?? cmd.field, out);
}

/** The span `bins` (default 100) implies over the data range, never below `minspan`. */
function autoSpan(cmd: BinOptions, nums: readonly number[], isTime: boolean): BinSpan {
  const bins = Math.max(1, cmd.bins ?? 100);
  let lo = cmd.start ?? Number.POSITIVE_INFINITY;
  let hi = cmd.end ?? Number.NEGATIVE_INFINITY;
  for (const x of nums) {
    if (Number.isNaN(x)) continue;
    lo = Math.min(lo, x);
    hi = Math.max(hi, x);
  }
  const range = Number.isFinite(lo) && Number.isFinite(hi) ? hi - lo : 0;
  if (isTime) {
    const min = cmd.minspan ?? 0;
    const step = TIME_STEPS.find((s) => s >= min && range / s <= bins) ?? Math.max(2592000, min);
    return step >= 86400 ? { kind: "days", days: step / 86400 } : { kind: "seconds", seconds: step };
  }
  let size = range <= 0 ? 1 : 10 ** Math.ceil(Math.log10(range / bins));
  while (cmd.minspan !== undefined && size < cmd.minspan) size *= 10;
  return { kind: "number", size };
}
