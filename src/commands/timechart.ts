/**
 * `timechart [span=<time>] [bins=<n>] [minspan=<time>] [aligntime=<time>] [limit=[top|bottom]N] [agg=<fn>]
 * [useother=] [usenull=] [otherstr=] [nullstr=] [cont=] [format=|sep=] [dedup_splitvals=]
 * <aggregate>... [by <field>]` (timechart reference,
 * help.splunk.com/splunk-enterprise/spl-search-reference/9.4/search-commands/timechart): one row per
 * `_time` bucket of `span` seconds, one column per aggregate (named as in stats), or with a split
 * field one column per split value ("each distinct value of the split-by field becomes a series").
 * The split options (limit, agg, useother, usenull, otherstr, nullstr, format, sep,
 * dedup_splitvals) are chart's too and live in split-series.ts, as does the `by <field> where <agg>
 * …` series filter (series-filter.ts). With cont=true (the default) empty buckets between the
 * first and last are filled: count gives 0 there, avg etc. no value.
 * Without span= the span is the smallest of the documented span thresholds (1s, 5s, 10s, 30s, 1m,
 * 5m, 10m, 30m, 1h, 1d, 30d) that is at least `minspan` ("the span that is used for the search
 * must be equal to or greater than one of the span threshold values") and gives at most `bins`
 * buckets over the data (bins default 100: "It guarantees that there are no more than this number
 * of bins").
 * Besides aggregates it takes eval expressions over aggregates (`eval(avg(CPU) * avg(MEM))`, see
 * chart-eval.ts) and the per-time-unit functions: "per_hour() converts the field value so that it
 * is a rate per hour, or sum()/<hours in the span>. If your chart span ends up being 30m, it is
 * sum()*2".
 * Buckets are bin's (time-buckets.ts: "The bin command is automatically called by the chart and
 * the timechart commands"): s/m/h spans from epoch 0 or from `aligntime=` (earliest, latest or a
 * time such as basic example 7's `@d+5h`), d/w spans from local midnight, mon/q/y spans from the
 * first of the month, and the snap-to week span of extended example 3 (`span=w@w1`).
 * `span=`/`bins=`/`start=`/`end=` written after the split-by field bin that field, as chart's do (Usage, Split-by
 * fields; span options: "The log-span option must come at the end of the timechart command").
 * Choices where the reference depends on the time picker: buckets span the data, not the search's
 * time range, so `partial` and `fixedrange` (which are about that range) are reported as not
 * supported. per_* rates over month buckets count a month as 30 days.
 */
import type { TimechartCommand } from "../ast/commands-combine.js";
import type { TimeBucketSpan } from "../ast/commands-report.js";
import { diag } from "../diagnostics/diagnostic.js";
import type { BoundAggregate } from "../executor/grouping.js";
import { Table } from "../table/table.js";
import { toNumber, type Value } from "../values/value.js";
import { argsOf, boolOption, byFields, intValue, readOptions, textOf } from "./args.js";
import { readChartBins, splitValues } from "./chart-bins.js";
import { columnAggregate, readColumns } from "./chart-eval.js";
import { parseBinSpan } from "./bin.js";
import { isAligntime, nextBucket, parseSnapSpan, resolveAligntime, spanSeconds, timeBucket } from "./time-buckets.js";
import { SPLIT_OPTIONS, bindAggregates, pivot, readSplitOptions, seriesColumns, splitReader } from "./split-series.js";
import type { CommandDef, ExecContext } from "./types.js";

const OPTIONS = ["span", "cont", "bins", "minspan", "aligntime", "start", "end", ...SPLIT_OPTIONS];
const UNSUPPORTED = {
  partial: "it trims bins at the edges of the search's time range, which timechart is not given; buckets span the data",
  fixedrange: "it extends buckets to the search's time range, which timechart is not given; buckets span the data (as fixedrange=false)",
};
/** The bin options that, written after the split-by field, bin it instead of the time axis. */
const SPLIT_BINS = ["span", "bins", "start", "end"];
const SPAN_LADDER = [1, 5, 10, 30, 60, 300, 600, 1800, 3600, 86400, 2592000];
const MAX_BUCKETS = 1_000_000;
const SRC = "makeresults count=4 | streamstats count AS n | eval _time=n*600, host=if(n<3, \"a\", \"b\")";

