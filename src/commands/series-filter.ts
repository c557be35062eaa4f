/**
 * The series filter of chart and timechart: `… by <split-field> where <agg> <where-comp>`
 * (timechart reference, help.splunk.com/splunk-enterprise/spl-search-reference/10.0/search-commands/timechart,
 * "where clause": "Specifies the criteria for including particular data when generating a
 * timechart"; <where-comp> is `(in|notin) (top|bottom)<int>` — "the aggregated series value be in
 * or not in some top or bottom grouping" — or `(<|>) <num>` — "the aggregated series value be
 * greater than or less than some numeric threshold"; chart's page has the same clause). The
 * aggregated series value is `<agg>` over the series' cells of the first aggregate, as limit= and
 * agg= rank them (split-series.ts), and "these options are ignored if you specify an explicit
 * where-clause". Series left out go to OTHER like those past limit=.
 *
 * The parser reads the clause as a search expression (parser.ts, whereClause): `max > 100` is a
 * comparison, `count in top5` three terms; this turns those shapes back into the filter.
 */
import type { SeriesFilter } from "../ast/commands-report.js";
import type { CommandNode, SearchExpr } from "../ast/nodes.js";
import { diag } from "../diagnostics/diagnostic.js";
import type { BoundAggregate } from "../executor/grouping.js";
import { argsOf } from "./args.js";
import { rankSeries, seriesScores, type Cells } from "./split-series.js";
import type { CheckContext } from "./types.js";

const USAGE = "where <agg> in|notin top<N>|bottom<N>, or where <agg> < <number> | > <number>";

/** The command's where clause as a series filter; undefined without one (or when it is malformed: reported). */
export function readSeriesFilter(node: CommandNode, fns: readonly string[], ctx: CheckContext): SeriesFilter | undefined {
  const clauses = argsOf(node, "where");
  for (const extra of clauses.slice(1)) ctx.report(diag("bad-argument", { command: node.name, message: "takes one where clause" }, extra.span));
  const w = clauses[0];
  if (!w) return undefined;
  const bad = (why: string): undefined => {
    ctx.report(diag("bad-argument", { command: node.name, message: `the where-clause series filter is ${USAGE}: ${why}` }, w.span));
    return undefined;
  };
  if (argsOf(node, "by").length === 0) return bad("it needs a split-by field");
  // "Using the where clause with the count function measures the total number of events over the
  // period. This yields results similar to using the sum function" (where clause example 4): count
  // adds up the cells, which is the number of events when the aggregate counts them.
  const fnOf = (name: string): string | null => {
    const f = name.toLowerCase();
    return fns.includes(f) ? (f === "mean" ? "avg" : f === "count" ? "sum" : f) : null;
  };
  const e: SearchExpr = w.expr;
  if (e.kind === "compare") {
    const fn = fnOf(e.field);
    if (!fn) return bad(`"${e.field}" is not one of ${fns.join(", ")}`);
    if (e.op !== "<" && e.op !== ">") return bad(`the comparison is < or >, not ${e.op}`);
    const value = e.value.text.trim() === "" ? Number.NaN : Number(e.value.text);
    if (!Number.isFinite(value)) return bad(`"${e.value.text}" is not a number`);
    return { fn, kind: "threshold", op: e.op, value };
  }
  const words = e.kind === "and" && e.items.every((i) => i.kind === "term" && !i.value.quoted)
    ? e.items.map((i) => (i.kind === "term" ? i.value.text : ""))
    : [];
  if (words.length !== 3) return bad("found neither form");
  const [name = "", op = "", group = ""] = words;
  const fn = fnOf(name);
  if (!fn) return bad(`"${name}" is not one of ${fns.join(", ")}`);
  const lop = op.toLowerCase();
  if (lop !== "in" && lop !== "notin") return bad(`expected in or notin, found "${op}"`);
  const m = /^(top|bottom)(\d+)$/i.exec(group);
  if (!m) return bad(`expected top<N> or bottom<N>, found "${group}"`);
  return { fn, kind: "rank", negate: lop === "notin", bottom: (m[1] ?? "").toLowerCase() === "bottom", n: Number(m[2]) };
}

/** The series the filter keeps, out of `series` (cells hold the first aggregate's states). */
export function filterSeries(series: readonly string[], cells: Cells, agg: BoundAggregate, f: SeriesFilter): string[] {
  if (f.kind === "rank") {
    const group = new Set(rankSeries(series, cells, agg, f.fn, f.bottom).slice(0, f.n));
    return series.filter((s) => group.has(s) !== f.negate);
  }
  const score = seriesScores(series, cells, agg, f.fn);
  return series.filter((s) => {
    const v = score.get(s) ?? Number.NaN;
    return Number.isFinite(v) && (f.op === ">" ? v > f.value : v < f.value);
  });
}
