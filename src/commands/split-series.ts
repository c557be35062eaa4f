/**
 * Splitting aggregates into one column per value of a split field, shared by `chart` (its
 * column-split) and `timechart` (its split-by field). Both reference pages describe the same
 * options (help.splunk.com/splunk-enterprise/spl-search-reference/9.4/search-commands/chart and
 * …/timechart): `limit=[top|bottom]N` keeps the N series that rank highest (or lowest) by `agg`
 * (default sum) over their cells — "When you set limit=N the top or bottom N values are retained,
 * based on the sum of each series. If limit=0, all results are returned" — the rest is added up in
 * an OTHER column (`useother`, `otherstr`), results without a split value go to a NULL column
 * (`usenull`, `nullstr`), and with several aggregates a column is named by `format` ($AGG$,
 * $VAL$) or `$AGG$<sep>$VAL$` (default sep ": "). `dedup_splitvals=true` counts a result once per
 * distinct value of a multivalue split field ("Specifies whether to remove duplicate values in
 * multivalued BY clause fields"). With several aggregates limit= ranks by frequency instead —
 * timechart page: "If multiple aggregations are specified, the score is based on the frequency of
 * each value of <field>"; ties go lexicographically ("Ties in scoring are broken lexicographically").
 * Choices where the pages are silent: series columns come in lexicographic order, then NULL, then
 * OTHER; OTHER re-aggregates the dropped series' results (for count and sum that is their sum).
 */
import type { AggregateSpec } from "../ast/commands.js";
import type { SplitOptions } from "../ast/commands-report.js";
import type { CommandNode } from "../ast/nodes.js";
import { lookupAggregate } from "../aggregates/registry.js";
import { diag } from "../diagnostics/diagnostic.js";
import { bindAggregate } from "../executor/bind-aggregate.js";
import { compileExpr } from "../executor/compile-expr.js";
import { truthy } from "../executor/eval-ops.js";
import type { BoundAggregate } from "../executor/grouping.js";
import type { FnContext } from "../functions/types.js";
import type { Table } from "../table/table.js";
import { compareLexical, toList, toNumber, toText, type Atom, type EvalValue, type Value } from "../values/value.js";
import { boolOption, textOf, type OptionArg } from "./args.js";
import { filterSeries, readSeriesFilter } from "./series-filter.js";
import type { CheckContext } from "./types.js";

/** The option names readSplitOptions reads (each command adds its own). */
export const SPLIT_OPTIONS = ["limit", "useother", "usenull", "otherstr", "nullstr", "agg", "format", "sep", "dedup_splitvals"];

/** The functions `agg=` may rank series by (the where-clause's <agg-stats> list). */
const RANK_FNS = ["avg", "count", "dc", "max", "mean", "median", "min", "mode", "range", "stdev", "stdevp", "sum", "sumsq", "var", "varp"];

export function readSplitOptions(node: CommandNode, opts: ReadonlyMap<string, OptionArg>, ctx: CheckContext): SplitOptions {
  const text = (key: string): string | null => {
    const o = opts.get(key);
    return o ? textOf(o.value, node, ctx) : null;
  };
  const limitOpt = opts.get("limit");
  const limitText = text("limit")?.toLowerCase() ?? "10";
  const lm = /^(top|bottom)?(\d+)$/.exec(limitText);
  if (!lm) ctx.report(diag("bad-argument", { command: node.name, message: `limit must be N, topN or bottomN, got "${limitText}"` }, limitOpt?.value.span ?? node.span));
  const aggOpt = opts.get("agg");
  let rankFn = "sum";
  if (aggOpt) {
    const t = aggOpt.value.kind === "word" ? aggOpt.value.text.toLowerCase() : "";
    if (RANK_FNS.includes(t)) rankFn = t === "mean" ? "avg" : t;
    else ctx.report(diag("bad-argument", { command: node.name, message: `agg= takes the function series are ranked by: ${RANK_FNS.join(", ")}` }, aggOpt.value.span));
  }
  const filter = readSeriesFilter(node, RANK_FNS, ctx);
  const where = filter ? { where: filter } : {};
  const sep = text("sep");
  const format = text("format") ?? (sep !== null ? `$AGG$${sep}$VAL$` : "$AGG$: $VAL$");
  return {
    limit: lm ? Number(lm[2]) : 10,
    bottom: lm?.[1] === "bottom",
    useother: boolOption(opts.get("useother"), node, ctx, true),
    usenull: boolOption(opts.get("usenull"), node, ctx, true),
    otherstr: text("otherstr") ?? "OTHER",
    nullstr: text("nullstr") ?? "NULL",
    rankFn, format,
    dedupSplitvals: boolOption(opts.get("dedup_splitvals"), node, ctx, false),
    ...where,
  };
}