export const timechart: CommandDef<"timechart"> = {
  kind: "timechart",
  summary: "Aggregates results per _time bucket, optionally one column per value of a split field.",
  usage: "timechart [span=<time>|<n>w@w<0-7>] [bins=<n>] [minspan=<time>] [aligntime=earliest|latest|<time>] [limit=[top|bottom]<int>] [agg=<fn>] [useother=<bool>] [usenull=<bool>] [otherstr=<s>] [nullstr=<s>] [cont=<bool>] [format=<s>|sep=<s>] [dedup_splitvals=<bool>] <aggregate>... [by <field> [span=|bins=|start=|end=]...]",
  examples: ["| makeresults count=3 | timechart span=1h count", '| makeresults | eval host="a" | timechart span=5m count by host'],
  options: {
    span: { query: `| ${SRC} | timechart span=20m count`, baseline: `| ${SRC} | timechart count` },
    cont: { query: `| ${SRC} | where n!=2 | timechart span=10m cont=false count`, baseline: `| ${SRC} | where n!=2 | timechart span=10m count` },
    bins: { query: `| ${SRC} | timechart bins=2 count`, baseline: `| ${SRC} | timechart count` },
    minspan: { query: `| ${SRC} | timechart minspan=15m count`, baseline: `| ${SRC} | timechart count` },
    aligntime: { query: `| ${SRC} | timechart span=20m aligntime=300 count`, baseline: `| ${SRC} | timechart span=20m count` },
    start: { query: `| ${SRC} | timechart span=1h count by n bins=2 start=-100`, baseline: `| ${SRC} | timechart span=1h count by n bins=2` },
    end: { query: `| ${SRC} | timechart span=1h count by n bins=2 end=1000`, baseline: `| ${SRC} | timechart span=1h count by n bins=2` },
    limit: { query: `| ${SRC} | timechart span=1h limit=1 count by host`, baseline: `| ${SRC} | timechart span=1h count by host` },
    agg: {
      query: `| ${SRC} | eval host=if(n<4, "a", "b") | timechart span=10m limit=1 agg=max sum(n) by host`,
      baseline: `| ${SRC} | eval host=if(n<4, "a", "b") | timechart span=10m limit=1 sum(n) by host`,
    },
    useother: { query: `| ${SRC} | timechart span=1h limit=1 useother=f count by host`, baseline: `| ${SRC} | timechart span=1h limit=1 count by host` },
    usenull: { query: `| ${SRC} | eval host=if(n=1, null(), host) | timechart span=1h usenull=f count by host`, baseline: `| ${SRC} | eval host=if(n=1, null(), host) | timechart span=1h count by host` },
    otherstr: { query: `| ${SRC} | timechart span=1h limit=1 otherstr=rest count by host`, baseline: `| ${SRC} | timechart span=1h limit=1 count by host` },
    nullstr: { query: `| ${SRC} | eval host=if(n=1, null(), host) | timechart span=1h nullstr=none count by host`, baseline: `| ${SRC} | eval host=if(n=1, null(), host) | timechart span=1h count by host` },
    format: { query: `| ${SRC} | timechart span=1h format="$VAL$-$AGG$" count max(n) by host`, baseline: `| ${SRC} | timechart span=1h count max(n) by host` },
    sep: { query: `| ${SRC} | timechart span=1h sep=_ count max(n) by host`, baseline: `| ${SRC} | timechart span=1h count max(n) by host` },
    dedup_splitvals: {
      query: `| ${SRC} | eval host=mvappend(host, host) | timechart span=1h dedup_splitvals=t count by host`,
      baseline: `| ${SRC} | eval host=mvappend(host, host) | timechart span=1h count by host`,
    },
  },
  check(node, ctx) {
    const opts = readOptions(node, OPTIONS, ctx, UNSUPPORTED);
    const by = byFields(node);
    // Usage, Split-by fields: "If you specify these arguments after the split-by field, Splunk
    // software assumes that you want to control the bins on the split-by field, not on the time axis."
    const splitEnd = by[0]?.span.end;
    const splitBinArgs = splitEnd === undefined ? [] : argsOf(node, "option").filter((o) => SPLIT_BINS.includes(o.key.toLowerCase()) && o.span.start > splitEnd);
    const timeOpt = (key: string) => argsOf(node, "option").find((o) => o.key.toLowerCase() === key && !splitBinArgs.includes(o) && opts.has(key));
    const byBins = readChartBins(node, splitBinArgs, ctx);
    // <start-end>: "Sets the minimum and maximum extents for numerical bins": the time axis has none.
    for (const o of argsOf(node, "option")) {
      const key = o.key.toLowerCase();
      if ((key === "start" || key === "end") && !splitBinArgs.includes(o)) {
        ctx.report(diag("bad-argument", { command: "timechart", message: `${key}= sets the extent of numerical bins: write it after the split-by field (by size bins=10 ${key}=…)` }, o.keySpan));
      }
    }
    const columns = readColumns(node, argsOf(node, "positional"), ctx, by.length > 0, true);
    if (columns === null) return null;
    const aggregates = columns.flatMap((c) => (c.kind === "eval" ? c.parts : [c.spec]));
    for (const extra of by.slice(1)) ctx.report(diag("bad-argument", { command: "timechart", message: "takes a single split-by field" }, extra.span));
    const spanOf = (key: string): TimeBucketSpan | undefined => {
      const o = timeOpt(key);
      if (!o) return undefined;
      const t = textOf(o.value, node, ctx, "a time span");
      if (t === null) return undefined;
      const snap = key === "span" ? parseSnapSpan(t) : null;
      if (typeof snap === "string") ctx.report(diag("bad-argument", { command: "timechart", message: snap }, o.value.span));
      const v = snap ?? parseBinSpan(t);
      if (v === null) ctx.report(diag("bad-argument", { command: "timechart", message: `bad ${key} "${t}": use <int>[s|m|h|d|w|mon|q|y|ms|us|cs|ds] or w@w<0-7>` }, o.value.span));
      return typeof v === "string" || v === null ? undefined : v;
    };
    const span = spanOf("span");
    const minspanSpan = spanOf("minspan");
    const minspan = minspanSpan === undefined ? undefined : spanSeconds(minspanSpan);
    const alignOpt = opts.get("aligntime");
    const aligntime = alignOpt ? textOf(alignOpt.value, node, ctx, "a time") : null;
    if (alignOpt && aligntime !== null && !isAligntime(aligntime)) {
      ctx.report(diag("bad-argument", { command: "timechart", message: `bad aligntime "${aligntime}": use earliest, latest, an epoch time or a time modifier such as @d+5h` }, alignOpt.value.span));
    }
    const binsOpt = timeOpt("bins");
    const bins = binsOpt ? intValue(binsOpt.value, node, ctx, "bins") ?? 100 : 100;
    if (bins < 1) ctx.report(diag("bad-argument", { command: "timechart", message: "bins must be at least 1" }, binsOpt?.value.span ?? node.span));
    return {
      kind: "timechart", aggregates,
      ...(span !== undefined ? { bucketSpan: span } : {}),
      ...(minspan !== undefined ? { minspan } : {}),
      ...(aligntime !== null && alignOpt ? { aligntime } : {}),
      ...(columns.some((c) => c.kind !== "agg") ? { columns } : {}),
      ...(by[0] ? { by: by[0].name } : {}),
      ...(byBins ? { byBins } : {}),
      ...readSplitOptions(node, opts, ctx),
      bins: Math.max(1, bins),
      cont: boolOption(opts.get("cont"), node, ctx, true),
      span: node.span,
    } satisfies TimechartCommand;
  },
  plan(cmd) {
    return (input, ctx) => chart(input, cmd, ctx);
  },
};

