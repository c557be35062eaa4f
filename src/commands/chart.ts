/**
 * `chart [cont=] [format=|sep=] [limit=] [agg=] <aggregate>... [over <row-split> [by <column-split>]]
 * | [by <row-split> [<column-split>]]` with tc-options (useother, usenull, otherstr, nullstr,
 * dedup_splitvals) and bin options on a split field (chart reference,
 * help.splunk.com/splunk-enterprise/spl-search-reference/9.4/search-commands/chart): "the chart
 * command produces a table with an arbitrary field as the x-axis": one row per row-split value,
 * one column per aggregate, or with a column-split one column per column-split value ("each
 * column represents a distinct value of the column-split field. This is in contrast with the stats
 * command"), limited to 10 columns plus OTHER by default. `BY a b` is `OVER a BY b`. Column
 * selection and naming are timechart's (split-series.ts); bins on a split field go through bin
 * (chart-bins.ts). Rules checked here: "you cannot specify the same field in a function and as
 * the row-split field", and "Unless you specify a split-by clause, the eval expression must be
 * renamed". Choices where the page is silent: rows come sorted by the row-split value as stats
 * sorts groups (binned rows by their low end); results without a row-split value are left out.
 * The `where <agg> …` series filter after the column-split is series-filter.ts.
 */
import type { AggregateSpec } from "../ast/commands.js";
import type { ChartAggregate, ChartCommand, ChartSplit } from "../ast/commands-report.js";
import type { CommandNode } from "../ast/nodes.js";
import { diag } from "../diagnostics/diagnostic.js";
import { lookupAggregate } from "../aggregates/registry.js";
import type { BoundAggregate } from "../executor/grouping.js";
import type { Span } from "../source/source-text.js";
import { Table } from "../table/table.js";
import { compareAtoms, type Atom, type Value } from "../values/value.js";
import { argsOf, boolOption, readOptions, textOf, type OptionArg } from "./args.js";
import { BIN_OPTIONS, compareBins, fillBins, isBinned, readChartBins, splitValues } from "./chart-bins.js";
import { columnAggregate, readColumns } from "./chart-eval.js";
import { chartOptionProofs } from "./chart-options.js";
import { SPLIT_OPTIONS, bindAggregates, pivot, readSplitOptions, seriesColumns, splitReader, valueKeys } from "./split-series.js";
import { expandWildcards } from "./stats-wildcards.js";
import type { CheckContext, CommandDef, ExecContext } from "./types.js";

const OPTIONS = ["cont", ...BIN_OPTIONS, ...SPLIT_OPTIONS];
/** The one row key when there is no row split. */
const NO_ROW_SPLIT: readonly string[] = [""];

export const chart: CommandDef<"chart"> = {
  kind: "chart",
  summary: "Aggregates results into a table over a row-split field, optionally one column per value of a column-split field.",
  usage: "chart [cont=<bool>] [format=<s>|sep=<s>] [limit=[top|bottom]<int>] [agg=<fn>] <aggregate>... [over <row-split> [by <column-split>] | by <row-split> [<column-split>]] [useother=] [usenull=] [otherstr=] [nullstr=] [dedup_splitvals=]",
  examples: [
    '| makeresults count=4 | streamstats count AS n | eval host=if(n<3, "a", "b"), kind=if(n%2=0, "x", "y") | chart count over host by kind',
    '| makeresults count=3 | streamstats count AS size | chart count by size bins=2',
  ],
  options: chartOptionProofs(),
  check(node, ctx) {
    const opts = readOptions(node, OPTIONS, ctx);
    const pos = argsOf(node, "positional");
    const overAt = pos.findIndex((p) => p.value.kind === "word" && p.value.text.toLowerCase() === "over" && !p.alias);
    const aggArgs = overAt < 0 ? pos : pos.slice(0, overAt);
    const by = argsOf(node, "by").flatMap((b) => [...b.fields]);
    // "The chart command allows this behavior only with the count function" (Usage, 'Apply a
    // statistical function to all available fields'): `chart sum` is no implicit sum(*).
    for (const p of aggArgs) {
      const name = p.value.kind === "word" ? p.value.text.toLowerCase() : "";
      if (name !== "count" && name !== "c" && !p.alias && lookupAggregate(name)) {
        ctx.report(diag("bad-argument", { command: "chart", message: `${name} needs a field; chart applies a function to all fields only when the wildcard is explicit: ${name}(*)` }, p.span));
        return null;
      }
    }
    const aggregates = readColumns(node, aggArgs, ctx, by.length > 0);
    if (aggregates === null) return null;
    let fields: { name: string; span: Span }[];
    if (overAt >= 0) {
      const rowArg = pos[overAt + 1];
      for (const extra of pos.slice(overAt + 2)) ctx.report(diag("bad-argument", { command: "chart", message: "OVER takes one row-split field" }, extra.span));
      const row = rowArg ? textOf(rowArg.value, node, ctx, "a field name") : null;
      if (!rowArg || row === null) {
        ctx.report(diag("bad-argument", { command: "chart", message: "OVER needs a row-split field" }, (pos[overAt] ?? node).span));
        return null;
      }
      for (const extra of by.slice(1)) ctx.report(diag("bad-argument", { command: "chart", message: "after OVER, BY takes one column-split field" }, extra.span));
      fields = [{ name: row, span: rowArg.span }, ...by.slice(0, 1)];
    } else {
      for (const extra of by.slice(2)) ctx.report(diag("bad-argument", { command: "chart", message: "BY takes a row-split and a column-split field, no more" }, extra.span));
      fields = by.slice(0, 2);
    }
    const { row, column } = splits(node, fields, ctx);
    if (row) checkRowField(row.field, fields[0]?.span ?? node.span, aggregates, ctx);
    const split = readSplitOptions(node, opts, ctx);
    const where = argsOf(node, "where")[0];
    // The where clause picks among the column-split's series: without one it has nothing to filter.
    if (split.where && !column && where) ctx.report(diag("bad-argument", { command: "chart", message: "the where-clause series filter needs a column-split field (over <row> by <column>)" }, where.span));
    return {
      kind: "chart", aggregates,
      ...(row ? { row } : {}), ...(column ? { column } : {}),
      ...split,
      cont: boolOption(opts.get("cont"), node, ctx, true),
      span: node.span,
    } satisfies ChartCommand;
  },
  plan(cmd) {
    return (input, ctx) => runChart(input, cmd, ctx);
  },
};