/**
 * Binds each aggregate to the input (a `count(eval(…))`-style argument compiled once). `rates` are
 * the sums behind per_* functions, which read a true/false eval argument as 1/0.
 */
export function bindAggregates(input: Table, specs: readonly AggregateSpec[], fn: FnContext, rates?: ReadonlySet<AggregateSpec>): BoundAggregate[] {
  const time = (r: number) => toNumber(input.get("_time", r));
  return specs.map((a) => {
    if (a.evalExpr) {
      const f = compileExpr(a.evalExpr, input, fn);
      // timechart extended example 5, `per_hour(eval(method="GET")) AS Views`, shows a rate of the
      // results where the test holds: a per_* function reads a true test as 1, a false one as 0.
      const rate = rates?.has(a) ?? false;
      return bindAggregate(a, (r) => atoms(f(r), rate), time, (r) => truthy(f(r)));
    }
    const field = a.field;
    return bindAggregate(a, field === null ? null : (r) => toList(input.get(field, r)), time);
  });
}

function atoms(v: EvalValue, boolAsNumber: boolean): Atom[] {
  if (typeof v === "boolean") return boolAsNumber ? [v ? 1 : 0] : [];
  return toList(v);
}

/**
 * The keys (texts) of a column's values per row: [] for null, one per value of a multivalue
 * field (once each with `dedup`). One list per distinct single value, so a column of repeated
 * values allocates nothing per row. `atoms` records the first value seen for each key.
 */
export function valueKeys(col: readonly Value[] | undefined, dedup: boolean, atoms?: Map<string, Atom>): (r: number) => readonly string[] {
  const single = new Map<Atom, readonly string[]>();
  const note = (a: Atom, k: string) => {
    if (atoms && !atoms.has(k)) atoms.set(k, a);
    return k;
  };
  return (r) => {
    const v = col?.[r] ?? null;
    if (v === null) return [];
    if (!Array.isArray(v)) {
      let hit = single.get(v as Atom);
      if (!hit) single.set(v as Atom, (hit = [note(v as Atom, toText(v) ?? "")]));
      return hit;
    }
    const keys = toList(v).map((a) => note(a, toText(a) ?? ""));
    return dedup ? [...new Set(keys)] : keys;
  };
}

/** The series a result feeds: its split values as text, NULL when it has none (usenull). */
export function splitReader(col: readonly Value[] | undefined, opts: SplitOptions): (r: number) => readonly string[] {
  const none: readonly string[] = opts.usenull ? [opts.nullstr] : [];
  const keys = valueKeys(col, opts.dedupSplitvals);
  return (r) => {
    const k = keys(r);
    return k.length === 0 ? none : k;
  };
}

/** The single series of a result when there is no split field. */
const ONE_SERIES: readonly string[] = [""];

/** Row key → series → one state per aggregate. */
export type Cells = Map<string, Map<string, unknown[]>>;

export interface Pivot {
  readonly cells: Cells;
  /** The series columns, in output order (OTHER last); [""] without a split field. */
  readonly series: readonly string[];
}

/**
 * Feeds every result into its (row key, series) cells, then applies limit/useother. Without a
 * split reader every result feeds the single series "".
 */
