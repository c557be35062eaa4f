/**
 * `timechart [span=<time>] [bins=<n>] [minspan=<time>] [limit=[top|bottom]N] [agg=<fn>]
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
 * Choices where the reference depends on the time picker: buckets are aligned on multiples of the
 * span since the epoch (UTC) and span the data, not the search's time range, so `partial` and
 * `fixedrange` (which are about that range) are reported as not supported.
 */
import type { TimechartCommand } from "../ast/commands-combine.js";
import { diag } from "../diagnostics/diagnostic.js";
import type { BoundAggregate } from "../executor/grouping.js";
import { Table } from "../table/table.js";
import type { FnContext } from "../functions/types.js";
import { toNumber, type Value } from "../values/value.js";
import { argsOf, boolOption, byFields, intValue, readOptions, textOf } from "./args.js";
import { columnAggregate, readColumns } from "./chart-eval.js";
import { parseSpan } from "./span.js";
import { SPLIT_OPTIONS, bindAggregates, pivot, readSplitOptions, seriesColumns, splitReader } from "./split-series.js";
import type { CommandDef } from "./types.js";

const OPTIONS = ["span", "cont", "bins", "minspan", ...SPLIT_OPTIONS];
const UNSUPPORTED = {
  partial: "it trims bins at the edges of the search's time range, which timechart is not given; buckets span the data",
  fixedrange: "it extends buckets to the search's time range, which timechart is not given; buckets span the data (as fixedrange=false)",
  aligntime: "buckets always start at multiples of the span from epoch 0 (basic example 7's @d+5h alignment is not implemented)",
};
const SPAN_LADDER = [1, 5, 10, 30, 60, 300, 600, 1800, 3600, 86400, 2592000];
const MAX_BUCKETS = 1_000_000;
const SRC = "makeresults count=4 | streamstats count AS n | eval _time=n*600, host=if(n<3, \"a\", \"b\")";

export const timechart: CommandDef<"timechart"> = {
  kind: "timechart",
  summary: "Aggregates results per _time bucket, optionally one column per value of a split field.",
  usage: "timechart [span=<time>] [bins=<n>] [minspan=<time>] [limit=[top|bottom]<int>] [agg=<fn>] [useother=<bool>] [usenull=<bool>] [otherstr=<s>] [nullstr=<s>] [cont=<bool>] [format=<s>|sep=<s>] [dedup_splitvals=<bool>] <aggregate>... [by <field>]",
  examples: ["| makeresults count=3 | timechart span=1h count", '| makeresults | eval host="a" | timechart span=5m count by host'],
  options: {
    span: { query: `| ${SRC} | timechart span=20m count`, baseline: `| ${SRC} | timechart count` },
    cont: { query: `| ${SRC} | where n!=2 | timechart span=10m cont=false count`, baseline: `| ${SRC} | where n!=2 | timechart span=10m count` },
    bins: { query: `| ${SRC} | timechart bins=2 count`, baseline: `| ${SRC} | timechart count` },
    minspan: { query: `| ${SRC} | timechart minspan=15m count`, baseline: `| ${SRC} | timechart count` },
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
    const columns = readColumns(node, argsOf(node, "positional"), ctx, by.length > 0, true);
    if (columns === null) return null;
    const aggregates = columns.flatMap((c) => (c.kind === "eval" ? c.parts : [c.spec]));
    for (const extra of by.slice(1)) ctx.report(diag("bad-argument", { command: "timechart", message: "takes a single split-by field" }, extra.span));
    const seconds = (key: string): number | undefined => {
      const o = opts.get(key);
      if (!o) return undefined;
      const t = textOf(o.value, node, ctx, "a time span");
      const v = t === null ? null : parseSpan(t);
      if (v === null) ctx.report(diag("bad-argument", { command: "timechart", message: `bad ${key} "${t ?? ""}"` }, o.value.span));
      return v ?? undefined;
    };
    const span = seconds("span");
    const minspan = seconds("minspan");
    const binsOpt = opts.get("bins");
    const bins = binsOpt ? intValue(binsOpt.value, node, ctx, "bins") ?? 100 : 100;
    if (bins < 1) ctx.report(diag("bad-argument", { command: "timechart", message: "bins must be at least 1" }, binsOpt?.value.span ?? node.span));
    return {
      kind: "timechart", aggregates,
      ...(span !== undefined ? { bucketSpan: span } : {}),
      ...(minspan !== undefined ? { minspan } : {}),
      ...(columns.some((c) => c.kind !== "agg") ? { columns } : {}),
      ...(by[0] ? { by: by[0].name } : {}),
      ...readSplitOptions(node, opts, ctx),
      bins: Math.max(1, bins),
      cont: boolOption(opts.get("cont"), node, ctx, true),
      span: node.span,
    } satisfies TimechartCommand;
  },
  plan(cmd) {
    return (input, ctx) => chart(input, cmd, ctx.fn);
  },
};