function chart(input: Table, cmd: TimechartCommand, ctx: ExecContext): Table {
  const fn = ctx.fn;
  const times = Array.from({ length: input.length }, (_, r) => toNumber(input.get("_time", r)));
  const valid = times.filter((t) => Number.isFinite(t));
  if (valid.length === 0) return Table.empty();
  const lo = valid.reduce((a, b) => Math.min(a, b));
  const hi = valid.reduce((a, b) => Math.max(a, b));
  const span = cmd.bucketSpan ?? autoSpan(lo, hi, cmd);
  const align = cmd.aligntime === undefined ? 0 : (resolveAligntime(cmd.aligntime, ctx) ?? 0);
  const columns = cmd.columns ?? cmd.aggregates.map((spec) => ({ kind: "agg" as const, spec }));
  const rates = new Set(columns.flatMap((c) => (c.kind === "rate" ? [c.spec] : [])));
  const bound = bindAggregates(input, cmd.aggregates, fn, rates);
  const bySpec = new Map(cmd.aggregates.map((s, i) => [s, bound[i] as BoundAggregate]));
  const aggs = columns.map((c) => columnAggregate(c, bySpec, fn, spanSeconds(span)));
  const bucketOf = (t: number) => timeBucket(t, span, align, fn.tz);
  const split = cmd.by === undefined ? null : splitReader(cmd.byBins ? splitValues(input, { field: cmd.by, bins: cmd.byBins }, ctx) : input.column(cmd.by), cmd);
  const keyOf = new Map<number, readonly string[]>();
  const p = pivot(input.length, aggs, (r) => {
    const t = times[r] as number;
    if (!Number.isFinite(t)) return [];
    const b = bucketOf(t);
    let k = keyOf.get(b);
    if (!k) keyOf.set(b, (k = [String(b)]));
    return k;
  }, split, cmd);
  const next = (b: number) => nextBucket(b, span, fn.tz);
  return toTable(p, aggs, cmd, next, bucketOf(lo), bucketOf(hi));
}

