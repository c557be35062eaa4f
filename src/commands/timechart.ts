/**
 * `timechart [span=<time>] [limit=[top|bottom]N] [useother=] [usenull=] [otherstr=] [nullstr=] [cont=]
 * <aggregate>... [by <field>]` (timechart reference,
 * help.splunk.com/splunk-enterprise/spl-search-reference/9.4/search-commands/timechart): one row per
 * `_time` bucket of `span` seconds, one column per aggregate (named as in stats), or with a split
 * field one column per split value ("each distinct value of the split-by field becomes a series").
 * limit (default 10, 0 = all) keeps the series that rank highest by the sum of their values
 * (agg=sum), the rest is added up in an OTHER column when useother=true (the default); rows with
 * no split value go to a NULL column when usenull=true (the default). With cont=true (the default)
 * empty buckets between the first and last are filled: count gives 0 there, avg etc. no value.
 * Choices where the reference is silent or depends on the time picker: buckets are aligned on
 * multiples of the span since the epoch (UTC); without span= the span is the smallest of
 * 1s,5s,10s,30s,1m,5m,10m,30m,1h,1d,30d (the documented span thresholds) giving at most 100 buckets
 * over the data (bins=100 is the default); series columns are in lexicographic order, OTHER last.
 */
import type { AggregateSpec } from "../ast/commands.js";
import type { TimechartCommand } from "../ast/commands-combine.js";
import { diag } from "../diagnostics/diagnostic.js";
import { bindAggregate } from "../executor/bind-aggregate.js";
import { compileExpr } from "../executor/compile-expr.js";
import { truthy } from "../executor/eval-ops.js";
import type { BoundAggregate } from "../executor/grouping.js";
import { Table } from "../table/table.js";
import type { FnContext } from "../functions/types.js";
import { compareLexical, toList, toNumber, toText, type Atom, type EvalValue, type Value } from "../values/value.js";
import { aggregateSpec, argsOf, boolOption, byFields, readOptions, rejectKinds, textOf } from "./args.js";
import { checkExpr } from "./check-expr.js";
import { parseSpan } from "./span.js";
import type { CommandDef } from "./types.js";

const OPTIONS = ["span", "limit", "useother", "usenull", "otherstr", "nullstr", "cont", "partial", "fixedrange", "bins", "minspan", "agg", "format", "sep", "dedup_splitvals"];
const SPAN_LADDER = [1, 5, 10, 30, 60, 300, 600, 1800, 3600, 86400, 2592000];
const MAX_BUCKETS = 1_000_000;

export const timechart: CommandDef<"timechart"> = {
  kind: "timechart",
  summary: "Aggregates results per _time bucket, optionally one column per value of a split field.",
  usage: "timechart [span=<time>] [limit=<int>] [useother=<bool>] [usenull=<bool>] [cont=<bool>] <aggregate>... [by <field>]",
  examples: ["| makeresults count=3 | timechart span=1h count", '| makeresults | eval host="a" | timechart span=5m count by host'],
  check(node, ctx) {
    rejectKinds(node, ["where"], ctx);
    const opts = readOptions(node, OPTIONS, ctx);
    const aggregates: AggregateSpec[] = [];
    for (const p of argsOf(node, "positional")) {
      const spec = aggregateSpec(p, node, ctx, true);
      if (spec?.evalExpr) checkExpr(spec.evalExpr, ctx);
      if (spec) aggregates.push(spec);
    }
    if (aggregates.length === 0) {
      ctx.report(diag("bad-argument", { command: "timechart", message: "needs an aggregate, e.g. count" }, node.nameSpan));
      return null;
    }
    const by = byFields(node);
    for (const extra of by.slice(1)) ctx.report(diag("bad-argument", { command: "timechart", message: "takes a single split-by field" }, extra.span));
    const spanOpt = opts.get("span");
    const spanText = spanOpt ? textOf(spanOpt.value, node, ctx, "a time span") : null;
    const span = spanText === null ? undefined : parseSpan(spanText) ?? undefined;
    if (spanOpt && span === undefined) ctx.report(diag("bad-argument", { command: "timechart", message: `bad span "${spanText ?? ""}"` }, spanOpt.value.span));
    const limitOpt = opts.get("limit");
    const limitText = limitOpt ? textOf(limitOpt.value, node, ctx, "a limit")?.toLowerCase() ?? "10" : "10";
    const lm = /^(top|bottom)?(\d+)$/.exec(limitText);
    if (!lm) ctx.report(diag("bad-argument", { command: "timechart", message: `limit must be N, topN or bottomN, got "${limitText}"` }, limitOpt?.value.span ?? node.span));
    const text = (key: string, dflt: string) => {
      const o = opts.get(key);
      return (o ? textOf(o.value, node, ctx) : null) ?? dflt;
    };
    return {
      kind: "timechart", aggregates,
      ...(span !== undefined ? { bucketSpan: span } : {}),
      ...(by[0] ? { by: by[0].name } : {}),
      limit: lm ? Number(lm[2]) : 10,
      bottom: lm?.[1] === "bottom",
      useother: boolOption(opts.get("useother"), node, ctx, true),
      usenull: boolOption(opts.get("usenull"), node, ctx, true),
      otherstr: text("otherstr", "OTHER"),
      nullstr: text("nullstr", "NULL"),
      cont: boolOption(opts.get("cont"), node, ctx, true),
      span: node.span,
    } satisfies TimechartCommand;
  },
  plan(cmd) {
    return (input, ctx) => chart(input, cmd, ctx.fn);
  },
};