export function pivot(
  length: number, aggs: readonly BoundAggregate[], rowKeys: (r: number) => readonly string[],
  split: ((r: number) => readonly string[]) | null, opts: SplitOptions,
): Pivot {
  const cells: Cells = new Map();
  const feed = (k: string, s: string, r: number) => {
    let row = cells.get(k);
    if (!row) cells.set(k, (row = new Map()));
    let st = row.get(s);
    if (!st) row.set(s, (st = aggs.map((a) => a.init())));
    for (let i = 0; i < aggs.length; i++) (aggs[i] as BoundAggregate).add(st[i], r);
  };
  const seriesOf = split ?? (() => ONE_SERIES);
  // How many results carry each series value: the limit= score with several aggregates.
  const freq = new Map<string, number>();
  for (let r = 0; r < length; r++) {
    const keys = rowKeys(r);
    if (keys.length === 0) continue;
    const ss = seriesOf(r);
    for (const s of new Set(ss)) freq.set(s, (freq.get(s) ?? 0) + 1);
    for (const k of keys) for (const s of ss) feed(k, s, r);
  }
  let series = [...new Set([...cells.values()].flatMap((m) => [...m.keys()]))];
  let other = false;
  const first = aggs[0];
  const kept = !split || !first ? null
    : opts.where ? filterSeries(series, cells, first, opts.where)
    : opts.limit > 0 && series.length > opts.limit
      ? (aggs.length > 1 ? rankByFrequency(series, freq, opts.bottom) : rankSeries(series, cells, first, opts.rankFn, opts.bottom)).slice(0, opts.limit)
    : null;
  if (split && kept && kept.length < series.length) {
    const keep = new Set(kept);
    const dropped = new Set(series.filter((s) => !keep.has(s)));
    for (const row of cells.values()) for (const s of dropped) row.delete(s);
    series = kept;
    if (opts.useother) {
      other = true;
      for (let r = 0; r < length; r++) {
        if (!split(r).some((s) => dropped.has(s))) continue;
        for (const k of rowKeys(r)) feed(k, opts.otherstr, r);
      }
    }
  }
  series.sort(compareLexical);
  // The NULL series (results without a split value) before OTHER, after the values themselves.
  const nul = split && opts.usenull ? series.indexOf(opts.nullstr) : -1;
  if (nul >= 0) series.push(...series.splice(nul, 1));
  if (other) series.push(opts.otherstr);
  return { cells, series };
}

/** Each series' score: `fn` over the first aggregate's numeric values in the series' cells. */
export function seriesScores(series: readonly string[], cells: Cells, agg: BoundAggregate, fn: string): Map<string, number> {
  const found = lookupAggregate(fn);
  if (!found) throw new Error(`internal: rank function ${fn} was not checked`);
  const { def, param } = found;
  const states = new Map(series.map((s) => [s, def.init(param)]));
  for (const row of cells.values()) {
    for (const [s, st] of row) {
      const v = toNumber(agg.result(st[0]));
      if (Number.isFinite(v)) def.add(states.get(s), v, 0);
    }
  }
  return new Map(series.map((s) => [s, toNumber(def.result(states.get(s)))]));
}

/** Series in rank order by `fn` (highest first, or lowest with `bottom`); ties by name. */
export function rankSeries(series: readonly string[], cells: Cells, agg: BoundAggregate, fn: string, bottom: boolean): string[] {
  const score = seriesScores(series, cells, agg, fn);
  const num = (s: string) => {
    const v = score.get(s) ?? Number.NaN;
    return Number.isFinite(v) ? v : bottom ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
  };
  return [...series].sort((a, b) => (bottom ? num(a) - num(b) : num(b) - num(a)) || compareLexical(a, b));
}

/**
 * Series by how many results carry them (most first, or fewest with `bottom`); ties by name. The
 * timechart page's limit: "If multiple aggregations are specified, the score is based on the
 * frequency of each value of <field>" (chart shares the rule: its page is silent).
 */
function rankByFrequency(series: readonly string[], freq: ReadonlyMap<string, number>, bottom: boolean): string[] {
  const n = (s: string) => freq.get(s) ?? 0;
  return [...series].sort((a, b) => (bottom ? n(a) - n(b) : n(b) - n(a)) || compareLexical(a, b));
}

/** A split column's name: the value alone for one aggregate, else `format` with $AGG$ and $VAL$. */
export function columnName(agg: string, value: string, aggCount: number, format: string): string {
  if (aggCount === 1) return value;
  return format.replaceAll("$AGG$", agg).replaceAll("$VAL$", value);
}

/**
 * The aggregate columns for the given row keys: one per aggregate without a split, else one per
 * (aggregate, series), aggregate by aggregate. An empty cell holds the aggregate's value over no
 * results (count 0, avg nothing).
 */
export function seriesColumns(
  p: Pivot, keys: readonly string[], aggs: readonly BoundAggregate[], split: boolean, format: string,
): { names: string[]; cols: Map<string, Value[]> } {
  const names: string[] = [];
  const cols = new Map<string, Value[]>();
  aggs.forEach((a, i) => {
    for (const s of p.series) {
      const name = split ? columnName(a.spec.as, s, aggs.length, format) : a.spec.as;
      if (!cols.has(name)) names.push(name);
      cols.set(name, keys.map((k) => {
        const st = p.cells.get(k)?.get(s);
        return a.result(st ? st[i] : a.init());
      }));
    }
  });
  return { names, cols };
}