/** The smallest span threshold ≥ minspan giving at most `bins` buckets over [lo, hi]; a day or more in local days, as bin's. */
function autoSpan(lo: number, hi: number, cmd: TimechartCommand): TimeBucketSpan {
  const ladder = SPAN_LADDER.filter((s) => s >= (cmd.minspan ?? 0));
  const fits = ladder.find((s) => Math.floor(hi / s) - Math.floor(lo / s) + 1 <= cmd.bins);
  const s = fits ?? ladder[ladder.length - 1] ?? cmd.minspan ?? 2592000;
  return s >= 86400 ? { kind: "days", days: s / 86400 } : { kind: "seconds", seconds: s };
}

function toTable(p: ReturnType<typeof pivot>, aggs: readonly BoundAggregate[], cmd: TimechartCommand, next: (b: number) => number, first: number, last: number): Table {
  let buckets = [...p.cells.keys()].map(Number).sort((a, b) => a - b);
  if (cmd.cont) {
    const filled: number[] = [];
    for (let b = first; b <= last && filled.length <= MAX_BUCKETS; b = next(b)) filled.push(b);
    if (filled.length <= MAX_BUCKETS) buckets = filled;
  }
  const { names, cols } = seriesColumns(p, buckets.map(String), aggs, cmd.by !== undefined, cmd.format);
  // "In timechart searches that include a split-by-clause, when search results include a field
  // name that begins with a leading underscore ( _ ), Splunk software prepends the field name with
  // VALUE" (Usage, 'Prepending VALUE…'): a series `_audit` is the column VALUE_audit.
  const shown = (n: string) => (cmd.by !== undefined && n.startsWith("_") ? `VALUE${n}` : n);
  const all = new Map<string, Value[]>([["_time", buckets], ...[...cols].map(([n, c]): [string, Value[]] => [shown(n), c])]);
  return Table.fromColumns(["_time", ...names.map(shown).filter((n) => n !== "_time")], all, buckets.length);
}