function chart(input: Table, cmd: TimechartCommand, fn: FnContext): Table {
  const times = Array.from({ length: input.length }, (_, r) => toNumber(input.get("_time", r)));
  const valid = times.filter((t) => Number.isFinite(t));
  if (valid.length === 0) return Table.empty();
  const lo = valid.reduce((a, b) => Math.min(a, b));
  const hi = valid.reduce((a, b) => Math.max(a, b));
  const span = cmd.bucketSpan ?? autoSpan(lo, hi, cmd);
  const columns = cmd.columns ?? cmd.aggregates.map((spec) => ({ kind: "agg" as const, spec }));
  const rates = new Set(columns.flatMap((c) => (c.kind === "rate" ? [c.spec] : [])));
  const bound = bindAggregates(input, cmd.aggregates, fn, rates);
  const bySpec = new Map(cmd.aggregates.map((s, i) => [s, bound[i] as BoundAggregate]));
  const aggs = columns.map((c) => columnAggregate(c, bySpec, fn, span));
  const bucketOf = (t: number) => Math.floor(t / span) * span;
  const split = cmd.by === undefined ? null : splitReader(input.column(cmd.by), cmd);
  const keyOf = new Map<number, readonly string[]>();
  const p = pivot(input.length, aggs, (r) => {
    const t = times[r] as number;
    if (!Number.isFinite(t)) return [];
    const b = bucketOf(t);
    let k = keyOf.get(b);
    if (!k) keyOf.set(b, (k = [String(b)]));
    return k;
  }, split, cmd);
  return toTable(p, aggs, cmd, span, bucketOf(lo), bucketOf(hi));
}

/** The smallest span threshold ≥ minspan giving at most `bins` buckets over [lo, hi]. */
function autoSpan(lo: number, hi: number, cmd: TimechartCommand): number {
  const ladder = SPAN_LADDER.filter((s) => s >= (cmd.minspan ?? 0));
  const fits = ladder.find((s) => Math.floor(hi / s) - Math.floor(lo / s) + 1 <= cmd.bins);
  return fits ?? ladder[ladder.length - 1] ?? cmd.minspan ?? 2592000;
}

function toTable(p: ReturnType<typeof pivot>, aggs: readonly BoundAggregate[], cmd: TimechartCommand, span: number, first: number, last: number): Table {
  let buckets = [...p.cells.keys()].map(Number).sort((a, b) => a - b);
  if (cmd.cont && (last - first) / span <= MAX_BUCKETS) {
    buckets = [];
    for (let b = first; b <= last; b += span) buckets.push(b);
  }
  const { names, cols } = seriesColumns(p, buckets.map(String), aggs, cmd.by !== undefined, cmd.format);
  // "In timechart searches that include a split-by-clause, when search results include a field
  // name that begins with a leading underscore ( _ ), Splunk software prepends the field name with
  // VALUE" (Usage, 'Prepending VALUE…'): a series `_audit` is the column VALUE_audit.
  const shown = (n: string) => (cmd.by !== undefined && n.startsWith("_") ? `VALUE${n}` : n);
  const all = new Map<string, Value[]>([["_time", buckets], ...[...cols].map(([n, c]): [string, Value[]] => [shown(n), c])]);
  return Table.fromColumns(["_time", ...names.map(shown).filter((n) => n !== "_time")], all, buckets.length);
}