type Cells = Map<number, Map<string, unknown[]>>;

function chart(input: Table, cmd: TimechartCommand, fn: FnContext): Table {
  const aggs = bind(input, cmd.aggregates, fn);
  const times = Array.from({ length: input.length }, (_, r) => toNumber(input.get("_time", r)));
  const valid = times.filter((t) => Number.isFinite(t));
  if (valid.length === 0) return Table.empty();
  const lo = valid.reduce((a, b) => Math.min(a, b));
  const hi = valid.reduce((a, b) => Math.max(a, b));
  const span = cmd.bucketSpan ?? SPAN_LADDER.find((s) => (Math.floor(hi / s) - Math.floor(lo / s)) < 100) ?? 2592000;
  const bucketOf = (t: number) => Math.floor(t / span) * span;
  const seriesOf = (r: number): string[] => {
    if (cmd.by === undefined) return [""];
    const vals = toList(input.get(cmd.by, r)).map((v) => toText(v) ?? "");
    return vals.length ? vals : cmd.usenull ? [cmd.nullstr] : [];
  };
  const cells: Cells = new Map();
  const feed = (b: number, s: string, r: number) => {
    let row = cells.get(b);
    if (!row) cells.set(b, (row = new Map()));
    let st = row.get(s);
    if (!st) row.set(s, (st = aggs.map((a) => a.init())));
    aggs.forEach((a, i) => a.add((st as unknown[])[i], r));
  };
  for (let r = 0; r < input.length; r++) {
    const t = times[r] as number;
    if (!Number.isFinite(t)) continue;
    for (const s of seriesOf(r)) feed(bucketOf(t), s, r);
  }
  let series = [...new Set([...cells.values()].flatMap((m) => [...m.keys()]))];
  let other = false;
  if (cmd.by !== undefined && cmd.limit > 0 && series.length > cmd.limit) {
    const kept = rank(series, cells, aggs[0] as BoundAggregate, cmd.bottom).slice(0, cmd.limit);
    const dropped = new Set(series.filter((s) => !kept.includes(s)));
    for (const row of cells.values()) for (const s of dropped) row.delete(s);
    series = kept;
    if (cmd.useother) {
      other = true;
      for (let r = 0; r < input.length; r++) {
        const t = times[r] as number;
        if (Number.isFinite(t) && seriesOf(r).some((s) => dropped.has(s))) feed(bucketOf(t), cmd.otherstr, r);
      }
    }
  }
  series.sort(compareLexical);
  if (other) series.push(cmd.otherstr);
  return toTable(cells, series, aggs, cmd, span, bucketOf(lo), bucketOf(hi));
}

function bind(input: Table, specs: readonly AggregateSpec[], fn: FnContext): BoundAggregate[] {
  const time = (r: number) => toNumber(input.get("_time", r));
  return specs.map((a) => {
    if (a.evalExpr) {
      const f = compileExpr(a.evalExpr, input, fn);
      return bindAggregate(a, (r) => atoms(f(r)), time, (r) => truthy(f(r)));
    }
    const field = a.field;
    return bindAggregate(a, field === null ? null : (r) => toList(input.get(field, r)), time);
  });
}

function atoms(v: EvalValue): Atom[] {
  return typeof v === "boolean" ? [] : toList(v);
}

/** Series names ordered by the sum of the first aggregate over all buckets (descending, or ascending for bottom). */
function rank(series: string[], cells: Cells, agg: BoundAggregate, bottom: boolean): string[] {
  const score = new Map(series.map((s) => [s, 0]));
  for (const row of cells.values()) {
    for (const [s, st] of row) {
      const v = toNumber(agg.result(st[0]));
      if (Number.isFinite(v)) score.set(s, (score.get(s) ?? 0) + v);
    }
  }
  return [...series].sort((a, b) => (bottom ? 1 : -1) * ((score.get(a) ?? 0) - (score.get(b) ?? 0)) || compareLexical(a, b));
}

function toTable(cells: Cells, series: readonly string[], aggs: readonly BoundAggregate[], cmd: TimechartCommand, span: number, first: number, last: number): Table {
  let buckets = [...cells.keys()].sort((a, b) => a - b);
  if (cmd.cont && (last - first) / span <= MAX_BUCKETS) {
    buckets = [];
    for (let b = first; b <= last; b += span) buckets.push(b);
  }
  const columns: { name: string; series: string; agg: number }[] = [];
  for (const s of series) {
    aggs.forEach((a, i) => {
      const name = cmd.by === undefined ? a.spec.as : aggs.length === 1 ? s : `${a.spec.as}: ${s}`;
      columns.push({ name, series: s, agg: i });
    });
  }
  const names = ["_time", ...columns.map((c) => c.name)];
  const cols = new Map<string, Value[]>([["_time", buckets]]);
  for (const c of columns) {
    const agg = aggs[c.agg] as BoundAggregate;
    cols.set(c.name, buckets.map((b) => {
      const st = cells.get(b)?.get(c.series);
      return agg.result(st ? st[c.agg] : agg.init());
    }));
  }
  return Table.fromColumns(names, cols, buckets.length);
}