/** The row and column splits with the bin options written after each field. */
function splits(node: CommandNode, fields: readonly { name: string; span: Span }[], ctx: CheckContext): { row?: ChartSplit; column?: ChartSplit } {
  const binOpts = argsOf(node, "option").filter((o) => BIN_OPTIONS.includes(o.key.toLowerCase()));
  const [row, col] = fields;
  if (!row) {
    for (const o of binOpts) ctx.report(diag("bad-argument", { command: "chart", message: `${o.key}= bins a split field; give one with OVER or BY` }, o.keySpan));
    return {};
  }
  const forCol: OptionArg[] = [];
  const forRow: OptionArg[] = [];
  for (const o of binOpts) (col && o.span.start > col.span.end ? forCol : forRow).push(o);
  const split = (f: { name: string }, given: OptionArg[]): ChartSplit => {
    const bins = readChartBins(node, given, ctx);
    return { field: f.name, ...(bins ? { bins } : {}) };
  };
  return { row: split(row, forRow), ...(col ? { column: split(col, forCol) } : {}) };
}

/** "you cannot specify the same field in a function and as the row-split field". */
function checkRowField(row: string, at: Span, aggregates: readonly ChartAggregate[], ctx: CheckContext): void {
  const used = aggregates.flatMap((a) => (a.kind === "eval" ? a.parts : [a.spec])).some((s) => s.field === row);
  if (used) ctx.report(diag("bad-argument", { command: "chart", message: `"${row}" cannot be both aggregated and the row-split field; copy it first (eval ${row}1=${row})` }, at));
}

function runChart(input: Table, cmd: ChartCommand, ctx: ExecContext): Table {
  // Usage, 'Apply a statistical function to all available fields': "If you want to apply other
  // functions to all fields, you must make the wildcard explicit: | chart sum(*)". A wildcard
  // field stands for each input field it matches, as in stats, except the split fields, which
  // cannot be aggregated and split on at once.
  const splitFields = [cmd.row?.field, cmd.column?.field];
  const fields = input.fields.filter((f) => !splitFields.includes(f));
  const columns = cmd.aggregates.flatMap((a): ChartAggregate[] => (a.kind === "agg" ? expandWildcards([a.spec], fields).map((spec) => ({ ...a, spec })) : [a]));
  const specs: AggregateSpec[] = columns.flatMap((a) => (a.kind === "eval" ? a.parts : [a.spec]));
  const bound = bindAggregates(input, specs, ctx.fn);
  const bySpec = new Map(specs.map((s, i) => [s, bound[i] as BoundAggregate]));
  const aggs = columns.map((a) => columnAggregate(a, bySpec, ctx.fn));
  const atomOf = new Map<string, Atom>();
  const rowVals = cmd.row ? splitValues(input, cmd.row, ctx) : null;
  // dedup_splitvals applies to the row-split too: basic example 8 (`chart avg(field) BY mvfield
  // dedup_splitval=true`) "Deduplicates the values in the mvfield", a row-split field.
  const rowKeys = rowVals ? valueKeys(rowVals, cmd.dedupSplitvals, atomOf) : () => NO_ROW_SPLIT;
  const colVals = cmd.column ? splitValues(input, cmd.column, ctx) : undefined;
  const p = pivot(input.length, aggs, rowKeys, colVals ? splitReader(colVals, cmd) : null, cmd);
  let keys = [...p.cells.keys()];
  if (!cmd.row) {
    if (keys.length === 0) keys = [""];
  } else if (isBinned(cmd.row)) {
    keys.sort(compareBins);
    if (cmd.cont) keys = [...fillBins(keys, cmd.row)];
  } else {
    keys.sort((a, b) => compareAtoms(atomOf.get(a) as Atom, atomOf.get(b) as Atom));
  }
  const { names, cols } = seriesColumns(p, keys, aggs, cmd.column !== undefined, cmd.format);
  if (!cmd.row) return Table.fromColumns(names, cols, keys.length);
  const rowField = cmd.row.field;
  const rowCol: Value[] = keys.map((k) => atomOf.get(k) ?? (/^-?\d+$/.test(k) && rowField === "_time" ? Number(k) : k));
  const all = new Map<string, Value[]>([[rowField, rowCol], ...cols]);
  return Table.fromColumns([rowField, ...names.filter((n) => n !== rowField)], all, keys.length);
}
